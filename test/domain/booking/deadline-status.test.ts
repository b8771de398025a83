// The dashboard's deadline statuses: done from what the conference records, otherwise missed,
// due soon (today or within DUE_SOON_WORKING_DAYS working days) or due, over the working calendar.
import { deadlineStatuses, DUE_SOON_WORKING_DAYS, isRecordedDone, statusByDate } from '../../../bot/domain/booking/deadline-status';
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import { computeDeadlines } from '../../../bot/domain/timescales/compute-deadlines';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const calendar = createWorkingCalendar('england-and-wales');
const england = resolveProfile('england');

const invitee = (id: string, over: Partial<Invitee> = {}): Invitee => ({ id, role: 'professional', agency: 'police', displayName: 'Invented Officer', email: `${id}@example.net`, status: 'invited', ...over });

/** An invented ICPC on Monday 1 March 2027, booked, everyone invited. */
function booked(over: Partial<Conference> = {}): Conference {
  return {
    id: 'c-1', caseReference: 'MOS0000001', kind: 'ICPC', profileId: 'england', start: '2027-03-01T10:00', end: '2027-03-01T12:00',
    organizerId: 'org', status: 'booked', bookingVersion: 1, version: 3,
    meeting: { eventId: 'e', transactionId: 't', joinUrl: 'https://teams.example/x', optionsVerified: true, optionMismatches: [] },
    invitees: [invitee('inv-chair', { role: 'chair' }), invitee('inv-police')],
    ...over,
  };
}
const deadlinesOf = (c: Conference) => computeDeadlines(england, calendar, { conference: c.start.slice(0, 10) }, { kind: 'ICPC' }).filter((d) => ['T7', 'T9', 'T10', 'T10b', 'T11', 'T24'].includes(d.rule));
const statusOf = (c: Conference, today: string) => Object.fromEntries(deadlineStatuses(c, deadlinesOf(c), calendar, today).map((d) => [d.rule, `${d.date} ${d.status}`]));

describe('statusByDate', () => {
  it('past is missed, today and the next working days are due soon, later is due; done wins', () => {
    expect(DUE_SOON_WORKING_DAYS).toBe(3);
    // Friday 19 Feb 2027: Mon 22, Tue 23, Wed 24 are the next three working days.
    expect(statusByDate(calendar, '2027-02-19', '2027-02-18', false)).toBe('missed');
    expect(statusByDate(calendar, '2027-02-19', '2027-02-19', false)).toBe('due-soon');
    expect(statusByDate(calendar, '2027-02-19', '2027-02-24', false)).toBe('due-soon');
    expect(statusByDate(calendar, '2027-02-19', '2027-02-25', false)).toBe('due');
    expect(statusByDate(calendar, '2027-02-19', '2027-02-18', true)).toBe('done');
  });

  it('counts working days, not calendar days: a bank holiday pushes "due soon" further out', () => {
    // Thu 24 Dec 2026 → Fri 25 and Mon 28 Dec are bank holidays; Tue 29, Wed 30, Thu 31 are the next three.
    expect(statusByDate(calendar, '2026-12-24', '2026-12-31', false)).toBe('due-soon');
    expect(statusByDate(calendar, '2026-12-24', '2027-01-04', false)).toBe('due');
  });
});

describe('a booked ICPC a week before', () => {
  it('invitations sent are done; reports, sharing and closing times by date', () => {
    const c = booked({ socialWorkReport: { sharedWithFamilyAt: '2027-02-20T10:00:00.000Z' } });
    expect(statusOf(c, '2027-02-22')).toEqual({
      T7: '2027-02-18 done',
      T9: '2027-02-24 due-soon', // the police report has not come
      T10: '2027-02-25 done',
      T10b: '2027-02-26 due',
      T11: '2027-02-25 due-soon',
      T24: '2027-03-01 due',
    });
  });

  it('an invitee still pending after T7 is a missed deadline; every report in makes T9 done', () => {
    const c = booked({ invitees: [invitee('inv-police', { report: { driveItemId: 'd', fileName: 'r.pdf', contentType: 'application/pdf', bytes: 1, receivedAt: 'x', receivedBy: 'y', onTime: true } }), invitee('inv-school', { agency: 'school', status: 'pending' })] });
    expect(isRecordedDone(c, 'T7')).toBe(false);
    expect(isRecordedDone(c, 'T9')).toBe(false);
    expect(statusOf(c, '2027-02-22').T7).toBe('2027-02-18 missed');
    const allIn = { ...c, invitees: c.invitees.map((i) => ({ ...i, status: 'invited' as const, report: c.invitees[0]!.report })) };
    expect(isRecordedDone(allIn, 'T9')).toBe(true);
    expect(statusOf(allIn, '2027-02-22')).toMatchObject({ T7: '2027-02-18 done', T9: '2027-02-24 done' });
  });

  it('a removed invitee does not hold up the invitations', () => {
    const c = booked({ invitees: [invitee('inv-a'), invitee('inv-b', { status: 'removed' })] });
    expect(isRecordedDone(c, 'T7')).toBe(true);
  });

  it('a draft (no meeting) has not sent its invitations; the closing times are done once passed', () => {
    const c = booked({ status: 'draft', meeting: undefined });
    expect(statusOf(c, '2027-02-26')).toMatchObject({ T7: '2027-02-18 missed', T11: '2027-02-25 done', T24: '2027-03-01 due-soon' });
  });
});

describe('statutory dates, follow-ups and stand-downs', () => {
  it('the statutory latest (T1) is done once held, missed when passed unheld', () => {
    const strategy = computeDeadlines(england, calendar, { 'strategy-discussion': '2027-02-08' }, { kind: 'ICPC' }).filter((d) => d.rule === 'T1');
    expect(strategy).toHaveLength(1);
    expect(deadlineStatuses(booked(), strategy, calendar, '2027-03-02')[0]!.status).toBe('missed');
    expect(deadlineStatuses(booked({ status: 'held' }), strategy, calendar, '2027-03-02')[0]!.status).toBe('done');
  });

  it('follow-up tasks count as done when marked, and are sorted in by date', () => {
    const tasks = [
      { rule: 'T14' as const, name: 'minutes', date: '2027-03-22', text: 't', doneAt: '2027-03-10T09:00:00.000Z' },
      { rule: 'T16' as const, name: 'core group minutes', date: '2027-03-05', text: 't' },
    ];
    const out = deadlineStatuses(booked({ status: 'held' }), [], calendar, '2027-03-08', tasks);
    expect(out.map((d) => `${d.rule} ${d.status}`)).toEqual(['T16 missed', 'T14 done']);
  });

  it('a stood-down conference lists no deadlines', () => {
    const c = booked({ status: 'stood-down' });
    expect(deadlineStatuses(c, deadlinesOf(c), calendar, '2027-02-22')).toEqual([]);
  });
});
