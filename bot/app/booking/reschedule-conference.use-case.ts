// PATCH /api/v1/conferences/:id: a new date or time, checked like a booking (a working day in the
// calendar, hours, length) and against the statutory latest date again. A booked conference moves
// its Teams meeting and tells each family member (rescheduleMeeting); a draft just changes.
import type { BookingField, FieldErrors } from '../../domain/booking/booking-rule-codes';
import { checkBookingRequest } from '../../domain/booking/check-booking-request';
import type { AnchorKind } from '../../domain/timescales/anchors';
import type { Conference } from '../../domain/conference/conference';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { withBookingRun } from '../meetings/booking-run';
import { rescheduleMeeting, type SyncReport } from '../meetings/change-booking.use-case';
import { actorOf, calendarOf, checkVersion, loadFor, refuseIfStoodDown } from './booking-context';
import { BookingFieldsRefused, BookingRequestError } from './booking-request-errors';

export interface RescheduleRequest {
  date: string;
  startTime: string;
  durationMinutes?: number;
  confidentialMinutes?: number;
}

/** Fields a reschedule does not change: their rules were met when it was booked. */
const UNCHANGED: readonly BookingField[] = ['kind', 'caseReference', 'anchorKind', 'chairId', 'socialWorkerId', 'lateReason', 'managerId', 'previousPlanEndedOn', 'serviceManagerId'];

export interface Rescheduled {
  conference: Conference;
  /** Present when the Teams meeting and the family e-mails were brought up to date. */
  sync?: SyncReport;
}

export async function rescheduleConference(deps: AppDeps, actorId: string | undefined, conferenceId: string, request: RescheduleRequest, ifMatch: number | null = null): Promise<Rescheduled> {
  const viewer = await requireViewer(deps, actorId, 'conference.reschedule');
  const c = await loadFor(deps, viewer, conferenceId, 'conference.reschedule');
  checkVersion(c, ifMatch);
  refuseIfStoodDown(c);
  if (c.status !== 'draft' && c.status !== 'booked') throw new BookingRequestError('BOOKING.NOT_CHANGEABLE', `conference ${c.id} is ${c.status}`);

  const profile = deps.profileFor(c.profileId);
  const anchorKind = (Object.keys(c.anchors ?? {}) as AnchorKind[]).find((k) => c.anchors?.[k] !== undefined);
  const checked = checkBookingRequest(profile, calendarOf(profile), {
    kind: c.kind,
    caseReference: c.caseReference,
    ...(anchorKind && { anchorKind, anchorDate: c.anchors![anchorKind] }),
    chairId: c.booking?.chairId ?? 'chair',
    socialWorkerId: c.booking?.socialWorkerId ?? 'social-worker',
    date: request.date,
    startTime: request.startTime,
    durationMinutes: request.durationMinutes ?? c.booking?.durationMinutes ?? minutesBetween(c.start, c.end),
    confidentialMinutes: request.confidentialMinutes ?? c.booking?.confidentialMinutes ?? (c.familySectionStart ? minutesBetween(c.start, c.familySectionStart) : 0),
  }, deps.clock.today());
  const errors: FieldErrors = checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).filter(([f]) => !UNCHANGED.includes(f as BookingField) && (anchorKind || f !== 'anchorDate')));
  if (Object.keys(errors).length > 0) throw new BookingFieldsRefused(errors);
  const answer = checked.answer;
  const approvedLate = (c.approvals ?? []).some((a) => (a.kind === 'late-booking' || a.kind === 'rebooking-past-last-date') && a.status === 'approved');
  if (answer?.late && !approvedLate) {
    const latest = answer.statutoryLatest?.date ?? null;
    throw new BookingRequestError('BOOKING.RESCHEDULE_PAST_LATEST', `the new date is past the statutory latest date ${latest}`, { rule: answer.statutoryLatest?.rule ?? null, latest });
  }
  // Everything but the latest-date rules passed, so the request's own values are the new times.
  const start = `${request.date}T${request.startTime}`;
  const duration = request.durationMinutes ?? c.booking?.durationMinutes ?? minutesBetween(c.start, c.end);
  const confidential = request.confidentialMinutes ?? c.booking?.confidentialMinutes ?? 0;
  const end = addMinutes(start, duration);
  const familySectionStart = confidential > 0 ? addMinutes(start, confidential) : null;
  const actor = actorOf(viewer);
  const booking = c.booking && { ...c.booking, durationMinutes: duration, confidentialMinutes: confidential };

  if (c.status === 'booked' && c.meeting) {
    const sync = await rescheduleMeeting(deps, c.id, { start, end, familySectionStart }, actor);
    const conference = booking ? await saveBooking(deps, sync.conference.id, actor, booking) : sync.conference;
    return { conference, sync };
  }
  const conference = await withBookingRun(deps, c.id, actor, async (run) => {
    const current = await run.load();
    const { familySectionStart: _old, ...rest } = current;
    const next: Conference = { ...rest, start, end, ...(familySectionStart && { familySectionStart }), ...(booking && { booking }) };
    return run.step(async (s) => {
      const saved = await s.save(next);
      await s.audit('conference.rescheduled', { fromDate: current.start.slice(0, 10), toDate: request.date, late: answer?.late ?? false });
      return saved;
    });
  });
  return { conference };
}

/** The booking details' length fields, kept in line with the moved meeting. */
async function saveBooking(deps: AppDeps, id: string, actor: { id: string; role: string }, booking: NonNullable<Conference['booking']>): Promise<Conference> {
  return withBookingRun(deps, id, actor, async (run) => {
    const c = await run.load();
    if (c.booking?.durationMinutes === booking.durationMinutes && c.booking.confidentialMinutes === booking.confidentialMinutes) return c;
    return run.step((s) => s.save({ ...c, booking }));
  });
}

function minutesBetween(a: string, b: string): number {
  return (Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60_000;
}

function addMinutes(start: string, minutes: number): string {
  return new Date(Date.parse(`${start}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}
