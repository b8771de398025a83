// The chair says who an unknown joiner is (a guest or anonymous joiner the product could not match
// by Entra id, UPN or e-mail — never by the name they show). Audited with ids only; the alerts are
// recomputed: the unknown-joiner alert clears ('matched'), and a presence alert is raised if the
// person, now known, must not be in this part.
import { randomUUID } from 'node:crypto';
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';
import { alertCandidates, reconcileAlerts } from '../../../domain/meeting/meeting-alerts';
import { countRaised } from '../live/alert-telemetry';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import { matchByChair } from '../../../domain/meeting/roster-events';
import type { AppDeps } from '../../app-deps';
import { loadForChair, londonNow, refuse, saveLive } from './chair-context';
import { auditId } from '../live/live-deps';
import { alertAuditLines } from './change-stage.use-case';

export async function matchParticipant(deps: AppDeps, actorId: string | undefined, conferenceId: string, participantId: string, inviteeId: string): Promise<LiveMeeting> {
  const attempted = 'meeting.match';
  const { viewer, conference: c, live: first } = await loadForChair(deps, actorId, conferenceId, attempted);
  if (first.stage === 'closed') await refuse(deps, viewer, c, attempted, 'MEETING.CLOSED');
  const invitee = c.invitees.find((i) => i.id === inviteeId && i.status !== 'removed');
  if (!invitee) throw new MeetingError('MEETING.INVITEE_NOT_FOUND', `invitee ${inviteeId} is not on the invite list`, { conferenceId, inviteeId });
  const { live, result: raised } = await saveLive(deps, viewer, conferenceId, async (current) => {
    const entry = current.roster.find((r) => r.participantId === participantId);
    if (!entry) throw new MeetingError('MEETING.PARTICIPANT_NOT_FOUND', `participant ${participantId} is not on the roster`, { conferenceId, participantId });
    if (entry.inviteeId === inviteeId && entry.matchedBy === 'chair') return { next: null, result: null };
    const at = deps.clock.now().toISOString();
    const staged = { ...current, roster: matchByChair(current.roster, participantId, inviteeId) };
    const r = reconcileAlerts(staged.alerts, alertCandidates(c, staged, londonNow(deps)), { stage: staged.stage, at, newId: randomUUID, reasonForClear: 'matched' });
    return {
      next: { ...staged, alerts: r.alerts },
      audit: [
        { action: 'meeting.participant-matched', detail: { participantId: auditId(participantId), inviteeId, previousInviteeId: entry.inviteeId ?? null, matchedBy: 'chair' } },
        ...alertAuditLines(r.raised, r.cleared),
      ],
      result: r.raised,
    };
  });
  countRaised(deps, raised ?? [], 'match');
  return live;
}
