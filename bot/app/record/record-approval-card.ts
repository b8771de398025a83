// The chair's card for redacted copies: sent once to the chair's 1:1 chat when copies first wait
// for approval (saved on the record so a rerun does not send it again), and the card's answer
// after each approval. Roles and invitee ids only.
import { randomUUID } from 'node:crypto';
import type { Conference } from '../../domain/conference/conference';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import type { RecordPart } from '../../domain/record/record-parts';
import type { RecordRecipient } from '../../domain/record/record-state';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { render } from '../../cards/record-approval/record-approval.view-model';
import type { AppDeps } from '../app-deps';
import { ChatNotifierError } from '../ports/chat-notifier.port';
import { recordDownloadLink } from './record-link';

const PART: Record<RecordPart, string> = { confidential: 'confidential section', family: 'family section', decision: 'decision', 'looked-after': 'looked-after part' };
const ROLE_LABEL = (role: string) => role.charAt(0).toUpperCase() + role.slice(1).replace(/-/g, ' ');
const STATE: Record<RecordRecipient['state'], string> = {
  'awaiting-approval': 'awaiting your approval', due: 'approved, being sent', sending: 'being sent', sent: 'sent', failed: 'not sent (failed): the clerk is told', unknown: 'not confirmed: the clerk is told',
};

export function approvalCard(deps: Pick<AppDeps, 'links' | 'publicBaseUrl' | 'clock'>, c: Conference, live: LiveMeeting): AdaptiveCardJson {
  const redacted = (live.record?.recipients ?? []).filter((r) => r.approval);
  const roles = new Map(c.invitees.map((i) => [i.id, i.role]));
  const actionId = randomUUID();
  return render({
    title: `Redacted copies of the record: ${c.caseReference}`,
    intro: 'These people were excluded from part of the meeting (or attended only their own slot). Their copy leaves those parts out and goes only once you approve it.',
    lines: redacted.map((r) => ({
      who: `${ROLE_LABEL(roles.get(r.inviteeId) ?? 'invitee')} (${r.inviteeId})`,
      leavesOut: `Leaves out: ${r.withheld.map((w) => PART[w.part]).join(', ')}`,
      status: `Status: ${STATE[r.state]}`,
      previewTitle: 'Preview this copy',
      previewUrl: recordDownloadLink(deps, c.id, r.inviteeId, deps.clock.now()),
      approve: r.approval?.approvedAt ? [] : [{ title: 'Approve and send', approveVerb: 'record.approve-redacted' as const, conferenceId: c.id, inviteeId: r.inviteeId, actionId }],
    })),
    footer: 'Only you can approve these copies. Approving sends that copy at once.',
  });
}

/** The chair's card, once, when some copy waits for approval; a chair without a chat approves through the API. */
export async function sendApprovalRequest(deps: AppDeps, holder: string, c: Conference, live: LiveMeeting): Promise<LiveMeeting | null> {
  const record = live.record;
  if (!record || record.approvalRequestedAt || !record.recipients.some((r) => r.state === 'awaiting-approval')) return null;
  const chairId = c.booking?.chairId ?? c.invitees.find((i) => i.role === 'chair')?.directoryId;
  if (!chairId) return null;
  try {
    await deps.notifier.sendCard(chairId, approvalCard(deps, c, live));
  } catch (err) {
    if (err instanceof ChatNotifierError) return null;
    throw err;
  }
  const at = deps.clock.now().toISOString();
  return deps.uow.run(async (tx) => {
    if (!(await deps.lease.renew(c.id, holder, 5 * 60_000, tx))) return null;
    const fresh = await deps.live.get(c.id, tx);
    if (!fresh?.record) return null;
    const saved = await deps.live.save({ ...fresh, record: { ...fresh.record, approvalRequestedAt: at } }, tx);
    await deps.audit.append({ actorId: 'system', actorRole: 'system', action: 'record.approval-requested', conferenceId: c.id, detail: { chairId, inviteeIds: fresh.record.recipients.filter((r) => r.state === 'awaiting-approval').map((r) => r.inviteeId) } }, tx);
    return saved;
  });
}
