// Which reminders a conference needs, when and for whom: table tests whose deadlines straddle the
// clock changes of 2026 (BST ends Sunday 25 October, starts Sunday 29 March). Runs under TZ=UTC
// and TZ=Europe/London (scripts/run-tests.sh): the instants must not move.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { decideReminder, type PlannedReminder, planReminders } from '../../../bot/domain/reminders/reminder-plan';

const ENGLAND = resolveProfile('england');
const LEICS = resolveProfile('leicestershire');
const CAL = createWorkingCalendar('england-and-wales');

const person = (id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee => ({
  id, role, displayName: `Invented ${id}`, email: `${id}@council.example`, status: 'invited', ...extra,
});

function conference(extra: Partial<Conference> = {}): Conference {
  return {
    id: 'conf-r1',
    caseReference: 'CP-2026-0101',
    kind: 'ICPC',
    profileId: 'england',
    start: '2026-10-28T10:00',
    end: '2026-10-28T12:00',
    organizerId: 'conference-team@council.example',
    status: 'booked',
    bookingVersion: 1,
    version: 3,
    booking: { chairId: 'chair-id', socialWorkerId: 'sw-id', requestedBy: 'clerk-id', durationMinutes: 120, confidentialMinutes: 30 },
    invitees: [
      person('chair', 'chair', { directoryId: 'chair-id' }),
      person('sw', 'social-worker', { directoryId: 'sw-id' }),
      person('clerk', 'clerk', { directoryId: 'clerk-id' }),
      person('p-police', 'professional', { agency: 'police', directoryId: 'police-id' }),
      person('p-health', 'professional', { agency: 'health', directoryId: 'health-id', report: { driveItemId: 'd1', fileName: 'r.pdf', contentType: 'application/pdf', bytes: 10, receivedAt: '2026-10-20T10:00:00.000Z', receivedBy: 'health-id', onTime: true } }),
      person('p-outside', 'professional', { agency: 'education' }),
      person('mum', 'parent', { status: 'pending' }),
    ],
    ...extra,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const rows = (plan: PlannedReminder[]) => plan.map((r) => [r.reminder, r.recipientId, r.fireAt, iso(r.fireAtMs), iso(r.closesAtMs)]);

test('a booked ICPC on Wednesday 28 October 2026: each reminder at its London time across the end of BST', () => {
  expect(rows(planReminders(conference(), ENGLAND, CAL))).toEqual([
    // T7: 7 working days before = Mon 19 Oct, 09:00 BST
    ['T7', 'clerk-id', '2026-10-19T09:00', '2026-10-19T08:00:00.000Z', '2026-10-19T23:00:00.000Z'],
    // T9: due Fri 23 Oct; the working day before, 09:00 BST; only the professional with no report and a Teams id
    ['T9', 'police-id', '2026-10-22T09:00', '2026-10-22T08:00:00.000Z', '2026-10-23T23:00:00.000Z'],
    // T10 (ICPC 2): due Mon 26 Oct (GMT); reminded Fri 23 Oct, 09:00 BST
    ['T10', 'sw-id', '2026-10-23T09:00', '2026-10-23T08:00:00.000Z', '2026-10-27T00:00:00.000Z'],
    // T10b (1): due Tue 27 Oct; reminded Mon 26 Oct, 09:00 GMT
    ['T10b', 'sw-id', '2026-10-26T09:00', '2026-10-26T09:00:00.000Z', '2026-10-28T00:00:00.000Z'],
    // T11 (2): the window closes Mon 26 Oct; chair and clerk told that morning
    ['T11', 'chair-id', '2026-10-26T09:00', '2026-10-26T09:00:00.000Z', '2026-10-27T00:00:00.000Z'],
    ['T11', 'clerk-id', '2026-10-26T09:00', '2026-10-26T09:00:00.000Z', '2026-10-27T00:00:00.000Z'],
    // T24 (15): briefing at 09:45, reminder 30 minutes before it
    ['T24', 'sw-id', '2026-10-28T09:15', '2026-10-28T09:15:00.000Z', '2026-10-28T09:45:00.000Z'],
  ]);
  const t8 = planReminders(conference(), ENGLAND, CAL).find((r) => r.reminder === 'T10b')!;
  expect(t8).toMatchObject({ rule: 'T10b', recipientRole: 'social-worker', deadline: { date: '2026-10-27', time: null }, ruleText: 'social work report to the chair and clerk at least 1 working day before' });
});

test('Leicestershire before booking: police checks (T8) and the booking (T23) across the start of BST, nothing else', () => {
  const draft = conference({
    profileId: 'leicestershire',
    status: 'draft',
    anchors: { 'strategy-discussion': '2026-03-23' },
    start: '2026-04-14T10:00',
    end: '2026-04-14T12:00',
    invitees: [person('sw', 'social-worker', { directoryId: 'sw-id' }), person('tm', 'team-manager', { directoryId: 'tm-id' })],
  });
  const plan = planReminders(draft, LEICS, CAL);
  expect(rows(plan)).toEqual([
    // T8 = 7 working days after Mon 23 Mar = Wed 1 Apr (BST): 09:00 and 14:00, closing at the 16:00 cut-off
    ['T8-morning', 'sw-id', '2026-04-01T09:00', '2026-04-01T08:00:00.000Z', '2026-04-01T15:00:00.000Z'],
    ['T8-cutoff', 'sw-id', '2026-04-01T14:00', '2026-04-01T13:00:00.000Z', '2026-04-01T15:00:00.000Z'],
    // T23 = 5: the manager on day 4 (Fri 27 Mar, GMT), overdue on day 5 (Mon 30 Mar, BST)
    ['T23-alert', 'tm-id', '2026-03-27T09:00', '2026-03-27T09:00:00.000Z', '2026-03-30T23:00:00.000Z'],
    ['T23-overdue', 'tm-id', '2026-03-30T09:00', '2026-03-30T08:00:00.000Z', '2026-03-30T23:00:00.000Z'],
  ]);
  expect(plan[0]!.deadline).toEqual({ date: '2026-04-01', time: '16:00' });
  expect(plan.map((r) => r.recipientRole)).toEqual(['social-worker', 'social-worker', 'manager', 'manager']);
  // no team manager on the conference: the clerk (here whoever asked for it) is told instead
  const noManager = planReminders({ ...draft, invitees: draft.invitees.slice(0, 1) }, LEICS, CAL).filter((r) => r.rule === 'T23');
  expect(noManager.map((r) => [r.recipientId, r.recipientRole])).toEqual([['clerk-id', 'clerk'], ['clerk-id', 'clerk']]);
});

const without = (c: Conference, profile = ENGLAND) => planReminders(c, profile, CAL).map((r) => `${r.reminder}:${r.recipientId}`);
const ALL_ENGLAND = ['T7:clerk-id', 'T9:police-id', 'T10:sw-id', 'T10b:sw-id', 'T11:chair-id', 'T11:clerk-id', 'T24:sw-id'];

test.each<[string, Partial<Conference>, string[]]>([
  ['every invitation sent: no T7', { invitees: conference().invitees.map((i) => ({ ...i, status: 'invited' as const })) }, ALL_ENGLAND.filter((r) => r !== 'T7:clerk-id')],
  ['the police report received: no T9', { invitees: conference().invitees.map((i) => (i.id === 'p-police' ? { ...i, report: conference().invitees[4]!.report } : i)) }, ALL_ENGLAND.filter((r) => !r.startsWith('T9'))],
  ['the police officer removed: no T9', { invitees: conference().invitees.map((i) => (i.id === 'p-police' ? { ...i, status: 'removed' as const } : i)) }, ALL_ENGLAND.filter((r) => !r.startsWith('T9'))],
  ['shared with the family: no T10', { socialWorkReport: { sharedWithFamilyAt: '2026-10-20T10:00:00.000Z' } }, ALL_ENGLAND.filter((r) => !r.startsWith('T10:'))],
  ['sent to chair and clerk: no T10b', { socialWorkReport: { sharedWithChairAndClerkAt: '2026-10-20T10:00:00.000Z' } }, ALL_ENGLAND.filter((r) => !r.startsWith('T10b'))],
  ['stood down: none', { status: 'stood-down' }, []],
  ['held: none', { status: 'held' }, []],
  ['closed: none', { status: 'closed' }, []],
  ['a core group: none', { kind: 'CORE_GROUP' }, []],
  ['a draft (not booked) without a strategy discussion: none', { status: 'draft' }, []],
])('%s', (_name, change, expected) => {
  expect(without({ ...conference(), ...change })).toEqual(expected);
});

test('an RCPC takes the RCPC value of T10 (5 working days: due Wed 21 Oct, reminded Tue 20 Oct)', () => {
  const t10 = planReminders(conference({ kind: 'RCPC' }), ENGLAND, CAL).find((r) => r.reminder === 'T10')!;
  expect([t10.fireAt, iso(t10.fireAtMs), t10.deadline.date]).toEqual(['2026-10-20T09:00', '2026-10-20T08:00:00.000Z', '2026-10-21']);
  expect(t10.ruleText).toBe('social work and agency reports shared with the family at least 5 working days before an RCPC');
});

test('Leicestershire booked: T23 stops, T8 stays until every listed check is requested', () => {
  const booked = conference({ profileId: 'leicestershire', anchors: { 'strategy-discussion': '2026-10-05' } });
  expect(without(booked, LEICS).filter((r) => r.startsWith('T8') || r.startsWith('T23'))).toEqual(['T8-morning:sw-id', 'T8-cutoff:sw-id']);
  const listed = { ...booked, invitees: booked.invitees.map((i) => (i.id === 'mum' ? { ...i, policeCheck: { reason: 'household-member' } } : i)) };
  expect(without(listed, LEICS).filter((r) => r.startsWith('T8'))).toEqual(['T8-morning:sw-id', 'T8-cutoff:sw-id']);
  const requested = { ...booked, invitees: booked.invitees.map((i) => (i.id === 'mum' ? { ...i, policeCheck: { reason: 'household-member', requestedAt: '2026-10-06T10:00:00.000Z' } } : i)) };
  expect(without(requested, LEICS).filter((r) => r.startsWith('T8'))).toEqual([]);
  // England has neither rule
  expect(without({ ...booked, profileId: 'england' }).filter((r) => r.startsWith('T8') || r.startsWith('T23'))).toEqual([]);
});

describe('deciding, when the job runs, whether it is still to be sent', () => {
  const c = conference();
  const t9 = planReminders(c, ENGLAND, CAL).find((r) => r.reminder === 'T9')!;
  const ask = (over: Partial<Parameters<typeof decideReminder>[3]> = {}, on: Conference = c) =>
    decideReminder(on, ENGLAND, CAL, { reminder: 'T9', recipient: 'police-id', bookingVersion: 1, fireAtMs: t9.fireAtMs, nowMs: t9.fireAtMs + 60_000, ...over });

  test.each<[string, Partial<Parameters<typeof decideReminder>[3]>, Partial<Conference>, string]>([
    ['due', {}, {}, 'send'],
    ['the booking moved on', {}, { bookingVersion: 2 }, 'superseded'],
    ['the report arrived', {}, { invitees: c.invitees.map((i) => (i.id === 'p-police' ? { ...i, report: c.invitees[4]!.report } : i)) }, 'not-needed'],
    ['its time moved without a new version', {}, { start: '2026-10-29T10:00', end: '2026-10-29T12:00' }, 'moved'],
    ['its deadline has passed', { nowMs: t9.closesAtMs }, {}, 'deadline-passed'],
    ['stood down', {}, { status: 'stood-down', bookingVersion: 2 }, 'stood-down'],
    ['someone no longer on it', { recipient: 'someone-else' }, {}, 'not-needed'],
  ])('%s', (_name, over, change, expected) => {
    const d = ask(over, { ...c, ...change });
    expect(d.send ? 'send' : d.reason).toBe(expected);
  });
});
