// Reading the stage view: with a bearer token (anyone part of the conference), or with the signed
// link the chair shares to the meeting stage (purpose 'stage-view', bound to the chair's invitee
// entry, valid to the end of the conference day), which works for people in the call without an
// account. The chair alone asks for that link.
import { LinkError } from '../../ports/link-signer.port';
import { requireViewer } from '../../access/viewer-of';
import type { AppDeps } from '../../app-deps';
import { loadFor } from '../../booking/booking-context';
import { endOfLondonDay } from '../../reports/london-time';
import { chairInviteeOf, isChairOf, refuse } from '../stage/chair-context';
import { StageViewError } from './stage-view-errors';
import { type StageView, stageViewOf } from './stage-view';

export async function readStageView(deps: AppDeps, actorId: string, conferenceId: string): Promise<StageView> {
  const viewer = await requireViewer(deps, actorId, 'stage-view.read');
  const c = await loadFor(deps, viewer, conferenceId, 'conference.read');
  return stageViewOf(c, await deps.live.get(c.id));
}

export async function readStageViewByLink(deps: AppDeps, token: string): Promise<StageView> {
  let claims: ReturnType<AppDeps['links']['verify']>;
  try {
    claims = deps.links.verify(token, 'stage-view', deps.clock.now());
  } catch (err) {
    if (err instanceof LinkError && err.code === 'LINK.EXPIRED') throw new StageViewError('STAGE_VIEW.LINK_EXPIRED', 'the stage view link has expired');
    throw new StageViewError('STAGE_VIEW.LINK_NOT_VALID', 'the stage view link is not valid');
  }
  const c = await deps.store.get(claims.conferenceId);
  // Bound to the chair who shared it: a chair since replaced (or a stood-down conference) shows nothing.
  if (!c || c.status === 'stood-down' || chairInviteeOf(c)?.id !== claims.inviteeId) throw new StageViewError('STAGE_VIEW.LINK_NOT_VALID', 'the stage view link is no longer valid');
  return stageViewOf(c, await deps.live.get(c.id));
}

export async function stageViewShareUrl(deps: AppDeps, actorId: string, conferenceId: string): Promise<{ url: string; expiresAt: string }> {
  const viewer = await requireViewer(deps, actorId, 'stage-view.share');
  const c = await loadFor(deps, viewer, conferenceId, 'conference.read');
  const chair = chairInviteeOf(c);
  if (!isChairOf(c, viewer.id) || !chair) await refuse(deps, viewer, c, 'stage-view.share', 'MEETING.NOT_THE_CHAIR');
  const expiresAt = endOfLondonDay(c.end.slice(0, 10));
  const token = deps.links.sign({ purpose: 'stage-view', conferenceId: c.id, inviteeId: chair!.id, expiresAt });
  return { url: `${deps.publicBaseUrl}/tab/stage?conference=${encodeURIComponent(c.id)}&token=${encodeURIComponent(token)}`, expiresAt };
}
