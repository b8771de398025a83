// The confirmation page for people without the app (an e-mailed, signed link): what the page
// shows for a token (case reference, kind, date and time, their latest answer — never a name),
// and the answer posted from it. The link is single-purpose ('attendance'), bound to one invitee
// of one conference and expires at the end of the conference day; a forged, expired or
// wrong-purpose token, or one whose invitee is no longer invited, opens nothing and changes nothing.
import type { Viewer } from '../../domain/access/access-decision';
import type { AttendanceAnswer } from '../../domain/conference/conference';
import type { AppDeps } from '../app-deps';
import { type LinkClaims, LinkError } from '../ports/link-signer.port';
import { answerAttendance } from './answer-attendance.use-case';
import { kindLabel, longDate, timeRange } from './conference-when';
import { REPORTING_ROLES } from '../../domain/reports/report-rules';
import { reportLinkFor } from './attendance-card';

export type LinkRefusal = LinkError['code'] | 'LINK.NOT_INVITED' | 'LINK.WRONG_INVITEE';

export class LinkRefused extends Error {
  constructor(readonly code: LinkRefusal) {
    super(code);
  }
}

export interface ConfirmationView {
  caseReference: string;
  kind: string;
  date: string;
  time: string;
  latest?: AttendanceAnswer['answer'];
  stoodDown: boolean;
}

function claimsOf(deps: AppDeps, token: string): LinkClaims {
  try {
    return deps.links.verify(token, 'attendance', deps.clock.now());
  } catch (err) {
    if (err instanceof LinkError) throw new LinkRefused(err.code);
    throw err;
  }
}

/** The link's own viewer: bound to its invitee, never the organiser, never anyone else. */
const linkViewer = (c: LinkClaims): Viewer => ({ id: `link:${c.inviteeId}`, role: 'professional', invitation: { conferenceId: c.conferenceId, inviteeId: c.inviteeId } });

export async function openConfirmation(deps: AppDeps, token: string): Promise<ConfirmationView> {
  const claims = claimsOf(deps, token);
  const c = await deps.store.get(claims.conferenceId);
  const invitee = c?.invitees.find((i) => i.id === claims.inviteeId && i.status !== 'removed');
  if (!c || !invitee) throw new LinkRefused('LINK.NOT_INVITED');
  const latest = invitee.attendance?.at(-1)?.answer;
  return { caseReference: c.caseReference, kind: kindLabel(c), date: longDate(c.start), time: timeRange(c), ...(latest ? { latest } : {}), stoodDown: c.status === 'stood-down' };
}

export async function answerByLink(
  deps: AppDeps,
  token: string,
  form: { inviteeId?: string; answer: AttendanceAnswer['answer']; colleague?: { displayName: string; role: string } },
): Promise<{ answer: AttendanceAnswer; changed: boolean; reportUrl?: string }> {
  const claims = claimsOf(deps, token);
  // The form carries the invitee the page was opened for: a token pasted into another invitee's page is refused.
  if (form.inviteeId !== undefined && form.inviteeId !== claims.inviteeId) throw new LinkRefused('LINK.WRONG_INVITEE');
  const r = await answerAttendance(deps, linkViewer(claims), {
    conferenceId: claims.conferenceId,
    inviteeId: claims.inviteeId,
    answer: form.answer,
    ...(form.colleague ? { colleague: form.colleague } : {}),
    via: 'link',
  });
  // Not attending: the page hands over the report link at once (the e-mail had only this one).
  const reportUrl = r.answer.answer === 'not-attending' && REPORTING_ROLES.has(r.invitee.role) ? reportLinkFor(deps, r.conference, r.invitee) : undefined;
  return { answer: r.answer, changed: r.changed, ...(reportUrl ? { reportUrl } : {}) };
}

/** The invitee id a token is bound to (the page's hidden field), or null when it does not verify. */
export function inviteeOfToken(deps: AppDeps, token: string): string | null {
  try {
    return claimsOf(deps, token).inviteeId;
  } catch {
    return null;
  }
}
