// Timeliness, worked by hand: ICPCs within T1 working days of the strategy discussion (bank
// holidays of Christmas 2026 included), reviews within T2/T3 months (clamped to a working day),
// core groups within T4 / T5 (weeks, and sheffield's month), and the record within T12 counted
// on Europe/London dates (a copy sent at 23:30 UTC in summer went the next London day).
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import type { RecordState } from '../../../bot/domain/record/record-state';
import { recordCompletedOn, summarise, timelinessOf } from '../../../bot/domain/timeliness/timeliness';
import { conf } from './conference-fixture';

const CAL = createWorkingCalendar('england-and-wales');
const ENGLAND = resolveProfile('england');
const TODAY = '2027-06-30';

function sentAt(...at: string[]): RecordState {
  return {
    deadline: '2027-03-30', issuedAt: at[0]!, issuedBy: 'chair',
    recipients: at.map((a, n) => ({ inviteeId: `inv-${n}`, audience: 'professional' as const, versionKey: 'professional', withheld: [], state: 'sent' as const, at: a, attempts: 1 })),
  };
}

const NO_RECORD = { decisionRecorded: false };

describe('ICPCs within T1 working days of the strategy discussion', () => {
  // Strategy discussion Monday 7 December 2026: 15 working days skip Christmas Day and the
  // substitute Boxing Day (Monday 28 December) → Wednesday 30 December.
  it.each([
    ['2026-12-30', 'met', 15],
    ['2026-12-31', 'missed', 16],
    ['2026-12-24', 'met', 13],
  ])('held %s → %s (%d working days)', (held, status, days) => {
    const [row] = timelinessOf(ENGLAND, CAL, conf('a', { start: `${held}T10:00`, anchors: { 'strategy-discussion': '2026-12-07' } }), NO_RECORD, TODAY);
    expect(row).toMatchObject({ measure: 'icpc-within-t1', rule: 'T1', due: '2026-12-30', doneOn: held, workingDays: days, status });
  });

  it('a strategy discussion on a Sunday is still day 0', () => {
    const [row] = timelinessOf(ENGLAND, CAL, conf('a', { start: '2027-01-22T10:00', anchors: { 'strategy-discussion': '2027-01-03' } }), NO_RECORD, TODAY);
    expect([row!.due, row!.workingDays, row!.status]).toEqual(['2027-01-22', 15, 'met']);
  });

  it('no strategy discussion date: unmeasured, never counted', () => {
    const rows = timelinessOf(ENGLAND, CAL, conf('a', {}), NO_RECORD, TODAY);
    expect(rows[0]).toMatchObject({ status: 'unmeasured', due: null });
    expect(summarise(rows)[0]).toMatchObject({ met: 0, total: 0, share: null, unmeasured: 1 });
  });

  it('booked for a later day inside the timescale: pending; booked past it: already missed', () => {
    const anchors = { 'strategy-discussion': '2027-07-01' };
    expect(timelinessOf(ENGLAND, CAL, conf('a', { start: '2027-07-15T10:00', anchors }), NO_RECORD, TODAY)[0]!.status).toBe('pending');
    expect(timelinessOf(ENGLAND, CAL, conf('a', { start: '2027-07-30T10:00', anchors }), NO_RECORD, TODAY)[0]!.status).toBe('missed');
  });

  it('drafts and stood-down conferences are not counted', () => {
    for (const status of ['draft', 'stood-down'] as const) {
      expect(timelinessOf(ENGLAND, CAL, conf('a', { status, anchors: { 'strategy-discussion': '2027-01-01' } }), NO_RECORD, TODAY)).toEqual([]);
    }
  });
});

describe('reviews and core groups on time', () => {
  it('first review within 3 months of an ICPC on 30 November 2026: 28 February 2027 is a Sunday → Friday 26th', () => {
    const at = (d: string) => timelinessOf(ENGLAND, CAL, conf('r', { kind: 'RCPC', start: `${d}T10:00`, anchors: { icpc: '2026-11-30' } }), NO_RECORD, TODAY)[0];
    expect(at('2027-02-26')).toMatchObject({ measure: 'reviews-on-time', rule: 'T2', due: '2027-02-26', status: 'met' });
    expect(at('2027-03-01')).toMatchObject({ status: 'missed' });
  });

  it('a later review within 6 months of the last one (T3)', () => {
    const [row] = timelinessOf(ENGLAND, CAL, conf('r', { kind: 'RCPC', start: '2027-08-31T10:00', anchors: { rcpc: '2027-02-26' } }), NO_RECORD, '2027-09-30');
    expect(row).toMatchObject({ rule: 'T3', due: '2027-08-26', status: 'missed' });
  });

  it('first core group within 10 working days of the ICPC (T4); later ones every 6 weeks (T5)', () => {
    const first = timelinessOf(ENGLAND, CAL, conf('c', { kind: 'CORE_GROUP', start: '2027-03-15T14:00', anchors: { icpc: '2027-03-01' } }), NO_RECORD, TODAY);
    expect(first).toEqual([expect.objectContaining({ measure: 'core-groups-on-time', rule: 'T4', due: '2027-03-15', status: 'met' })]);
    const later = (d: string) => timelinessOf(ENGLAND, CAL, conf('c', { kind: 'CORE_GROUP', start: `${d}T14:00`, anchors: { 'core-group': '2027-03-15' } }), NO_RECORD, TODAY)[0];
    expect(later('2027-04-26')).toMatchObject({ rule: 'T5', due: '2027-04-26', status: 'met' });
    expect(later('2027-04-27')).toMatchObject({ status: 'missed' });
  });

  it('sheffield: later core groups every month', () => {
    const [row] = timelinessOf(resolveProfile('sheffield'), CAL, conf('c', { kind: 'CORE_GROUP', profileId: 'sheffield', start: '2027-04-16T14:00', anchors: { 'core-group': '2027-03-15' } }), NO_RECORD, TODAY);
    expect(row).toMatchObject({ due: '2027-04-15', status: 'missed' });
  });

  it('a core group has no record row (T12 follows conferences)', () => {
    expect(timelinessOf(ENGLAND, CAL, conf('c', { kind: 'CORE_GROUP', anchors: { icpc: '2027-01-04' } }), { decisionRecorded: true }, TODAY).map((r) => r.measure)).toEqual(['core-groups-on-time']);
  });
});

describe('decision records within T12 (Europe/London dates)', () => {
  // Monday 29 March 2027, the day after the clocks go forward: T12 = 1 working day → Tuesday 30th.
  const march = conf('d', { start: '2027-03-29T10:00', anchors: { 'strategy-discussion': '2027-03-10' } });
  const record = (facts: Parameters<typeof timelinessOf>[3], today = TODAY) => timelinessOf(ENGLAND, CAL, march, facts, today).find((r) => r.measure === 'records-within-t12');

  it('the last copy at 22:59 UTC on the 30th is 23:59 BST: on time; at 23:00 UTC it is 00:00 on the 31st: late', () => {
    expect(record({ decisionRecorded: true, record: sentAt('2027-03-29T15:00:00.000Z', '2027-03-30T22:59:00.000Z') })).toMatchObject({ due: '2027-03-30', doneOn: '2027-03-30', status: 'met' });
    expect(record({ decisionRecorded: true, record: sentAt('2027-03-29T15:00:00.000Z', '2027-03-30T23:00:00.000Z') })).toMatchObject({ doneOn: '2027-03-31', status: 'missed' });
  });

  it('in winter 23:30 UTC is the same London day', () => {
    expect(recordCompletedOn(sentAt('2027-01-05T23:30:00.000Z'))).toBe('2027-01-05');
  });

  it('a copy not yet sent: pending up to the T12 date, missed after it; no decision: unmeasured', () => {
    const unsent: RecordState = { ...sentAt('2027-03-29T15:00:00.000Z'), recipients: [{ ...sentAt('x').recipients[0]!, state: 'awaiting-approval', at: undefined }] };
    expect(record({ decisionRecorded: true, record: unsent }, '2027-03-30')!.status).toBe('pending');
    expect(record({ decisionRecorded: true, record: unsent }, '2027-03-31')!.status).toBe('missed');
    expect(record({ decisionRecorded: true }, '2027-04-01')).toMatchObject({ due: '2027-03-30', status: 'missed' });
    expect(record(NO_RECORD)).toMatchObject({ status: 'unmeasured', due: null });
  });

  it('the deadline the record was issued under is the one used', () => {
    expect(record({ decisionRecorded: true, record: { ...sentAt('2027-04-01T09:00:00.000Z'), deadline: '2027-04-01' } })).toMatchObject({ due: '2027-04-01', status: 'met' });
  });

  it('a conference not held yet has no record row', () => {
    expect(timelinessOf(ENGLAND, CAL, march, NO_RECORD, '2027-03-28').map((r) => r.measure)).toEqual(['icpc-within-t1']);
  });
});

describe('summarise', () => {
  it('met / (met + missed) per measure, pending and unmeasured apart, every measure present', () => {
    const sd = { 'strategy-discussion': '2026-12-07' };
    const rows = [
      ...timelinessOf(ENGLAND, CAL, conf('a', { start: '2026-12-30T10:00', anchors: sd }), NO_RECORD, TODAY),
      ...timelinessOf(ENGLAND, CAL, conf('b', { start: '2026-12-29T10:00', anchors: sd }), NO_RECORD, TODAY),
      ...timelinessOf(ENGLAND, CAL, conf('c', { start: '2026-12-31T10:00', anchors: sd }), NO_RECORD, TODAY),
      ...timelinessOf(ENGLAND, CAL, conf('d', { start: '2026-12-31T10:00' }), NO_RECORD, TODAY),
    ];
    const s = summarise(rows);
    expect(s.map((m) => m.measure)).toEqual(['icpc-within-t1', 'reviews-on-time', 'core-groups-on-time', 'records-within-t12']);
    expect(s[0]).toMatchObject({ met: 2, total: 3, share: 2 / 3, pending: 0, unmeasured: 1 });
    expect(s[1]).toMatchObject({ met: 0, total: 0, share: null });
    expect(s[3]).toMatchObject({ total: 0, unmeasured: 4 });
  });
});
