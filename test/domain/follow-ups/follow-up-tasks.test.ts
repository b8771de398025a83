// The tasks a meeting leaves (T13–T16 per profile), marking one done, and their reminders: sent
// the working day before each is due to the chair (T13), the clerk (T14, T15) or the lead social
// worker (T16), after the meeting too (held or closed), never once done or stood down.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Conference } from '../../../bot/domain/conference/conference';
import { followUpTasks, markTaskDone, withTasks } from '../../../bot/domain/follow-ups/follow-ups';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { decideReminder, planReminders } from '../../../bot/domain/reminders/reminder-plan';

const CAL = createWorkingCalendar('england-and-wales');

describe('the tasks per profile (DOMAIN-RULES §2)', () => {
  // ICPC on Wednesday 6 January 2027.
  it.each<[string, 'ICPC' | 'RCPC' | 'CORE_GROUP', [string, string][]]>([
    ['england', 'ICPC', [['T14', '2027-01-27']]],
    ['staffordshire', 'ICPC', [['T14', '2027-01-20'], ['T15', '2027-02-15']]],
    ['leicestershire', 'RCPC', [['T13', '2027-01-13'], ['T14', '2027-01-27']]],
    ['england', 'CORE_GROUP', [['T16', '2027-01-27']]],
    ['staffordshire', 'CORE_GROUP', [['T16', '2027-01-20']]],
  ])('%s %s', (profile, kind, expected) => {
    expect(followUpTasks(resolveProfile(profile), CAL, kind, '2027-01-06').map((t) => [t.rule, t.due])).toEqual(expected);
  });

  it('tasks are added once; a task is marked done once, the first record stands', () => {
    const once = withTasks(undefined, [{ rule: 'T14', due: '2027-01-27' }]);
    expect(withTasks(once, [{ rule: 'T14', due: '2030-01-01' }])).toEqual(once);
    const done = markTaskDone(once, 'T14', 'clerk-id', '2027-01-20T10:00:00.000Z');
    expect(done).toMatchObject({ ok: true, changed: true });
    const again = markTaskDone(done.ok ? done.followUps : undefined, 'T14', 'other', '2027-01-21T10:00:00.000Z');
    expect(again).toMatchObject({ ok: true, changed: false, followUps: { tasks: [{ doneBy: 'clerk-id' }] } });
    expect(markTaskDone(once, 'T13', 'x', 'y')).toEqual({ ok: false, code: 'FOLLOW_UP.TASK_NOT_FOUND' });
  });
});

describe('their reminders', () => {
  const base: Conference = {
    id: 'conf-f1', caseReference: 'CP-2027-0001', kind: 'ICPC', profileId: 'leicestershire', start: '2027-01-06T10:00', end: '2027-01-06T12:00',
    organizerId: 'chair-id', status: 'held', bookingVersion: 2, version: 5,
    booking: { chairId: 'chair-id', socialWorkerId: 'sw-id', requestedBy: 'clerk-id', durationMinutes: 120, confidentialMinutes: 30 },
    invitees: [{ id: 'clerk', role: 'clerk', displayName: 'Invented Clerk', email: 'clerk@council.example', directoryId: 'clerk-id', status: 'invited' }],
    followUps: { tasks: [{ rule: 'T13', due: '2027-01-13' }, { rule: 'T14', due: '2027-01-27' }] },
  };
  const profile = resolveProfile('leicestershire');

  it.each<[string, Partial<Conference>, string[]]>([
    ['held: both, the day before each is due', {}, ['T13 chair-id 2027-01-12T09:00', 'T14 clerk-id 2027-01-26T09:00']],
    ['closed: still sent', { status: 'closed' }, ['T13 chair-id 2027-01-12T09:00', 'T14 clerk-id 2027-01-26T09:00']],
    ['T13 done: only T14', { followUps: { tasks: [{ rule: 'T13', due: '2027-01-13', doneAt: 'x', doneBy: 'chair-id' }, { rule: 'T14', due: '2027-01-27' }] } }, ['T14 clerk-id 2027-01-26T09:00']],
    ['stood down: none', { status: 'stood-down' }, []],
    ['a core group: T16 to the lead social worker', { kind: 'CORE_GROUP', followUps: { tasks: [{ rule: 'T16', due: '2027-01-27' }] } }, ['T16 sw-id 2027-01-26T09:00']],
  ])('%s', (_name, patch, expected) => {
    expect(planReminders({ ...base, ...patch }, profile, CAL).map((r) => `${r.reminder} ${r.recipientId} ${r.fireAt}`)).toEqual(expected);
  });

  it('the handler sends one for a held conference, and skips it once done', () => {
    const [t14] = planReminders(base, profile, CAL).filter((r) => r.reminder === 'T14');
    const request = { reminder: 'T14' as const, recipient: 'clerk-id', bookingVersion: 2, fireAtMs: t14!.fireAtMs, nowMs: t14!.fireAtMs };
    expect(decideReminder(base, profile, CAL, request)).toMatchObject({ send: true });
    const done = { ...base, followUps: { tasks: [{ rule: 'T14' as const, due: '2027-01-27', doneAt: 'x', doneBy: 'clerk-id' }] } };
    expect(decideReminder(done, profile, CAL, request)).toEqual({ send: false, reason: 'not-needed' });
    // A before-the-meeting reminder of a held conference is still not sent.
    expect(decideReminder(base, profile, CAL, { ...request, reminder: 'T9' })).toEqual({ send: false, reason: 'held' });
  });
});
