// "Book" on the card and POST /api/v1/conferences: a checked request becomes a draft conference,
// saved with its audit entries in one transaction. A date past the statutory latest (or a repeat
// plan) waits for the named manager, who gets an approval card; otherwise the caller confirms it
// (confirmBooking) and the Teams meeting is created.
import type { BookingRequestInput } from '../../domain/booking/check-booking-request';
import type { BookingAnswer } from '../../domain/booking/check-booking-request';
import type { Approval, Conference } from '../../domain/conference/conference';
import type { AppDeps } from '../app-deps';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { type ApprovalNotice, sendApprovalCards } from './approvals.use-case';
import { actorOf } from './booking-context';
import { BookingFieldsRefused } from './booking-request-errors';
import { bookingViewer, evaluateBooking } from './check-booking.use-case';
import { answerDetail, draftConference } from './draft-conference';

export interface CreatedConference {
  conference: Conference;
  answer: BookingAnswer;
  /** The approvals it waits for before it can be booked (empty: confirm it now). */
  pendingApprovals: Approval[];
  notices: ApprovalNotice[];
}

export async function createConference(deps: AppDeps, actorId: string | undefined, input: BookingRequestInput): Promise<CreatedConference> {
  const viewer = await bookingViewer(deps, actorId);
  const checked = await evaluateBooking(deps, input);
  if (!checked.ok) throw new BookingFieldsRefused(checked.fieldErrors);
  const person = await deps.directory.get(viewer.id);
  const draft = draftConference(checked, { viewer, person }, deps.profileId, deps.clock.now().toISOString());
  const actor = actorOf(viewer);
  // A new id: no other run can hold it, so one transaction (no lease) makes it and its audit entries.
  const conference = await deps.uow.run(async (tx) => {
    const created = await deps.store.create(draft, tx);
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'conference.created', conferenceId: created.id, detail: answerDetail(created, checked.answer) }, tx);
    for (const a of created.approvals ?? []) {
      await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'approval.requested', conferenceId: created.id, detail: { approvalId: a.id, kind: a.kind, approverId: a.approverId } }, tx);
    }
    // Its reminders (T8 police checks, T23 booking) commit with it.
    await scheduleReminders(deps, created, tx);
    return created;
  });
  const pendingApprovals = conference.approvals ?? [];
  const notices = await sendApprovalCards(deps, conference, pendingApprovals, actor);
  return { conference, answer: checked.answer, pendingApprovals, notices };
}
