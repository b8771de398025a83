// Table tests: every expected date below was worked out by hand from DOMAIN-RULES §1–2 and the
// gov.uk bank holidays (comments show the awkward ones), for every profile.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { ConferenceKind } from '../../../bot/domain/conference/conference-kind';
import { PROFILE_IDS, type ProfileId } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import type { Anchors } from '../../../bot/domain/timescales/anchors';
import { computeDeadlines } from '../../../bot/domain/timescales/compute-deadlines';

const calendar = createWorkingCalendar('england-and-wales');

/** [rule, date for every profile, per-profile differences (null = rule off there)] */
type Row = [string, string, Partial<Record<ProfileId, string | null>>?];

interface Scenario {
  title: string;
  anchors: Anchors;
  kind?: ConferenceKind;
  today?: string;
  rows: Row[];
}

const SCENARIOS: Scenario[] = [
  {
    title: 'strategy discussion on Mon 2026-12-14 (across Christmas 2026, Boxing Day substitute 28th)',
    anchors: { 'strategy-discussion': '2026-12-14' },
    rows: [
      ['T1', '2027-01-07'],
      ['T8', '', { leicestershire: '2026-12-23' }],
      ['T23', '', { leicestershire: '2026-12-18' }], // manager alerted by day 4
      ['T23', '', { leicestershire: '2026-12-21' }], // booked by day 5
    ],
  },
  {
    title: 'ICPC on Mon 2026-11-30 (3 months → Sun 2027-02-28 → Fri 26th)',
    anchors: { icpc: '2026-11-30' },
    rows: [
      ['T4', '2026-12-14'],
      ['T2', '2027-02-26'],
      ['T12', '2026-12-01'],
      ['T13', '', { leicestershire: '2026-12-07' }],
      ['T14', '2026-12-21', { staffordshire: '2026-12-14' }],
      ['T15', '', { staffordshire: '2027-01-12' }],
      ['T20', '2026-12-21'],
      ['T21', '', { suffolk: '2026-12-14' }],
    ],
  },
  {
    title: 'ICPC on Mon 2027-03-22 (Easter 2027: Good Friday 26th, Easter Monday 29th; early May 3rd)',
    anchors: { icpc: '2027-03-22' },
    rows: [
      ['T4', '2027-04-07'],
      ['T2', '2027-06-22'],
      ['T12', '2027-03-23'],
      ['T13', '', { leicestershire: '2027-03-31' }],
      ['T14', '2027-04-14', { staffordshire: '2027-04-07' }],
      ['T15', '', { staffordshire: '2027-05-04' }],
      ['T20', '2027-04-14'],
      ['T21', '', { suffolk: '2027-04-07' }],
    ],
  },
  {
    title: 'RCPC on Mon 2027-11-29 (6 months → late May bank holiday 2028-05-29 → Fri 26th; Christmas 2027 and New Year 2028 substitutes)',
    anchors: { rcpc: '2027-11-29' },
    rows: [
      ['T3', '2028-05-26'],
      ['T12', '2027-11-30'],
      ['T13', '', { leicestershire: '2027-12-06' }],
      ['T14', '2027-12-20', { staffordshire: '2027-12-13' }],
      ['T15', '', { staffordshire: '2028-01-11' }],
    ],
  },
  {
    title: 'core group on Fri 2026-11-20 (6 weeks → New Year\'s Day 2027 → Thu 31st; 1 month → Sun 20th → Fri 18th)',
    anchors: { 'core-group': '2026-11-20' },
    rows: [
      ['T5', '2026-12-31', { sheffield: '2026-12-18' }],
      ['T16', '2026-12-11', { staffordshire: '2026-12-04' }],
    ],
  },
  {
    title: 'core group Tue 2027-01-05 before the RCPC on Fri 2027-02-26 (T6)',
    anchors: { 'core-group': '2027-01-05', rcpc: '2027-02-26' },
    rows: [
      ['T3', '2027-08-26'],
      ['T12', '2027-03-01'],
      ['T13', '', { leicestershire: '2027-03-05' }],
      ['T14', '2027-03-19', { staffordshire: '2027-03-12' }],
      ['T15', '', { staffordshire: '2027-04-09' }], // Easter 2027 inside (26th, 29th)
      ['T5', '2027-02-16', { sheffield: '2027-02-05' }],
      ['T16', '2027-01-26', { staffordshire: '2027-01-19' }],
      ['T6', '', { suffolk: '2027-02-05' }],
    ],
  },
  {
    title: 'conference on Mon 2027-01-04, no kind (both variants)',
    anchors: { conference: '2027-01-04' },
    rows: [
      ['T7', '2026-12-21'], // ICPC
      ['T7', '2026-12-21', { staffordshire: '2026-12-16' }], // RCPC
      ['T9', '2026-12-29'],
      ['T10', '2026-12-30', { leicestershire: '2026-12-31' }], // ICPC
      ['T10', '2026-12-23', { warwickshire: '2026-12-30', leicestershire: '2026-12-31' }], // RCPC
      ['T10b', '2026-12-31'],
      ['T11', '2026-12-30'],
      ['T17', '2027-01-18', { staffordshire: '2027-01-13' }],
      ['T24', '2027-01-04'],
    ],
  },
  {
    title: 'RCPC conference on Tue 2028-01-04 (Christmas 2027 double substitute, New Year 2028 substitute)',
    anchors: { conference: '2028-01-04' },
    kind: 'RCPC',
    rows: [
      ['T7', '2027-12-21', { staffordshire: '2027-12-16' }],
      ['T9', '2027-12-29'],
      ['T10', '2027-12-23', { warwickshire: '2027-12-30', leicestershire: '2027-12-31' }],
      ['T10b', '2027-12-31'],
      ['T11', '2027-12-30'],
      ['T17', '2028-01-18', { staffordshire: '2028-01-13' }],
      ['T24', '2028-01-04'],
    ],
  },
  {
    title: 'RCPC conference on Tue 2027-08-31 (August bank holiday 30th)',
    anchors: { conference: '2027-08-31' },
    kind: 'RCPC',
    rows: [
      ['T7', '2027-08-19', { staffordshire: '2027-08-16' }],
      ['T9', '2027-08-25'],
      ['T10', '2027-08-23', { warwickshire: '2027-08-26', leicestershire: '2027-08-27' }],
      ['T10b', '2027-08-27'],
      ['T11', '2027-08-26'],
      ['T17', '2027-09-14', { staffordshire: '2027-09-09' }],
      ['T24', '2027-08-31'],
    ],
  },
  {
    title: 'ICPC conference on Mon 2026-06-01 (late May bank holiday 2026-05-25)',
    anchors: { conference: '2026-06-01' },
    kind: 'ICPC',
    rows: [
      ['T7', '2026-05-20'],
      ['T9', '2026-05-27'],
      ['T10', '2026-05-28', { leicestershire: '2026-05-29' }],
      ['T10b', '2026-05-29'],
      ['T11', '2026-05-28'],
      ['T17', '2026-06-15', { staffordshire: '2026-06-10' }],
      ['T24', '2026-06-01'],
    ],
  },
  {
    title: 'transfer-in decision on Fri 2027-08-20 (August bank holiday)',
    anchors: { 'transfer-decision': '2027-08-20' },
    rows: [['T19', '2027-09-13']],
  },
  {
    title: 'due date Sat 2027-03-06: week 30 = Sat 2026-12-26 → Tue 29th; week 32 = Sat 2027-01-09 → Fri 8th',
    anchors: { 'due-date': '2027-03-06' },
    today: '2026-11-02',
    rows: [
      ['T18', '2026-12-29'],
      ['T18', '2027-01-08'],
    ],
  },
  {
    title: 'significant change on Mon 2026-12-21 (Christmas Day and the Boxing Day substitute 28th in between)',
    anchors: { 'significant-change': '2026-12-21' },
    rows: [['T22', '', { suffolk: '2026-12-30' }]],
  },
  {
    title: 'significant change on Sat 2027-03-27, a non-working day 0 (Easter Monday 29th)',
    anchors: { 'significant-change': '2027-03-27' },
    rows: [['T22', '', { suffolk: '2027-04-05' }]],
  },
  {
    title: 'conference and significant change on Mon 2026-06-01: T22 is listed after the conference rules (late May bank holiday 25th)',
    anchors: { conference: '2026-06-01', 'significant-change': '2026-06-01' },
    kind: 'ICPC',
    rows: [
      ['T7', '2026-05-20'],
      ['T9', '2026-05-27'],
      ['T10', '2026-05-28', { leicestershire: '2026-05-29' }],
      ['T10b', '2026-05-29'],
      ['T11', '2026-05-28'],
      ['T17', '2026-06-15', { staffordshire: '2026-06-10' }],
      ['T24', '2026-06-01'],
      ['T22', '', { suffolk: '2026-06-08' }],
    ],
  },
];

describe.each(PROFILE_IDS)('profile %s', (id) => {
  const profile = resolveProfile(id);
  test.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_title, s) => {
    const expected = s.rows
      .map(([rule, all, by]) => [rule, by && id in by ? by[id] : all] as const)
      .filter(([, date]) => date !== '' && date !== null && date !== undefined);
    const got = computeDeadlines(profile, calendar, s.anchors, {
      ...(s.kind ? { kind: s.kind } : {}),
      ...(s.today ? { today: s.today } : {}),
    });
    expect(got.map((d) => [d.rule, d.date])).toEqual(expected);
  });
});

describe('names and texts', () => {
  const england = resolveProfile('england');
  test('variants carry their kind; --kind picks one', () => {
    const both = computeDeadlines(england, calendar, { conference: '2027-01-04' });
    expect(both.filter((d) => d.rule === 'T7').map((d) => d.name)).toEqual(['invitations sent (ICPC)', 'invitations sent (RCPC)']);
    const transfer = computeDeadlines(england, calendar, { conference: '2027-01-04' }, { kind: 'TRANSFER_IN' });
    expect(transfer.filter((d) => d.rule === 'T10').map((d) => d.name)).toEqual(['reports shared with the family (ICPC)']);
    expect(transfer.find((d) => d.rule === 'T10')!.text).toBe(
      'social work and agency reports shared with the family at least 2 working days before an ICPC',
    );
  });

  test('texts carry the profile\'s value', () => {
    const staffs = computeDeadlines(resolveProfile('staffordshire'), calendar, { conference: '2027-01-04' }, { kind: 'RCPC' });
    expect(staffs[0]).toEqual({
      rule: 'T7',
      name: 'invitations sent (RCPC)',
      date: '2026-12-16',
      text: 'invitations sent at least 10 working days before an RCPC',
    });
    const leics = computeDeadlines(resolveProfile('leicestershire'), calendar, { 'strategy-discussion': '2026-12-14' });
    expect(leics.map((d) => d.text)).toEqual([
      'ICPC held within 15 working days of the strategy discussion that started the s47 enquiry',
      'police checks requested by 16:00 on the 7th working day after the strategy discussion',
      'ICPC booked by day 5 after the strategy discussion (manager alerted by day 4)',
      'ICPC booked by day 5 after the strategy discussion (manager alerted by day 4)',
    ]);
  });

  test('T22 names the change and carries the value; a deployment can switch it on', () => {
    const suffolk = computeDeadlines(resolveProfile('suffolk'), calendar, { 'significant-change': '2026-12-21' });
    expect(suffolk).toEqual([{
      rule: 'T22',
      name: 'significant change reported to the chair',
      date: '2026-12-30',
      text: 'lead social worker reports a significant change to the chair within 5 working days of the change',
    }]);
    expect(computeDeadlines(england, calendar, { 'significant-change': '2026-12-21' })).toEqual([]);
    const on = computeDeadlines(resolveProfile('england', { timescales: { T22: 1 } }), calendar, { 'significant-change': '2026-12-24' });
    expect(on.map((d) => [d.rule, d.date, d.text])).toEqual([
      ['T22', '2026-12-29', 'lead social worker reports a significant change to the chair within 1 working day of the change'],
    ]);
  });

  test('the pre-birth window says when it has already passed', () => {
    const open = computeDeadlines(england, calendar, { 'due-date': '2027-03-06' }, { today: '2027-01-08' });
    expect(open.map((d) => d.name)).toEqual(['pre-birth ICPC window opens (week 30)', 'pre-birth ICPC latest day (week 32)']);
    const passed = computeDeadlines(england, calendar, { 'due-date': '2027-03-06' }, { today: '2027-01-11' });
    expect(passed[1]!.name).toBe('pre-birth ICPC latest day (week 32) — window already passed on 2027-01-11: hold as soon as possible');
  });

  test('a rule switched off by a deployment disappears; one switched on appears', () => {
    const p = resolveProfile('england', { timescales: { T24: null, T8: 3 } });
    const got = computeDeadlines(p, calendar, { 'strategy-discussion': '2026-12-14', conference: '2027-01-04' }, { kind: 'ICPC' });
    expect(got.some((d) => d.rule === 'T24')).toBe(false);
    expect(got.find((d) => d.rule === 'T8')!.date).toBe('2026-12-17');
  });

  test('extra closures move deadlines', () => {
    const p = resolveProfile('england', { extraClosures: ['2026-12-29', '2026-12-30', '2026-12-31'] });
    const cal = createWorkingCalendar(p.calendar, p.extraClosures);
    const got = computeDeadlines(p, cal, { conference: '2027-01-04' }, { kind: 'ICPC' });
    expect(got.find((d) => d.rule === 'T9')!.date).toBe('2026-12-22'); // 24th, 23rd, 22nd
  });

  test('Scotland: no Easter Monday, so the first core group is a day earlier', () => {
    const p = resolveProfile('england', { calendar: 'scotland' });
    const got = computeDeadlines(p, createWorkingCalendar('scotland'), { icpc: '2027-03-22' });
    expect(got.find((d) => d.rule === 'T4')!.date).toBe('2027-04-06');
  });

  test('bad anchors are refused with codes', () => {
    expect(() => computeDeadlines(england, calendar, { conference: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }),
    );
    expect(() => computeDeadlines(england, calendar, { birthday: '2026-02-03' } as Anchors)).toThrow(
      expect.objectContaining({ code: 'TIMESCALES.UNKNOWN_ANCHOR' }),
    );
    expect(() => computeDeadlines(england, calendar, { icpc: '2080-12-01' })).toThrow(
      expect.objectContaining({ code: 'CALENDAR.OUT_OF_RANGE' }),
    );
  });
});
