// POST /api/v1/conferences/:id/rebooking: a new draft conference in place of a stood-down one
// (same kind, case reference, anchor, chair and social worker; a new date and time). Its last
// date is the statutory latest (and, after a not-quorate stand-down, T17's reconvene-by date);
// past it, a named service manager's approval is required before it can be booked.
import type { Conference } from '../../domain/conference/conference';
import type { AnchorKind } from '../../domain/timescales/anchors';
import type { AppDeps } from '../app-deps';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { BookingError } from '../meetings/booking-errors';
import { type ApprovalNotice, sendApprovalCards } from './approvals.use-case';
import { actorOf, loadFor } from './booking-context';
import { BookingFieldsRefused, BookingRequestError } from './booking-request-errors';
import { bookingViewer, evaluateBooking } from './check-booking.use-case';
import type { BookingAnswer } from '../../domain/booking/check-booking-request';
import { answerDetail, draftConference } from './draft-conference';

export interface RebookRequest {
  date: string;
  startTime: string;
  durationMinutes?: number;
  confidentialMinutes?: number;
  lateReason?: string;
  /** Past the last date: the service manager who approves it. */
  managerId?: string;
}

export interface Rebooked {
  conference: Conference;
  original: Conference;
  answer: BookingAnswer;
  notices: ApprovalNotice[];
}

export async function rebookConference(deps: AppDeps, actorId: string | undefined, conferenceId: string, request: RebookRequest): Promise<Rebooked> {
  const viewer = await bookingViewer(deps, actorId);
  const original = await loadFor(deps, viewer, conferenceId, 'conference.reschedule');
  if (original.status !== 'stood-down') throw new BookingRequestError('BOOKING.NOT_STOOD_DOWN', `conference ${original.id} is ${original.status}`);
  if (original.standDown?.rebookedAs) throw new BookingRequestError('BOOKING.ALREADY_REBOOKED', `conference ${original.id} was rebooked`, { rebookedAs: original.standDown.rebookedAs });
  const anchorKind = (Object.keys(original.anchors ?? {}) as AnchorKind[]).find((k) => original.anchors?.[k] !== undefined);
  const b = original.booking;
  const checked = await evaluateBooking(
    deps,
    {
      kind: original.kind,
      caseReference: original.caseReference,
      ...(anchorKind && { anchorKind, anchorDate: original.anchors![anchorKind] }),
      chairId: b?.chairId ?? '',
      socialWorkerId: b?.socialWorkerId ?? '',
      date: request.date,
      startTime: request.startTime,
      durationMinutes: request.durationMinutes ?? b?.durationMinutes ?? 90,
      confidentialMinutes: request.confidentialMinutes ?? b?.confidentialMinutes ?? 0,
      ...(request.lateReason !== undefined && { lateReason: request.lateReason }),
      ...(request.managerId !== undefined && { managerId: request.managerId }),
    },
    {
      ...(original.standDown?.reconveneBy && { reconveneBy: original.standDown.reconveneBy }),
      lateApprover: { roles: ['service-manager'], wrongRole: 'BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER', message: 'Past the last date, a service manager approves the rebooking.' },
    },
  );
  if (!checked.ok) throw new BookingFieldsRefused(checked.fieldErrors);
  const person = await deps.directory.get(viewer.id);
  const now = deps.clock.now().toISOString();
  const draft = draftConference(checked, { viewer, person }, original.profileId, now, { rebookingOf: original.id, lateApprovalKind: 'rebooking-past-last-date' });
  const actor = actorOf(viewer);
  const { conference, saved } = await deps.uow.run(async (tx) => {
    const current = await deps.store.get(original.id, tx);
    if (!current) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${original.id} not found`);
    if (current.standDown?.rebookedAs) throw new BookingRequestError('BOOKING.ALREADY_REBOOKED', `conference ${original.id} was rebooked`, { rebookedAs: current.standDown.rebookedAs });
    const created = await deps.store.create(draft, tx);
    const saved = await deps.store.save({ ...current, standDown: { ...current.standDown!, rebookedAs: created.id } }, tx);
    const append = (conferenceId: string, action: string, detail: Parameters<AppDeps['audit']['append']>[0]['detail']) => deps.audit.append({ actorId: actor.id, actorRole: actor.role, action, conferenceId, detail }, tx);
    await append(original.id, 'conference.rebooked', { rebookedAs: created.id });
    await append(created.id, 'conference.created', { ...answerDetail(created, checked.answer), rebookingOf: original.id });
    for (const a of created.approvals ?? []) await append(created.id, 'approval.requested', { approvalId: a.id, kind: a.kind, approverId: a.approverId });
    await scheduleReminders(deps, created, tx);
    return { conference: created, saved };
  });
  const notices = await sendApprovalCards(deps, conference, conference.approvals ?? [], actor);
  return { conference, original: saved, answer: checked.answer, notices };
}
