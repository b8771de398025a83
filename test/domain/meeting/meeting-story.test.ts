// The domain rules together, as the use cases will chain them: events → roster → candidates →
// reconcile, through the stages of an ICPC with a confidential section.
import type { LiveMeeting, MeetingAlert, StageCommand } from '../../../bot/domain/meeting/live-meeting';
import { alertCandidates, reconcileAlerts } from '../../../bot/domain/meeting/meeting-alerts';
import { applyParticipantEvent, matchByChair, type ParticipantEvent } from '../../../bot/domain/meeting/roster-events';
import { stageContextOf, transitionStage } from '../../../bot/domain/meeting/stage-machine';
import { conference, invitee } from './meeting-fixtures';

const c = conference(
  [invitee('chair', 'chair', { directoryId: 'aad-chair' }), invitee('sw', 'social-worker', { directoryId: 'aad-sw' }), invitee('mum', 'parent', { email: 'testmum@mail.example' })],
  { booking: { chairId: 'aad-chair', socialWorkerId: 'aad-sw', requestedBy: 'x', durationMinutes: 120, confidentialMinutes: 30 } },
);

describe('an ICPC through the domain rules', () => {
  let live: Pick<LiveMeeting, 'stage' | 'roster' | 'alerts' | 'confidentialAdded'>;
  let n: number;
  beforeEach(() => {
    live = { stage: 'pre-meeting', roster: [], alerts: [] };
    n = 0;
  });
  const recompute = (at: string, now: string, reasonForClear: MeetingAlert['clearedBecause']) => {
    const r = reconcileAlerts(live.alerts, alertCandidates(c, live, now), { stage: live.stage, at, newId: () => `al-${++n}`, reasonForClear });
    live = { ...live, alerts: r.alerts };
    return r;
  };
  const event = (e: ParticipantEvent, now: string) => {
    const r = applyParticipantEvent(live.roster, c.invitees, e);
    live = { ...live, roster: r.roster };
    return r.changed ? recompute(e.at, now, e.type === 'leave' ? 'left' : 'matched') : { raised: [], cleared: [] };
  };
  const stage = (command: StageCommand, at: string, now: string) => {
    const t = transitionStage(live, { type: 'command', command, byChair: true }, stageContextOf(c));
    if (!t.ok) throw new Error(t.code);
    live = { ...live, ...t.state };
    return recompute(at, now, 'stage-changed');
  };

  it('a parent joining the confidential section is alerted once, acknowledged, cleared when the family section opens', () => {
    event({ type: 'join', participantId: '29:ch', aadObjectId: 'aad-chair', at: '2026-06-01T08:55:00Z' }, '2026-06-01T09:55');
    expect(stage('open-confidential', '2026-06-01T09:00:00Z', '2026-06-01T10:00').raised).toEqual([]);
    const joined = event({ type: 'join', participantId: '29:m', email: 'TestMum@mail.example', at: '2026-06-01T09:05:00Z' }, '2026-06-01T10:05');
    expect(joined.raised.map((a) => [a.kind, a.inviteeId])).toEqual([['family-in-confidential', 'mum']]);
    // Redelivered: nothing new.
    expect(event({ type: 'join', participantId: '29:m', email: 'TestMum@mail.example', at: '2026-06-01T09:05:00Z' }, '2026-06-01T10:05')).toEqual({ raised: [], cleared: [] });
    live = { ...live, alerts: live.alerts.map((a) => ({ ...a, acknowledgedAt: '2026-06-01T09:06:00Z', acknowledgedBy: 'aad-chair' })) };
    // Still there after acknowledging: not raised again.
    expect(recompute('2026-06-01T09:07:00Z', '2026-06-01T10:07', 'left').raised).toEqual([]);
    const family = stage('open-family', '2026-06-01T09:30:00Z', '2026-06-01T10:30');
    expect(family.cleared.map((a) => [a.kind, a.clearedBecause])).toEqual([['family-in-confidential', 'stage-changed']]);
    expect(live.alerts.filter((a) => a.clearedAt === undefined)).toEqual([]);
  });

  it('an unknown joiner matched by the chair: the alert clears as matched', () => {
    stage('open-confidential', '2026-06-01T09:00:00Z', '2026-06-01T10:00');
    expect(event({ type: 'join', participantId: '29:guest', displayName: 'Guest', at: '2026-06-01T09:10:00Z' }, '2026-06-01T10:10').raised.map((a) => a.kind)).toEqual(['unknown-joiner']);
    live = { ...live, roster: matchByChair(live.roster, '29:guest', 'sw') };
    const r = recompute('2026-06-01T09:11:00Z', '2026-06-01T10:11', 'matched');
    expect(r.cleared.map((a) => [a.kind, a.clearedBecause])).toEqual([['unknown-joiner', 'matched']]);
    expect(r.raised).toEqual([]);
  });
});
