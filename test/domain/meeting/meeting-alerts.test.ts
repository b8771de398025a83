// Alerts to the chair: candidates from the roster and the stage; reconcile raises, keeps and
// clears; an acknowledged alert stays (never raised again) until the person leaves; a stage
// change clears what no longer applies; repeats for the open, unacknowledged ones.
import type { LiveMeeting, MeetingAlert } from '../../../bot/domain/meeting/live-meeting';
import { type AlertCandidate, alertCandidates, alertsToRepeat, reconcileAlerts } from '../../../bot/domain/meeting/meeting-alerts';
import { conference, invitee, present } from './meeting-fixtures';

const NOW = '2026-06-01T10:15';
const c = conference([
  invitee('chair', 'chair'),
  invitee('sw', 'social-worker'),
  invitee('gp', 'professional', { agency: 'health' }),
  invitee('mum', 'parent'),
  invitee('gone', 'parent', { status: 'removed' }),
]);

describe('alertCandidates', () => {
  const live = (stage: LiveMeeting['stage'], roster: LiveMeeting['roster'], recording?: LiveMeeting['recording']) => ({ stage, roster, ...(recording && { recording }) });

  it('the confidential section: a parent present, an unknown joiner, a removed invitee; professionals fine', () => {
    const roster = [present('29:ch', 'chair'), present('29:sw', 'sw'), present('29:m', 'mum'), present('29:g'), present('29:r', 'gone'), present('29:x', 'no-such-invitee')];
    expect(alertCandidates(c, live('confidential', roster), NOW)).toEqual([
      { kind: 'family-in-confidential', participantId: '29:m', inviteeId: 'mum' },
      { kind: 'unknown-joiner', participantId: '29:g' },
      { kind: 'unknown-joiner', participantId: '29:r', inviteeId: 'gone' },
      { kind: 'unknown-joiner', participantId: '29:x' },
    ]);
  });

  it('only people in the meeting count', () => {
    expect(alertCandidates(c, live('confidential', [present('29:m', 'mum', { inMeeting: false }), present('29:g', undefined, { inMeeting: false })]), NOW)).toEqual([]);
  });

  it('the family section: the parent is welcome', () => {
    expect(alertCandidates(c, live('family', [present('29:m', 'mum')]), NOW)).toEqual([]);
  });

  it('recording and transcription started: one each; stopped or unknown: none', () => {
    expect(alertCandidates(c, live('family', [], { recording: 'started', transcription: 'started' }), NOW)).toEqual([{ kind: 'recording-started' }, { kind: 'transcription-started' }]);
    expect(alertCandidates(c, live('family', [], { recording: 'stopped', transcription: 'unknown' }), NOW)).toEqual([]);
  });

  it('closed: nobody is alerted', () => {
    expect(alertCandidates(c, live('closed', [present('29:g'), present('29:m', 'mum')], { recording: 'started', transcription: 'unknown' }), NOW)).toEqual([]);
  });
});

describe('reconcileAlerts', () => {
  let n = 0;
  const ctx = (over: Partial<Parameters<typeof reconcileAlerts>[2]> = {}) => ({ stage: 'confidential' as const, at: '2026-06-01T09:15:00.000Z', newId: () => `a${++n}`, reasonForClear: 'left' as const, ...over });
  beforeEach(() => { n = 0; });
  const mum: AlertCandidate = { kind: 'family-in-confidential', participantId: '29:m', inviteeId: 'mum' };
  const guest: AlertCandidate = { kind: 'unknown-joiner', participantId: '29:g' };

  it('raises a new alert for each new candidate, deliveries 0', () => {
    const r = reconcileAlerts([], [mum, guest, { kind: 'recording-started' }], ctx());
    expect(r.raised).toEqual([
      { id: 'a1', kind: 'family-in-confidential', participantId: '29:m', inviteeId: 'mum', stage: 'confidential', raisedAt: '2026-06-01T09:15:00.000Z', deliveries: 0 },
      { id: 'a2', kind: 'unknown-joiner', participantId: '29:g', stage: 'confidential', raisedAt: '2026-06-01T09:15:00.000Z', deliveries: 0 },
      { id: 'a3', kind: 'recording-started', stage: 'confidential', raisedAt: '2026-06-01T09:15:00.000Z', deliveries: 0 },
    ]);
    expect(r.alerts).toEqual(r.raised);
    expect(r.cleared).toEqual([]);
  });

  it('keeps an open alert that still applies (no second alert, deliveries untouched)', () => {
    const first = reconcileAlerts([], [mum], ctx()).alerts;
    const delivered = first.map((a) => ({ ...a, deliveries: 2, lastDeliveredAt: '2026-06-01T09:15:10.000Z' }));
    const r = reconcileAlerts(delivered, [mum], ctx({ at: '2026-06-01T09:16:00.000Z' }));
    expect(r).toEqual({ alerts: delivered, raised: [], cleared: [] });
  });

  it('duplicate candidates raise one alert', () => {
    expect(reconcileAlerts([], [mum, { ...mum }], ctx()).raised).toHaveLength(1);
  });

  it('clears an alert when the person leaves, with the reason given', () => {
    const open = reconcileAlerts([], [mum, guest], ctx()).alerts;
    const r = reconcileAlerts(open, [guest], ctx({ at: '2026-06-01T09:20:00.000Z', reasonForClear: 'left' }));
    expect(r.cleared).toEqual([{ ...open[0], clearedAt: '2026-06-01T09:20:00.000Z', clearedBecause: 'left' }]);
    expect(r.alerts).toEqual([r.cleared[0], open[1]]);
    expect(r.raised).toEqual([]);
  });

  it('an acknowledged alert stays open-but-acknowledged while the person stays, and clears when they leave', () => {
    const open = reconcileAlerts([], [mum], ctx()).alerts;
    const acked: MeetingAlert[] = [{ ...open[0]!, acknowledgedAt: '2026-06-01T09:16:00.000Z', acknowledgedBy: 'aad-chair' }];
    const stays = reconcileAlerts(acked, [mum], ctx({ at: '2026-06-01T09:17:00.000Z' }));
    expect(stays).toEqual({ alerts: acked, raised: [], cleared: [] });
    const left = reconcileAlerts(acked, [], ctx({ at: '2026-06-01T09:18:00.000Z', reasonForClear: 'left' }));
    expect(left.cleared).toEqual([{ ...acked[0], clearedAt: '2026-06-01T09:18:00.000Z', clearedBecause: 'left' }]);
  });

  it('a stage change clears what no longer applies and raises what now does', () => {
    const open = reconcileAlerts([], [mum], ctx()).alerts;
    // Family section: the parent is welcome; a parent outside their slot is a new alert of another kind.
    const slot: AlertCandidate = { kind: 'outside-own-slot', participantId: '29:d', inviteeId: 'dad' };
    const r = reconcileAlerts(open, [slot], ctx({ stage: 'family', at: '2026-06-01T09:30:00.000Z', reasonForClear: 'stage-changed' }));
    expect(r.cleared).toEqual([{ ...open[0], clearedAt: '2026-06-01T09:30:00.000Z', clearedBecause: 'stage-changed' }]);
    expect(r.raised).toEqual([{ id: 'a2', kind: 'outside-own-slot', participantId: '29:d', inviteeId: 'dad', stage: 'family', raisedAt: '2026-06-01T09:30:00.000Z', deliveries: 0 }]);
  });

  it('a person who leaves and comes back gets a new alert (the old one stays cleared)', () => {
    const open = reconcileAlerts([], [mum], ctx()).alerts;
    const cleared = reconcileAlerts(open, [], ctx({ at: '2026-06-01T09:20:00.000Z' })).alerts;
    const back = reconcileAlerts(cleared, [mum], ctx({ at: '2026-06-01T09:25:00.000Z' }));
    expect(back.cleared).toEqual([]);
    expect(back.raised).toHaveLength(1);
    expect(back.alerts).toEqual([cleared[0], back.raised[0]]);
  });

  it('the same kind for another participant is another alert', () => {
    const open = reconcileAlerts([], [mum], ctx()).alerts;
    const r = reconcileAlerts(open, [mum, { ...mum, participantId: '29:m2' }], ctx());
    expect(r.raised.map((a) => a.participantId)).toEqual(['29:m2']);
  });

  it('without a reason the alert is cleared with the time only', () => {
    const open = reconcileAlerts([], [guest], ctx()).alerts;
    const r = reconcileAlerts(open, [], ctx({ reasonForClear: undefined }));
    expect(r.cleared[0]!.clearedAt).toBe('2026-06-01T09:15:00.000Z');
    expect(r.cleared[0]).not.toHaveProperty('clearedBecause');
  });
});

describe('alertsToRepeat', () => {
  const base: MeetingAlert = { id: 'x', kind: 'unknown-joiner', participantId: '29:g', stage: 'family', raisedAt: '2026-06-01T09:00:00.000Z', deliveries: 1, lastDeliveredAt: '2026-06-01T09:00:01.000Z' };
  const EVERY = 60_000;
  it.each<[string, Partial<MeetingAlert>, string, boolean]>([
    ['delivered just now', {}, '2026-06-01T09:00:30.000Z', false],
    ['delivered exactly everyMs ago', {}, '2026-06-01T09:01:01.000Z', true],
    ['delivered long ago', {}, '2026-06-01T09:05:00.000Z', true],
    ['acknowledged', { acknowledgedAt: '2026-06-01T09:00:20.000Z', acknowledgedBy: 'chair' }, '2026-06-01T09:05:00.000Z', false],
    ['cleared', { clearedAt: '2026-06-01T09:00:20.000Z', clearedBecause: 'left' }, '2026-06-01T09:05:00.000Z', false],
    ['never delivered, raised long ago (a lost first delivery)', { deliveries: 0, lastDeliveredAt: undefined }, '2026-06-01T09:05:00.000Z', true],
    ['never delivered, raised just now (the first delivery is in flight)', { deliveries: 0, lastDeliveredAt: undefined }, '2026-06-01T09:00:10.000Z', false],
  ])('%s → %s', (_name, patch, now, due) => {
    const a = { ...base, ...patch };
    expect(alertsToRepeat([a], now, EVERY)).toEqual(due ? [a] : []);
  });
});
