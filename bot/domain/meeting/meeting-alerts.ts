// The chair's alerts (issue 9): who is present and must not be, an unknown joiner, a recording or
// transcription Teams told the bot of. Candidates are recomputed from the roster and the stage at
// every event; reconcile keeps an open alert while it still applies (acknowledged or not, so an
// acknowledged one is not raised again while the person stays), clears it when it no longer does,
// and raises the new ones. Pure: instants and ids are given.
import type { LocalDateTime } from '../calendar/iso-date';
import type { Conference } from '../conference/conference';
import type { AlertKind, LiveMeeting, MeetingAlert, MeetingStage } from './live-meeting';
import { presenceOf } from './presence-rules';

export interface AlertCandidate { kind: AlertKind; participantId?: string; inviteeId?: string }

export function alertCandidates(c: Conference, live: Pick<LiveMeeting, 'stage' | 'roster' | 'recording'>, now: LocalDateTime): AlertCandidate[] {
  // Once the meeting has closed nobody is told to leave.
  if (live.stage === 'closed') return [];
  const out: AlertCandidate[] = [];
  for (const r of live.roster) {
    if (!r.inMeeting) continue;
    const invitee = r.inviteeId === undefined ? undefined : c.invitees.find((i) => i.id === r.inviteeId);
    if (!invitee) {
      out.push({ kind: 'unknown-joiner', participantId: r.participantId });
      continue;
    }
    const p = presenceOf(c, invitee, live.stage, now);
    if (!p.allowed) out.push({ kind: p.kind, participantId: r.participantId, inviteeId: invitee.id });
  }
  if (live.recording?.recording === 'started') out.push({ kind: 'recording-started' });
  if (live.recording?.transcription === 'started') out.push({ kind: 'transcription-started' });
  return out;
}

/** Same alert: kind and participant (recording and transcription: kind alone). */
const keyOf = (a: { kind: AlertKind; participantId?: string }): string => `${a.kind}|${a.participantId ?? ''}`;

export function reconcileAlerts(
  alerts: MeetingAlert[],
  candidates: AlertCandidate[],
  ctx: { stage: MeetingStage; at: string; newId: () => string; reasonForClear: MeetingAlert['clearedBecause'] },
): { alerts: MeetingAlert[]; raised: MeetingAlert[]; cleared: MeetingAlert[] } {
  const wanted = new Map<string, AlertCandidate>();
  for (const c of candidates) if (!wanted.has(keyOf(c))) wanted.set(keyOf(c), c);
  const cleared: MeetingAlert[] = [];
  const next = alerts.map((a) => {
    if (a.clearedAt !== undefined) return a;
    if (wanted.delete(keyOf(a))) return a;
    const done: MeetingAlert = { ...a, clearedAt: ctx.at, ...(ctx.reasonForClear && { clearedBecause: ctx.reasonForClear }) };
    cleared.push(done);
    return done;
  });
  const raised: MeetingAlert[] = [...wanted.values()].map((c) => ({
    id: ctx.newId(),
    kind: c.kind,
    ...(c.participantId !== undefined && { participantId: c.participantId }),
    ...(c.inviteeId !== undefined && { inviteeId: c.inviteeId }),
    stage: ctx.stage,
    raisedAt: ctx.at,
    deliveries: 0,
  }));
  return { alerts: [...next, ...raised], raised, cleared };
}

/**
 * Open, unacknowledged alerts whose latest delivery (or raising, when none was delivered: a lost
 * first delivery is retried too) is at least `everyMs` ago.
 */
export function alertsToRepeat(alerts: MeetingAlert[], nowIso: string, everyMs: number): MeetingAlert[] {
  const now = Date.parse(nowIso);
  return alerts.filter((a) => {
    if (a.clearedAt !== undefined || a.acknowledgedAt !== undefined) return false;
    const last = Date.parse(a.lastDeliveredAt ?? a.raisedAt);
    return now - last >= everyMs;
  });
}
