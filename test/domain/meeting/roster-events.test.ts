// The live roster from join/leave events: first sight matches, redelivery and older events change
// nothing, a leave that overtakes its join wins, and the chair's match is kept.
import type { RosterEntry } from '../../../bot/domain/meeting/live-meeting';
import { applyParticipantEvent, matchByChair, type ParticipantEvent } from '../../../bot/domain/meeting/roster-events';
import { invitee } from './meeting-fixtures';

const invitees = [invitee('sw', 'social-worker', { directoryId: 'aad-sw' }), invitee('mum', 'parent', { email: 'testmum@mail.example' })];
const T = (s: number) => new Date(Date.UTC(2026, 5, 1, 9, 0, s)).toISOString();
const join = (participantId: string, s: number, extra: Partial<ParticipantEvent> = {}): ParticipantEvent => ({ type: 'join', participantId, at: T(s), ...extra });
const leave = (participantId: string, s: number): ParticipantEvent => ({ type: 'leave', participantId, at: T(s) });

function applyAll(events: ParticipantEvent[], roster: RosterEntry[] = []): { roster: RosterEntry[]; changes: boolean[] } {
  const changes: boolean[] = [];
  for (const e of events) {
    const r = applyParticipantEvent(roster, invitees, e);
    roster = r.roster;
    changes.push(r.changed);
  }
  return { roster, changes };
}

describe('applyParticipantEvent', () => {
  it('a join adds a matched entry in the meeting', () => {
    const r = applyParticipantEvent([], invitees, join('29:a', 1, { aadObjectId: 'aad-sw', displayName: 'Shown Name', meetingRole: 'Presenter' }));
    expect(r.changed).toBe(true);
    expect(r.roster).toEqual([{ participantId: '29:a', aadObjectId: 'aad-sw', displayName: 'Shown Name', meetingRole: 'Presenter', inviteeId: 'sw', matchedBy: 'entra-id', inMeeting: true, firstJoinedAt: T(1), lastEventAt: T(1) }]);
  });

  it('an unknown joiner is kept unmatched', () => {
    const r = applyParticipantEvent([], invitees, join('29:g', 1, { displayName: 'Testmum' }));
    expect(r.roster[0]).toMatchObject({ participantId: '29:g', inMeeting: true });
    expect(r.roster[0]!.inviteeId).toBeUndefined();
  });

  it('a redelivered event changes nothing (same roster object)', () => {
    const first = applyParticipantEvent([], invitees, join('29:a', 1, { aadObjectId: 'aad-sw' }));
    const again = applyParticipantEvent(first.roster, invitees, join('29:a', 1, { aadObjectId: 'aad-sw' }));
    expect(again).toEqual({ roster: first.roster, changed: false });
    expect(again.roster).toBe(first.roster);
  });

  it('join, leave, rejoin', () => {
    const { roster, changes } = applyAll([join('29:a', 1, { aadObjectId: 'aad-sw' }), leave('29:a', 2), join('29:a', 3)]);
    expect(changes).toEqual([true, true, true]);
    expect(roster).toHaveLength(1);
    expect(roster[0]).toMatchObject({ inMeeting: true, firstJoinedAt: T(1), lastEventAt: T(3), inviteeId: 'sw' });
  });

  it('an older event than the latest applied changes nothing', () => {
    const { roster, changes } = applyAll([join('29:a', 1), leave('29:a', 5), join('29:a', 3)]);
    expect(changes).toEqual([true, true, false]);
    expect(roster[0]).toMatchObject({ inMeeting: false, lastEventAt: T(5) });
  });

  it('a leave that overtakes its join: the late join cannot put the person back', () => {
    const { roster, changes } = applyAll([leave('29:a', 5), join('29:a', 1, { aadObjectId: 'aad-sw' })]);
    // The late join still tells who it was (matched), but not that they are in.
    expect(changes).toEqual([true, true]);
    expect(roster[0]).toMatchObject({ participantId: '29:a', inMeeting: false, lastEventAt: T(5), inviteeId: 'sw', matchedBy: 'entra-id' });
  });

  it('an older event never changes an existing match', () => {
    const { roster, changes } = applyAll([join('29:a', 5, { email: 'testmum@mail.example' }), join('29:a', 1, { aadObjectId: 'aad-sw' })]);
    expect(changes).toEqual([true, false]);
    expect(roster[0]).toMatchObject({ inviteeId: 'mum', matchedBy: 'email', inMeeting: true, lastEventAt: T(5) });
    expect(roster[0]!.aadObjectId).toBeUndefined();
  });

  it('a second newer join while in the meeting updates lastEventAt only (no change for alerts)', () => {
    const { roster, changes } = applyAll([join('29:a', 1), join('29:a', 4)]);
    expect(changes).toEqual([true, false]);
    expect(roster[0]).toMatchObject({ inMeeting: true, lastEventAt: T(4) });
  });

  it('a leave for someone already gone changes nothing for alerts', () => {
    const { changes } = applyAll([join('29:a', 1), leave('29:a', 2), leave('29:a', 3)]);
    expect(changes).toEqual([true, true, false]);
  });

  it('instants are compared as instants, not as text', () => {
    const { roster, changes } = applyAll([join('29:a', 1), { type: 'leave', participantId: '29:a', at: '2026-06-01T10:00:00+01:00' }]);
    // 10:00+01:00 is 09:00:00Z: older than 09:00:01Z.
    expect(changes).toEqual([true, false]);
    expect(roster[0]!.inMeeting).toBe(true);
  });

  it('any order of the same events gives the same final roster state', () => {
    const events = [join('29:a', 1, { aadObjectId: 'aad-sw' }), leave('29:a', 2), join('29:a', 3, { aadObjectId: 'aad-sw' }), join('29:b', 2, { email: 'TESTMUM@mail.example' }), leave('29:b', 6)];
    const perms = (xs: ParticipantEvent[]): ParticipantEvent[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    const finals = perms(events).map((p) => {
      const { roster } = applyAll([...p, ...p]); // and every event redelivered
      return Object.fromEntries(roster.map((r) => [r.participantId, { inMeeting: r.inMeeting, lastEventAt: r.lastEventAt, inviteeId: r.inviteeId }]));
    });
    for (const f of finals) expect(f).toEqual({ '29:a': { inMeeting: true, lastEventAt: T(3), inviteeId: 'sw' }, '29:b': { inMeeting: false, lastEventAt: T(6), inviteeId: 'mum' } });
  });

  it('two participants never mix', () => {
    const { roster } = applyAll([join('29:a', 1, { aadObjectId: 'aad-sw' }), join('29:b', 1, { email: 'testmum@mail.example' }), leave('29:a', 2)]);
    expect(roster.map((r) => [r.participantId, r.inviteeId, r.inMeeting])).toEqual([['29:a', 'sw', false], ['29:b', 'mum', true]]);
  });

  it('a later event with ids matches an entry first seen without them', () => {
    const { roster, changes } = applyAll([join('29:a', 1), join('29:a', 2, { aadObjectId: 'aad-sw' })]);
    expect(changes).toEqual([true, true]);
    expect(roster[0]).toMatchObject({ inviteeId: 'sw', matchedBy: 'entra-id' });
  });

  it('the chair\'s match is kept across later events', () => {
    const first = applyAll([join('29:g', 1)]).roster;
    const matched = matchByChair(first, '29:g', 'mum');
    expect(matched[0]).toMatchObject({ inviteeId: 'mum', matchedBy: 'chair' });
    const { roster } = applyAll([leave('29:g', 2), join('29:g', 3, { aadObjectId: 'aad-sw' })], matched);
    expect(roster[0]).toMatchObject({ inviteeId: 'mum', matchedBy: 'chair', inMeeting: true });
  });
});

describe('matchByChair', () => {
  it('replaces an automatic match and leaves others alone; an unknown participant changes nothing', () => {
    const roster = applyAll([join('29:a', 1, { aadObjectId: 'aad-sw' }), join('29:g', 1)]).roster;
    const next = matchByChair(roster, '29:a', 'mum');
    expect(next[0]).toMatchObject({ inviteeId: 'mum', matchedBy: 'chair' });
    expect(next[1]).toEqual(roster[1]);
    expect(matchByChair(roster, '29:none', 'mum')).toEqual(roster);
  });
});
