// Random command sequences on the conference's rules (book, reschedule, add/remove invitee, stand
// down, the event PATCH/cancel, mail outcomes sent/failed/unknown/lost/crash, allow resend, hold,
// close): no sequence reaches an illegal state, and no family member gets the same e-mail twice.
import fc from 'fast-check';
import { eventAttendees, isFamilySide } from '../../../bot/domain/conference/attendee-order';
import type { Conference, ConferenceStatus, Invitee } from '../../../bot/domain/conference/conference';
import { type ConferenceCommand, transition } from '../../../bot/domain/conference/conference-rules';
import type { MailResult } from '../../../bot/domain/conference/family-mail-plan';
import { CONFERENCE_STATUSES, nextStatus } from '../../../bot/domain/conference/conference-status';

type Outcome = 'sent' | 'failed' | 'unknown' | 'lost' | 'crash-delivered' | 'crash-not-delivered';
type Cmd =
  | { t: 'book'; verified: boolean }
  | { t: 'verify' }
  | { t: 'reschedule'; day: number; family: boolean }
  | { t: 'add'; id: string; family: boolean }
  | { t: 'remove'; id: string }
  | { t: 'stand-down' }
  | { t: 'sync' }
  | { t: 'deliver'; outcomes: Outcome[] }
  | { t: 'resend'; pick: number }
  | { t: 'hold' }
  | { t: 'close' };

const IDS = ['mum', 'dad', 'gran', 'gp', 'school'];
const person = (id: string, family: boolean): Invitee => ({ id, role: family ? 'parent' : 'professional', displayName: `Person ${id}`, email: `${id}@example.org`, status: 'pending' });

// Weighted so that most sequences spend their length booked and mailing (hold/close end them).
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('book' as const), verified: fc.boolean() }), weight: 1 },
  { arbitrary: fc.constant({ t: 'verify' as const }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('reschedule' as const), day: fc.integer({ min: 10, max: 13 }), family: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('add' as const), id: fc.constantFrom(...IDS), family: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('remove' as const), id: fc.constantFrom(...IDS, 'chair', 'mum', 'dad') }), weight: 2 },
  { arbitrary: fc.constant({ t: 'stand-down' as const }), weight: 1 },
  { arbitrary: fc.constant({ t: 'sync' as const }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('deliver' as const), outcomes: fc.array(fc.constantFrom<Outcome>('sent', 'failed', 'unknown', 'lost', 'crash-delivered', 'crash-not-delivered'), { minLength: 6, maxLength: 6 }) }), weight: 8 },
  { arbitrary: fc.record({ t: fc.constant('resend' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.constant({ t: 'hold' as const }), weight: 1 },
  { arbitrary: fc.constant({ t: 'close' as const }), weight: 1 },
);
/** Every sequence starts with a booking (verified or not), then anything. */
const sequence = fc.tuple(fc.boolean(), fc.array(cmd, { minLength: 1, maxLength: 40 })).map(([verified, rest]): Cmd[] => [{ t: 'book', verified }, ...rest]);

function start(): Conference {
  return {
    id: 'conf-prop', caseReference: 'CP-TEST-0001', kind: 'ICPC', profileId: 'england',
    start: '2026-12-10T10:00', end: '2026-12-10T12:00', familySectionStart: '2026-12-10T10:30',
    organizerId: 'organizer@council.example', status: 'draft', bookingVersion: 1, version: 1,
    invitees: [{ ...person('chair', false), role: 'chair' }, { ...person('sw', false), role: 'social-worker' }, person('mum', true), person('dad', true)],
  };
}

/** What really reached each family member: "invitee|v<booking version>" → count (each change is a new version). */
type Truth = { delivered: Map<string, number>; lastArrived: Map<string, boolean> };

function run(commands: Cmd[]): void {
  let c = start();
  const truth: Truth = { delivered: new Map(), lastArrived: new Map() };
  const at = '2026-11-23T10:00:00.000Z';
  const apply = (command: ConferenceCommand): boolean => {
    const before = c.status;
    const r = transition(c, command);
    if (!r.ok) return false;
    // Only the status graph's moves (or none) are ever made.
    if (r.state.status !== before) {
      const allowed = (['book', 'stand-down', 'hold', 'close'] as const).some((e) => {
        const n = nextStatus(before, e);
        return n.ok && n.value === r.state.status;
      });
      expect({ from: before, to: r.state.status, allowed }).toEqual({ from: before, to: r.state.status, allowed: true });
    }
    c = r.state;
    return true;
  };

  for (const k of commands) {
    switch (k.t) {
      case 'book':
        if (apply({ type: 'book', meeting: { eventId: 'evt-1', transactionId: 'tx-1', joinUrl: 'https://teams.example/l/meetup-join/1' }, at, notice: null })) {
          apply({ type: 'online-meeting-found', onlineMeetingId: 'om-1' });
          apply({ type: 'options-checked', mismatches: k.verified ? [] : ['allowMeetingChat'] });
        }
        break;
      case 'verify':
        apply({ type: 'options-checked', mismatches: [] });
        break;
      case 'reschedule':
        apply({ type: 'reschedule', start: `2026-12-${k.day}T10:00`, end: `2026-12-${k.day}T12:00`, ...(k.family ? { familySectionStart: `2026-12-${k.day}T10:30` } : {}) });
        break;
      case 'add':
        apply({ type: 'add-invitee', invitee: person(k.id, k.family) });
        break;
      case 'remove':
        apply({ type: 'remove-invitee', inviteeId: k.id });
        break;
      case 'stand-down':
        apply({ type: 'stand-down' });
        break;
      case 'sync':
        if (c.status === 'stood-down' && c.meeting && !c.meeting.cancelled) {
          apply({ type: 'cancel-requested' });
          apply({ type: 'event-cancelled', missing: false });
        } else apply({ type: 'event-synced', at, notice: null });
        break;
      case 'deliver': {
        apply({ type: 'mail-interrupted' });
        const r = transition(c, { type: 'mail-sending', at });
        if (!r.ok) break;
        const plans = r.effects.flatMap((e) => (e.kind === 'send-family-mail' ? e.plans : []));
        c = r.state;
        // No family mail to an unlocked meeting; only cancellations once stood down or removed.
        for (const p of plans) {
          expect(isFamilySide(p.invitee.role)).toBe(true);
          if (c.status !== 'stood-down') expect(c.meeting?.optionsVerified).toBe(true);
          if (c.status === 'stood-down' || p.invitee.status === 'removed') expect(p.kind).toBe('cancellation');
        }
        if (plans.length === 0) break;
        let crashed = false;
        const results = plans.flatMap((p, i): MailResult[] => {
          const o = k.outcomes[i % k.outcomes.length]!;
          const arrived = o === 'sent' || o === 'lost' || o === 'crash-delivered';
          const key = `${p.invitee.id}|v${c.bookingVersion}`; // one e-mail per person per booking version
          if (arrived) truth.delivered.set(key, (truth.delivered.get(key) ?? 0) + 1);
          truth.lastArrived.set(p.invitee.id, arrived);
          if (o.startsWith('crash')) crashed = true;
          if (o === 'sent') return [{ inviteeId: p.invitee.id, outcome: 'sent' as const }];
          if (o === 'failed') return [{ inviteeId: p.invitee.id, outcome: 'failed' as const, code: 'MAIL.THROTTLED' }];
          if (o === 'unknown' || o === 'lost') return [{ inviteeId: p.invitee.id, outcome: 'unknown' as const, code: 'GRAPH.CONNECTION_RESET' }];
          return [];
        });
        // A crash: the process dies before any outcome is recorded; 'sending' stays.
        if (!crashed) expect(apply({ type: 'mail-outcomes', results, at, notice: null })).toBe(true);
        break;
      }
      case 'resend': {
        // The clerk allows a resend only after checking the e-mail did not arrive.
        const unknown = c.invitees.filter((i) => i.mail?.state === 'unknown' && truth.lastArrived.get(i.id) === false);
        if (unknown.length > 0) expect(apply({ type: 'allow-resend', inviteeId: unknown[k.pick % unknown.length]!.id })).toBe(true);
        const arrived = c.invitees.find((i) => i.mail?.state === 'unknown' && truth.lastArrived.get(i.id) === true);
        if (arrived) expect(transition(c, { type: 'allow-resend', inviteeId: arrived.id }).ok).toBe(true); // the rule cannot know; the clerk's check does
        break;
      }
      case 'hold':
        apply({ type: 'hold' });
        break;
      case 'close':
        apply({ type: 'close' });
        break;
    }
    checkInvariants(c, truth);
  }
}

function checkInvariants(c: Conference, truth: Truth): void {
  expect(CONFERENCE_STATUSES).toContain(c.status);
  const ids = c.invitees.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  if (c.meeting?.cancelled) expect(['stood-down', 'closed'] as ConferenceStatus[]).toContain(c.status);
  if (c.status !== 'draft') expect(c.meeting).toBeDefined();
  for (const i of c.invitees) if (i.mail) expect(i.mail.bookingVersion).toBeLessThanOrEqual(c.bookingVersion);
  expect(eventAttendees(c).every((i) => !isFamilySide(i.role) && i.status !== 'removed')).toBe(true);
  for (const [key, n] of truth.delivered) expect({ key, n }).toEqual({ key, n: 1 });
}

describe('conference rules under random command sequences', () => {
  it('never reach an illegal state and never send a family member the same e-mail twice', () => {
    fc.assert(fc.property(sequence, (commands) => run(commands)), { numRuns: 400, seed: 20261123 });
  });

  it('nothing comes back from stood down or closed', () => {
    fc.assert(
      fc.property(fc.constantFrom<ConferenceStatus>(...CONFERENCE_STATUSES), fc.constantFrom('book', 'stand-down', 'hold', 'close' as const), (status, event) => {
        const r = nextStatus(status, event);
        if (status === 'closed') expect(r.ok).toBe(false);
        if (status === 'stood-down' && r.ok) expect(r.value).toBe('closed');
        if (status === 'held' && r.ok) expect(r.value).toBe('closed');
      }),
    );
  });
});
