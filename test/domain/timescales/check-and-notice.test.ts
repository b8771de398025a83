import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { PROFILE_IDS } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { socialWorkerBriefingStart } from '../../../bot/domain/timescales/briefing-time';
import { checkProposedDate } from '../../../bot/domain/timescales/check-proposed-date';
import { inviteNoticeDeadline } from '../../../bot/domain/timescales/notice';

const calendar = createWorkingCalendar('england-and-wales');

describe.each(PROFILE_IDS)('checkProposedDate, profile %s', (id) => {
  const p = resolveProfile(id);
  test.each([
    ['ICPC', { 'strategy-discussion': '2026-12-14' }, '2027-01-07', []],
    ['ICPC', { 'strategy-discussion': '2026-12-14' }, '2027-01-08', [{ rule: 'T1', date: '2027-01-07' }]],
    ['RCPC', { icpc: '2026-11-30' }, '2027-02-26', []],
    ['RCPC', { icpc: '2026-11-30' }, '2027-03-01', [{ rule: 'T2', date: '2027-02-26' }]],
    ['RCPC', { rcpc: '2027-11-29' }, '2028-05-30', [{ rule: 'T3', date: '2028-05-26' }]],
    ['RCPC', { icpc: '2026-11-30', rcpc: '2026-08-31' }, '2027-03-01', [{ rule: 'T2', date: '2027-02-26' }, { rule: 'T3', date: '2027-02-26' }]],
    ['CORE_GROUP', { icpc: '2026-11-30' }, '2026-12-15', [{ rule: 'T4', date: '2026-12-14' }]],
    ['CORE_GROUP', { icpc: '2026-11-30' }, '2026-12-14', []],
    ['TRANSFER_IN', { 'transfer-decision': '2027-08-20' }, '2027-09-14', [{ rule: 'T19', date: '2027-09-13' }]],
    ['TRANSFER_IN', { 'transfer-decision': '2027-08-20' }, '2027-09-13', []],
    ['PRE_BIRTH', { 'due-date': '2027-03-06' }, '2026-12-24', [{ rule: 'T18', date: '2026-12-29' }]],
    ['PRE_BIRTH', { 'due-date': '2027-03-06' }, '2027-01-05', []],
    ['PRE_BIRTH', { 'due-date': '2027-03-06' }, '2027-01-11', [{ rule: 'T18', date: '2027-01-08' }]],
  ] as const)('%s %j proposed %s', (kind, anchors, proposed, missed) => {
    expect(checkProposedDate(p, calendar, kind, anchors, proposed)).toEqual({ ok: missed.length === 0, missed });
  });

  test('T5: 6 weeks, or a month in Sheffield', () => {
    const r = checkProposedDate(p, calendar, 'CORE_GROUP', { 'core-group': '2026-11-20' }, '2026-12-21');
    expect(r).toEqual(id === 'sheffield' ? { ok: false, missed: [{ rule: 'T5', date: '2026-12-18' }] } : { ok: true, missed: [] });
  });
});

describe('checkProposedDate refusals', () => {
  const england = resolveProfile('england');
  test('an anchor that does not apply, or none that does', () => {
    expect(() => checkProposedDate(england, calendar, 'RCPC', { 'due-date': '2027-03-06' }, '2027-01-05')).toThrow(
      expect.objectContaining({ code: 'TIMESCALES.ANCHOR_NOT_APPLICABLE' }),
    );
    expect(() => checkProposedDate(england, calendar, 'ICPC', {}, '2027-01-05')).toThrow(
      expect.objectContaining({ code: 'TIMESCALES.MISSING_ANCHOR' }),
    );
    expect(() => checkProposedDate(england, calendar, 'ICPC', { 'strategy-discussion': '2026-12-14' }, '2027-02-29')).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }),
    );
    expect(() => checkProposedDate(england, calendar, 'REVIEW' as 'RCPC', { rcpc: '2026-12-14' }, '2027-01-05')).toThrow(
      expect.objectContaining({ code: 'TIMESCALES.UNKNOWN_KIND' }),
    );
  });

  test('a one-day pre-birth window on a closed day holds no permissible day: every date misses T18', () => {
    // Week 31+0 of a Sat 2027-03-06 due date is Sat 2027-01-02: opens Mon 4th, closes Thu 2026-12-31.
    const p = resolveProfile('england', { timescales: { T18: { fromWeek: 31, toWeek: 31 } } });
    const check = (d: string) => checkProposedDate(p, calendar, 'PRE_BIRTH', { 'due-date': '2027-03-06' }, d);
    expect(check('2026-12-31')).toEqual({ ok: false, missed: [{ rule: 'T18', date: '2027-01-04' }] });
    expect(check('2027-01-04')).toEqual({ ok: false, missed: [{ rule: 'T18', date: '2026-12-31' }] });
  });

  test('a rule switched off is never missed', () => {
    const off = resolveProfile('england', { timescales: { T1: null } });
    expect(checkProposedDate(off, calendar, 'ICPC', { 'strategy-discussion': '2026-12-14' }, '2027-06-01')).toEqual({ ok: true, missed: [] });
  });
});

describe('inviteNoticeDeadline (T7)', () => {
  test.each([
    ['staffordshire', 'RCPC', '2027-01-04', '2026-12-16'],
    ['staffordshire', 'ICPC', '2027-01-04', '2026-12-21'],
    ['england', 'RCPC', '2028-01-04', '2027-12-21'],
    ['england', 'TRANSFER_IN', '2027-04-01', '2027-03-19'], // Easter 2027
    ['suffolk', 'PRE_BIRTH', '2026-06-01', '2026-05-20'],
    ['england', 'CORE_GROUP', '2027-01-04', null],
  ] as const)('%s %s on %s → %s', (id, kind, date, expected) => {
    expect(inviteNoticeDeadline(resolveProfile(id), calendar, kind, date)).toBe(expected);
  });

  test('null when the deployment switches the rule off', () => {
    const p = resolveProfile('england', { timescales: { T7: { ICPC: null } } });
    expect(inviteNoticeDeadline(p, calendar, 'ICPC', '2027-01-04')).toBeNull();
    expect(inviteNoticeDeadline(p, calendar, 'RCPC', '2027-01-04')).toBe('2026-12-21');
  });
});

describe('socialWorkerBriefingStart (T24)', () => {
  const england = resolveProfile('england');
  test.each([
    ['2027-01-04T10:00', '2027-01-04T09:45'],
    ['2027-01-04T10:05', '2027-01-04T09:50'],
    ['2027-01-04T00:10', '2027-01-03T23:55'],
    ['2027-01-01T00:00', '2026-12-31T23:45'],
  ])('%s → %s', (start, expected) => {
    expect(socialWorkerBriefingStart(england, start)).toBe(expected);
  });
  test('off, and bad input', () => {
    expect(socialWorkerBriefingStart(resolveProfile('england', { timescales: { T24: null } }), '2027-01-04T10:00')).toBeNull();
    expect(() => socialWorkerBriefingStart(england, '2027-01-04 10:00')).toThrow(expect.objectContaining({ code: 'TIMESCALES.INVALID_TIME' }));
    expect(() => socialWorkerBriefingStart(england, '2027-02-30T10:00')).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }));
  });
});
