// The chair's card for redacted copies: sent once to the chair's 1:1 chat when copies first wait
// for approval (saved on the record so a rerun does not send it again), and the card's answer
// after each approval. Roles and invitee ids only.
import { randomUUID } from 'node:crypto';
import type { Conference } from '../../domain/conference/conference';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import type { RecordPart } from '../../domain/record/record-parts';
import type { RecordRecipient } from '../../domain/record/record-state';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { redactedApprovalCard } from '../../cards/record/record.view-model';
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
  return redactedApprovalCard({
    conferenceId: c.id,
    caseReference: c.caseReference,
    actionId: randomUUID(),
    approveVerb: 'record.approve-redacted',
    lines: redacted.map((r) => ({
      inviteeId: r.inviteeId,
      role: ROLE_LABEL(roles.get(r.inviteeId) ?? 'invitee'),
      leavesOut: r.withheld.map((w) => PART[w.part]).join(', '),
      previewUrl: recordDownloadLink(deps, c.id, r.inviteeId, deps.clock.now()),
      approved: r.approval?.approvedAt !== undefined,
      state: STATE[r.state],
    })),
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
