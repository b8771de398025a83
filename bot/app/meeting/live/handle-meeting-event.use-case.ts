// A Teams meeting event (start, end, join, leave, recording) applied to the conference's live
// meeting (issue 9 "The roster"). The meeting chat's thread id finds the conference; an event of
// a meeting no conference owns, or of another meeting than the row's, is refused and audited and
// changes nothing. The roster rule (applyParticipantEvent) makes a redelivered, duplicated or
// out-of-order event a no-op; alerts are recomputed and reconciled, and every alert raised or
// cleared is audited in the same transaction as the save. The raised ones are delivered after
// the commit (deliver-alerts.ts); the repeat job is queued with them, so a crash in between loses none.
import { randomUUID } from 'node:crypto';
import { instantToLondon } from '../../../domain/calendar/london-time';
import type { Conference } from '../../../domain/conference/conference';
import type { LiveMeeting, MeetingAlert, StageChange } from '../../../domain/meeting/live-meeting';
import { alertCandidates, reconcileAlerts } from '../../../domain/meeting/meeting-alerts';
import type { MeetingErrorCode } from '../../../domain/meeting/meeting-errors';
import { applyParticipantEvent } from '../../../domain/meeting/roster-events';
import { stageContextOf, transitionStage } from '../../../domain/meeting/stage-machine';
import type { AuditDetail } from '../../ports/audit-log.port';
import type { TransactionHandle } from '../../ports/unit-of-work.port';
import { telemetryOf } from '../../ports/telemetry.port';
import { scheduleAlertRepeat } from './alert-repeat-job';
import { countRaised } from './alert-telemetry';
import { deliverAlerts } from './deliver-alerts';
import { auditId, type LiveDeps } from './live-deps';
import type { MeetingEvent, MeetingEventOutcome } from './meeting-event';
import { withLiveRetry } from './save-live';

export type HandledMeetingEvent =
  | { outcome: 'applied' | 'unchanged'; conferenceId: string; raised: MeetingAlert[]; cleared: MeetingAlert[]; live: LiveMeeting }
  | { outcome: 'refused'; code: Extract<MeetingErrorCode, 'MEETING.NOT_FOUND' | 'MEETING.OTHER_MEETING'>; conferenceId: string | null };

const TEAMS = 'teams';

function freshLive(conferenceId: string, e: MeetingEvent): Omit<LiveMeeting, 'version'> {
  return { conferenceId, teamsMeetingId: e.teamsMeetingId, chat: e.chat, stage: 'pre-meeting', history: [], roster: [], alerts: [], recording: { recording: 'unknown', transcription: 'unknown' } };
}

/** The event applied to the live meeting (pure apart from the instant given). */
function applyEvent(c: Conference, live: Omit<LiveMeeting, 'version'>, e: MeetingEvent, at: string): Omit<LiveMeeting, 'version'> {
  const chat = live.chat ?? e.chat;
  switch (e.type) {
    case 'meeting-start':
      return live.startedAt ? { ...live, chat } : { ...live, chat, startedAt: at };
    case 'meeting-end': {
      if (live.endedAt) return live;
      const t = transitionStage({ stage: live.stage, ...(live.confidentialAdded ? { confidentialAdded: true } : {}) }, { type: 'meeting-ended' }, stageContextOf(c));
      const history: StageChange[] = t.ok && t.state.stage !== live.stage ? [...live.history, { from: live.stage, to: t.state.stage, at, by: TEAMS }] : live.history;
      return { ...live, chat, endedAt: at, stage: t.ok ? t.state.stage : live.stage, history };
    }
    case 'participant-join':
    case 'participant-leave': {
      let roster = live.roster;
      for (const m of e.members) {
        roster = applyParticipantEvent(roster, c.invitees, {
          type: e.type === 'participant-join' ? 'join' : 'leave',
          participantId: m.participantId,
          ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
          ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
          ...(m.email ? { email: m.email } : {}),
          ...(m.displayName ? { displayName: m.displayName } : {}),
          ...(m.meetingRole ? { meetingRole: m.meetingRole } : {}),
          at,
        }).roster;
      }
      return roster === live.roster ? live : { ...live, chat, roster };
    }
    case 'recording': {
      const now = live.recording ?? { recording: 'unknown', transcription: 'unknown' };
      if (now[e.what] === e.state) return live;
      return { ...live, chat, recording: { ...now, [e.what]: e.state, at } };
    }
  }
}

const reasonOf = (e: MeetingEvent): MeetingAlert['clearedBecause'] => (e.type === 'participant-leave' ? 'left' : e.type === 'meeting-end' ? 'meeting-ended' : undefined);

export function alertDetail(a: MeetingAlert): AuditDetail {
  return { alertId: a.id, kind: a.kind, stage: a.stage, participantId: auditId(a.participantId), inviteeId: a.inviteeId ?? null };
}

export async function handleMeetingEvent(deps: LiveDeps, e: MeetingEvent): Promise<HandledMeetingEvent> {
  const at = e.at ?? deps.clock.now().toISOString();
  const about = { eventType: e.type, threadId: auditId(e.threadId), teamsMeetingId: auditId(e.teamsMeetingId), activityId: auditId(e.activityId) };
  const refuse = async (code: 'MEETING.NOT_FOUND' | 'MEETING.OTHER_MEETING', conferenceId: string | null, tx?: TransactionHandle): Promise<HandledMeetingEvent> => {
    await deps.audit.append({ actorId: TEAMS, actorRole: 'system', action: 'meeting.refused', conferenceId, detail: { code, ...about } }, tx);
    return { outcome: 'refused', code, conferenceId };
  };

  const conferenceId = await deps.lookup.idByMeetingThread(e.threadId);
  const c = conferenceId ? await deps.store.get(conferenceId) : null;
  if (!conferenceId || !c) return refuse('MEETING.NOT_FOUND', null);

  return withLiveRetry(deps.uow, async (tx) => {
    const stored = await deps.live.get(c.id, tx);
    // One conference, one meeting: an event of another meeting id would mix two rosters.
    if (stored && stored.teamsMeetingId !== e.teamsMeetingId) return refuse('MEETING.OTHER_MEETING', c.id, tx);
    const before = stored ?? freshLive(c.id, e);
    const applied = applyEvent(c, before, e, at);
    if (stored && applied === before) return { outcome: 'unchanged', conferenceId: c.id, raised: [], cleared: [], live: stored };

    const candidates = alertCandidates(c, applied, instantToLondon(Date.parse(at)));
    const r = reconcileAlerts(applied.alerts, candidates, { stage: applied.stage, at, newId: randomUUID, reasonForClear: reasonOf(e) });
    const next = { ...applied, alerts: r.alerts };
    const saved = stored ? await deps.live.save({ ...next, version: stored.version }, tx) : await deps.live.create(next, tx);

    const audit = (action: string, detail: AuditDetail) => deps.audit.append({ actorId: TEAMS, actorRole: 'system', action, conferenceId: c.id, detail }, tx);
    if (e.type === 'meeting-start' && !before.startedAt) await audit('meeting.started', about);
    if (e.type === 'meeting-end' && !before.endedAt) await audit('meeting.ended', { ...about, stage: saved.stage });
    if (saved.stage !== before.stage) await audit('meeting.stage-changed', { from: before.stage, to: saved.stage, by: TEAMS });
    for (const a of r.raised) await audit('meeting.alert-raised', alertDetail(a));
    for (const a of r.cleared) await audit('meeting.alert-cleared', { ...alertDetail(a), because: a.clearedBecause ?? null });
    if (r.raised.length > 0) await scheduleAlertRepeat(deps, c.id, tx);
    return { outcome: 'applied', conferenceId: c.id, raised: r.raised, cleared: r.cleared, live: saved };
  });
}

/** What the Teams adapter calls: the event applied, then its new alerts delivered at once (after the commit). */
export function meetingEventHandler(deps: LiveDeps): (e: MeetingEvent) => Promise<MeetingEventOutcome> {
  return (e) =>
    telemetryOf(deps).span('cpc.meeting.event', { 'cpc.meeting.event_type': e.type }, async (span) => {
      const r = await handleMeetingEvent(deps, e);
      span.set({ 'cpc.outcome': r.outcome, 'cpc.alerts.raised': r.outcome === 'refused' ? 0 : r.raised.length });
      if (r.outcome === 'refused') return { outcome: 'refused', code: r.code };
      countRaised(deps, r.raised, 'meeting-event');
      // A failed delivery is not the event's failure: the row says undelivered, the repeat job sends it.
      if (r.raised.length > 0) await deliverAlerts(deps, r.conferenceId, r.raised.map((a) => a.id)).catch(() => undefined);
      return { outcome: r.outcome, conferenceId: r.conferenceId, raised: r.raised.length, cleared: r.cleared.length };
    });
}
