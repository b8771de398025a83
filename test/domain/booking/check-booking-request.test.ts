// The booking request's rules, field by field (a card shows each code beside its field), and the
// answer: statutory latest date, derived deadlines, misses. Table tests plus properties.
import fc from 'fast-check';
import { bookingReminderDates, bookingReminderDue } from '../../../bot/domain/booking/booking-reminders';
import { type BookingRequestInput, checkBookingRequest } from '../../../bot/domain/booking/check-booking-request';
import { checkCaseReference } from '../../../bot/domain/booking/case-reference';
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { addCalendarDays } from '../../../bot/domain/calendar/civil-date';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const england = resolveProfile('england');
const calendar = createWorkingCalendar('england-and-wales');
const TODAY = '2026-12-14';
const CHAIR = '5eed0000-0000-4000-8000-000000000001';
const SW = '5eed0000-0000-4000-8000-000000000005';

const valid: BookingRequestInput = {
  kind: 'ICPC', caseReference: 'MOS1234567', anchorDate: '2026-12-14', chairId: CHAIR, socialWorkerId: SW,
  date: '2027-01-06', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
};

const check = (patch: Partial<BookingRequestInput>, today = TODAY, profile = england) => checkBookingRequest(profile, calendar, { ...valid, ...patch }, today);
const codes = (patch: Partial<BookingRequestInput>) => {
  const r = check(patch);
  return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([f, e]) => [f, e!.code]));
};

describe('a valid ICPC booking', () => {
  it('answers the statutory latest date (T1), times, and every derived deadline', () => {
    const r = check({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ start: '2027-01-06T10:00', end: '2027-01-06T11:30', familySectionStart: '2027-01-06T10:30', anchorKind: 'strategy-discussion' });
    expect(r.answer.statutoryLatest).toEqual({ rule: 'T1', date: '2027-01-07' });
    expect(r.answer.late).toBe(false);
    const rules = r.answer.deadlines.map((d) => d.rule);
    for (const rule of ['T1', 'T7', 'T9', 'T10', 'T10b', 'T11', 'T24']) expect(rules).toContain(rule);
    expect(r.answer.bookingBy).toBeNull(); // England has no T23
  });

  it('no confidential section: no family section start', () => {
    const r = check({ confidentialMinutes: 0 });
    expect(r.ok && r.value.familySectionStart).toBeUndefined();
  });
});

describe('each bad field gets its own code, beside that field', () => {
  test.each<[string, Partial<BookingRequestInput>, Record<string, string>]>([
    ['unknown kind', { kind: 'FAMILY' }, { kind: 'BOOKING.KIND_UNKNOWN' }],
    ['no case reference', { caseReference: ' ' }, { caseReference: 'BOOKING.CASE_REFERENCE_REQUIRED' }],
    ['a name', { caseReference: 'Jo Bloggs' }, { caseReference: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME' }],
    ['a surname', { caseReference: 'Bloggs' }, { caseReference: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME' }],
    ['a postcode', { caseReference: 'LE1 6ZG' }, { caseReference: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS' }],
    ['a postcode without the space', { caseReference: 'sw1a1aa' }, { caseReference: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS' }],
    ['a street address', { caseReference: '12 High Street' }, { caseReference: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS' }],
    ['not the pattern', { caseReference: 'CP-2026-0042' }, { caseReference: 'BOOKING.CASE_REFERENCE_PATTERN' }],
    ['pattern must match as a whole', { caseReference: 'MOS1234567X' }, { caseReference: 'BOOKING.CASE_REFERENCE_PATTERN' }],
    ['no anchor date', { anchorDate: '' }, { anchorDate: 'BOOKING.ANCHOR_REQUIRED' }],
    ['an impossible anchor date', { anchorDate: '2026-02-30' }, { anchorDate: 'BOOKING.ANCHOR_INVALID' }],
    ['an anchor the kind is not measured from', { anchorKind: 'due-date' }, { anchorKind: 'BOOKING.ANCHOR_NOT_APPLICABLE' }],
    ['an anchor after the date', { anchorDate: '2027-01-07' }, { anchorDate: 'BOOKING.ANCHOR_AFTER_DATE' }],
    ['no chair', { chairId: '' }, { chairId: 'BOOKING.CHAIR_REQUIRED' }],
    ['no social worker', { socialWorkerId: undefined }, { socialWorkerId: 'BOOKING.SOCIAL_WORKER_REQUIRED' }],
    ['chair is the social worker', { socialWorkerId: CHAIR.toUpperCase() }, { socialWorkerId: 'BOOKING.CHAIR_IS_SOCIAL_WORKER' }],
    ['no date', { date: '' }, { date: 'BOOKING.DATE_REQUIRED' }],
    ['an impossible date', { date: '2027-02-29' }, { date: 'BOOKING.DATE_INVALID' }],
    ['a date outside the calendar', { date: '2199-01-06' }, { date: 'BOOKING.DATE_OUT_OF_RANGE' }],
    ['a Saturday', { date: '2027-01-02' }, { date: 'BOOKING.DATE_NOT_WORKING_DAY' }],
    ['a bank holiday', { date: '2026-12-28' }, { date: 'BOOKING.DATE_NOT_WORKING_DAY' }],
    ['a date in the past', { date: '2026-12-11', anchorDate: '2026-12-01' }, { date: 'BOOKING.DATE_IN_PAST' }],
    ['a bad time', { startTime: '25:00' }, { startTime: 'BOOKING.START_TIME_INVALID' }],
    ['a time outside hours', { startTime: '07:30' }, { startTime: 'BOOKING.START_TIME_OUTSIDE_HOURS' }],
    ['too short', { durationMinutes: 20 }, { durationMinutes: 'BOOKING.DURATION_INVALID' }],
    ['too long', { durationMinutes: '300' }, { durationMinutes: 'BOOKING.DURATION_INVALID' }],
    ['not a number', { durationMinutes: '1h' }, { durationMinutes: 'BOOKING.DURATION_INVALID' }],
    ['confidential negative', { confidentialMinutes: -5 }, { confidentialMinutes: 'BOOKING.CONFIDENTIAL_INVALID' }],
    ['confidential as long as the conference', { confidentialMinutes: 90 }, { confidentialMinutes: 'BOOKING.CONFIDENTIAL_NOT_SHORTER' }],
    ['previous plan date impossible', { previousPlanEndedOn: '2026-13-01' }, { previousPlanEndedOn: 'BOOKING.PREVIOUS_PLAN_DATE_INVALID' }],
  ])('%s', (_name, patch, expected) => {
    expect(codes(patch)).toEqual(expected);
  });

  it('several bad fields are all reported at once, and the answer is still given when kind, anchor and date are fine', () => {
    const r = check({ caseReference: 'Jo Bloggs', chairId: '', durationMinutes: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['caseReference', 'chairId', 'durationMinutes']);
    expect(r.answer?.statutoryLatest).toEqual({ rule: 'T1', date: '2027-01-07' });
  });
});

describe('past the statutory latest date', () => {
  it('is late: a reason and a named manager are required', () => {
    expect(codes({ date: '2027-01-08' })).toEqual({ lateReason: 'BOOKING.LATE_REASON_REQUIRED', managerId: 'BOOKING.MANAGER_REQUIRED' });
    const r = check({ date: '2027-01-08', lateReason: 'Chair unavailable', managerId: '5eed0000-0000-4000-8000-000000000007' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answer.late).toBe(true);
    expect(r.answer.missed).toContainEqual({ rule: 'T1', date: '2027-01-07', why: 'past-latest' });
    expect(r.value.lateReason).toBe('Chair unavailable');
  });

  it('a date too soon misses the invitations deadline (T7 already before today) without being late', () => {
    const r = check({ date: '2026-12-16' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answer.late).toBe(false);
    expect(r.answer.missed.map((m) => [m.rule, m.why])).toContainEqual(['T7', 'task-overdue']);
  });

  it('a reason given when not late is not kept', () => {
    const r = check({ lateReason: 'x', managerId: CHAIR });
    expect(r.ok && r.value.lateReason).toBeUndefined();
  });
});

describe('other kinds', () => {
  it('RCPC from the ICPC: T2; from the last review: T3', () => {
    const fromIcpc = check({ kind: 'RCPC', anchorKind: 'icpc', anchorDate: '2026-11-30', date: '2027-02-26' });
    expect(fromIcpc.ok && fromIcpc.answer.statutoryLatest).toEqual({ rule: 'T2', date: '2027-02-26' });
    const fromRcpc = check({ kind: 'RCPC', anchorKind: 'rcpc', anchorDate: '2026-11-30', date: '2027-02-26' });
    expect(fromRcpc.ok && fromRcpc.answer.statutoryLatest?.rule).toBe('T3');
  });

  it('PRE_BIRTH: the window\'s first and latest days; before the window is shown as missed but is not late', () => {
    const r = check({ kind: 'PRE_BIRTH', anchorDate: '2027-03-06', date: '2026-12-24' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answer.earliest).toBe('2026-12-29');
    expect(r.answer.statutoryLatest?.rule).toBe('T18');
    expect(r.answer.missed).toContainEqual({ rule: 'T18', date: '2026-12-29', why: 'before-window' });
    expect(r.answer.late).toBe(false);
  });

  it('a repeat plan (previous plan ended within 12 months) needs a named service manager', () => {
    expect(codes({ previousPlanEndedOn: '2026-03-01' })).toEqual({ serviceManagerId: 'BOOKING.SERVICE_MANAGER_REQUIRED' });
    expect(codes({ previousPlanEndedOn: '2025-12-01' })).toEqual({});
    const r = check({ previousPlanEndedOn: '2026-03-01', serviceManagerId: '5eed0000-0000-4000-8000-000000000009' });
    expect(r.ok && r.answer.repeatPlan).toBe(true);
    // A review continues a plan: never a repeat plan.
    const review = check({ kind: 'RCPC', anchorKind: 'icpc', anchorDate: '2026-11-30', date: '2027-02-26', previousPlanEndedOn: '2026-03-01' });
    expect(review.ok && review.answer.repeatPlan).toBe(false);
  });
});

describe('T23 (leicestershire): booking reminders', () => {
  const leics = resolveProfile('leicestershire');
  it('the answer carries the booking-by deadline; the manager alert is day 4, overdue day 5', () => {
    const r = check({ date: '2027-01-06' }, TODAY, leics);
    expect(r.ok && r.answer.bookingBy).toEqual({ managerAlertOn: '2026-12-18', overdueOn: '2026-12-21' });
    expect(bookingReminderDates(england, calendar, TODAY)).toBeNull();
  });
  test.each([
    ['2026-12-17', false, null],
    ['2026-12-18', false, 'manager-alert'],
    ['2026-12-21', false, 'overdue'],
    ['2026-12-22', false, 'overdue'],
    ['2026-12-21', true, null],
  ])('on %s (booked %p): %p', (today, booked, due) => {
    expect(bookingReminderDue(leics, calendar, TODAY, today, booked)).toBe(due);
  });
  it('a booking made after the T23 deadline has T23 among its misses', () => {
    const r = check({ anchorDate: '2026-12-01', date: '2026-12-22', lateReason: 'r', managerId: CHAIR }, TODAY, leics);
    expect(r.ok && r.answer.missed.map((m) => m.rule)).toContain('T23');
  });
});

describe('properties', () => {
  const workingDates = fc.integer({ min: 0, max: 500 }).map((n) => addCalendarDays('2026-12-15', n)).filter((d) => calendar.isWorkingDay(d));

  it('a working date on or before T1 is never late, one after always is; misses are consistent with the latest date', () => {
    fc.assert(
      fc.property(workingDates, (date) => {
        const r = check({ date, lateReason: 'r', managerId: '5eed0000-0000-4000-8000-000000000007' });
        if (!r.ok) return false;
        const latest = r.answer.statutoryLatest!.date;
        return r.answer.late === date > latest && r.answer.missed.some((m) => m.why === 'past-latest') === r.answer.late;
      }),
    );
  });

  it('any letters-only words, or words with spaces, are refused as a name; no accepted reference contains a space', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{2,10}$/), { minLength: 1, maxLength: 3 }), (words) => {
        const e = checkCaseReference(england.caseReference, words.join(' '));
        return e !== null && ['BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME', 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS'].includes(e.code);
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => checkCaseReference(england.caseReference, s) !== null || !/\s/.test(s.trim())));
  });

  it('end − start is the duration, and the family section starts after the confidential minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 240 }), fc.integer({ min: 0, max: 239 }), fc.integer({ min: 8 * 4, max: 18 * 4 }), (duration, confidential, quarter) => {
        const hh = String(Math.floor(quarter / 4)).padStart(2, '0');
        const mm = String((quarter % 4) * 15).padStart(2, '0');
        const r = check({ durationMinutes: duration, confidentialMinutes: confidential, startTime: `${hh}:${mm}` });
        if (confidential >= duration) return !r.ok && r.errors.confidentialMinutes?.code === 'BOOKING.CONFIDENTIAL_NOT_SHORTER';
        if (!r.ok) return false;
        const mins = (t: string) => Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));
        return mins(r.value.end) - mins(r.value.start) === duration && (confidential === 0 ? r.value.familySectionStart === undefined : mins(r.value.familySectionStart!) - mins(r.value.start) === confidential);
      }),
    );
  });
});
