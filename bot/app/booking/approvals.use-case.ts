// Approvals a booking, a repeat plan, a stand-down or a rebooking waits for: the named manager
// gets a card; only they may decide (anyone else is refused, audited); a decision is final. An
// approval that clears the last one a draft waits for books its meeting; an approved stand-down
// stands the conference down (the Teams meeting cancelled, each family member told).
import { CodedError } from '../../domain/shared/coded-error';
import type { Approval, Conference } from '../../domain/conference/conference';
import { ACCESS_REFUSED_AUDIT_ACTION } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { revokeReportAccess } from '../reports/revoke-report-access';
import { type BookingResult, bookMeeting } from '../meetings/book-meeting.use-case';
import { BookingError } from '../meetings/booking-errors';
import { withBookingRun } from '../meetings/booking-run';
import { type SyncReport, standDown } from '../meetings/change-booking.use-case';
import { ChatNotifierError } from '../ports/chat-notifier.port';
import { approvalCard } from './approval-card';
import { actorOf, checkVersion } from './booking-context';
import { BookingRequestError } from './booking-request-errors';

export interface ApprovalNotice {
  approvalId: string;
  sent: boolean;
  code?: string;
}

/** Sends each approval's card to its manager; a failure is audited and reported, never thrown. */
export async function sendApprovalCards(deps: AppDeps, c: Conference, approvals: readonly Approval[], actor: { id: string; role: string }): Promise<ApprovalNotice[]> {
  const out: ApprovalNotice[] = [];
  for (const approval of approvals) {
    try {
      await deps.notifier.sendCard(approval.approverId, approvalCard(c, approval));
      await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'approval.card-sent', conferenceId: c.id, detail: { approvalId: approval.id, kind: approval.kind } });
      out.push({ approvalId: approval.id, sent: true });
    } catch (err) {
      if (!(err instanceof ChatNotifierError)) throw err;
      await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'approval.card-failed', conferenceId: c.id, detail: { approvalId: approval.id, kind: approval.kind, code: err.code } });
      out.push({ approvalId: approval.id, sent: false, code: err.code });
    }
  }
  return out;
}

/** Refused while an approval is pending or was refused (the codes say which). */
export function refuseIfAwaitingApproval(c: Conference, kinds?: readonly Approval['kind'][]): void {
  const relevant = (c.approvals ?? []).filter((a) => !kinds || kinds.includes(a.kind));
  const refused = relevant.find((a) => a.status === 'refused');
  if (refused) throw new BookingRequestError('BOOKING.APPROVAL_REFUSED', `approval ${refused.id} was refused`, { approvalId: refused.id, kind: refused.kind });
  const pending = relevant.find((a) => a.status === 'pending');
  if (pending) throw new BookingRequestError('BOOKING.APPROVAL_PENDING', `approval ${pending.id} is pending`, { approvalId: pending.id, kind: pending.kind });
}

export const BOOKING_APPROVAL_KINDS = ['late-booking', 'repeat-plan-oversight', 'rebooking-past-last-date'] as const;

export interface ApprovalDecision {
  decision: 'approve' | 'refuse';
  note?: string;
}

export interface DecidedApproval {
  conference: Conference;
  approval: Approval;
  /** What the decision set going: the meeting booked, or the conference stood down. */
  followUp: { kind: 'none' } | { kind: 'booked'; result: BookingResult } | { kind: 'stood-down'; result: SyncReport } | { kind: 'failed'; code: string };
}

export async function decideApproval(deps: AppDeps, actorId: string | undefined, conferenceId: string, approvalId: string, input: ApprovalDecision, ifMatch: number | null = null): Promise<DecidedApproval> {
  const viewer = await requireViewer(deps, actorId, 'approval.decide');
  const found = await deps.store.get(conferenceId);
  const approval = found?.approvals?.find((a) => a.id === approvalId);
  if (!found || !approval) throw new BookingRequestError('BOOKING.APPROVAL_NOT_FOUND', `no approval ${approvalId} on conference ${conferenceId}`);
  if (approval.approverId.toLowerCase() !== viewer.id.toLowerCase()) {
    await deps.audit.append({
      actorId: viewer.id, actorRole: viewer.role, action: ACCESS_REFUSED_AUDIT_ACTION, conferenceId,
      detail: { attempted: 'approval.decide', code: 'BOOKING.NOT_THE_APPROVER', approvalId, kind: approval.kind },
    });
    throw new BookingRequestError('BOOKING.NOT_THE_APPROVER', `approval ${approvalId} names another manager`, { approvalId });
  }
  checkVersion(found, ifMatch);
  const actor = actorOf(viewer);
  const decided = await withBookingRun(deps, conferenceId, actor, async (run) => {
    const c = await run.load();
    const current = c.approvals?.find((a) => a.id === approvalId);
    if (current?.status !== 'pending') throw new BookingRequestError('BOOKING.APPROVAL_ALREADY_DECIDED', `approval ${approvalId} is already ${current?.status}`, { approvalId });
    const note = input.note?.trim();
    const next: Approval = { ...current, status: input.decision === 'approve' ? 'approved' : 'refused', decidedAt: run.now(), ...(note && { note }) };
    const approvals = (c.approvals ?? []).map((a) => (a.id === approvalId ? next : a));
    // A refused stand-down leaves the conference as it was: its request is dropped.
    const { standDown: request, ...rest } = c;
    const keepRequest = !(current.kind === 'stand-down' && next.status === 'refused' && request?.approvalId === approvalId);
    const updated: Conference = { ...rest, ...(request && keepRequest && { standDown: request }), approvals };
    return run.step(async (s) => {
      const saved = await s.save(updated);
      await s.audit('approval.decided', { approvalId, kind: current.kind, decision: next.status, noteGiven: note !== undefined && note !== '' });
      return { conference: saved, approval: next };
    });
  });
  const next = await followUp(deps, decided.conference, decided.approval, actor);
  await tellRequester(deps, decided.conference, decided.approval, actor);
  return { ...decided, followUp: next };
}

/** The requester's copy of the decided card (no buttons); a failure is audited, never thrown. */
async function tellRequester(deps: AppDeps, c: Conference, approval: Approval, actor: { id: string; role: string }): Promise<void> {
  const detail = { approvalId: approval.id, kind: approval.kind, requesterId: approval.requestedBy };
  try {
    await deps.notifier.sendCard(approval.requestedBy, approvalCard(c, approval));
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'approval.requester-told', conferenceId: c.id, detail });
  } catch (err) {
    if (!(err instanceof ChatNotifierError)) throw err;
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'approval.requester-not-told', conferenceId: c.id, detail: { ...detail, code: err.code } });
  }
}

async function followUp(deps: AppDeps, c: Conference, approval: Approval, actor: { id: string; role: string }): Promise<DecidedApproval['followUp']> {
  if (approval.status !== 'approved') return { kind: 'none' };
  try {
    if (approval.kind === 'stand-down') {
      if (!c.standDown) return { kind: 'none' };
      const result = await standDown(deps, c.id, c.standDown.reason, actor);
      await revokeReportAccess(deps, c.id, actor);
      return { kind: 'stood-down', result };
    }
    const waiting = (c.approvals ?? []).some((a) => a.status !== 'approved' && (BOOKING_APPROVAL_KINDS as readonly string[]).includes(a.kind));
    if (c.status !== 'draft' || waiting) return { kind: 'none' };
    return { kind: 'booked', result: await bookMeeting(deps, c.id, actor) };
  } catch (err) {
    // The decision stands; the booking or stand-down resumes on its own request (POST …/booking, …/stand-down).
    if (err instanceof CodedError || err instanceof BookingError) return { kind: 'failed', code: err.code };
    throw err;
  }
}

export interface PendingApprovalView {
  conferenceId: string;
  caseReference: string;
  kind: Conference['kind'];
  start: string;
  approval: Approval;
}

/** The approvals waiting for the caller's decision, oldest first. */
export async function listPendingApprovals(deps: AppDeps, actorId: string | undefined): Promise<PendingApprovalView[]> {
  const viewer = await requireViewer(deps, actorId, 'approval.list');
  const conferences = await deps.store.listWithPendingApprovalFor(viewer.id);
  return conferences
    .flatMap((c) => (c.approvals ?? []).filter((a) => a.status === 'pending' && a.approverId.toLowerCase() === viewer.id.toLowerCase()).map((approval) => ({ conferenceId: c.id, caseReference: c.caseReference, kind: c.kind, start: c.start, approval })))
    .sort((a, b) => a.approval.requestedAt.localeCompare(b.approval.requestedAt));
}
