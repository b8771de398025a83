// The chair removes someone from the meeting. With the calling bot enabled (AppDeps.calls,
// CALLS_REMOVE_ENABLED) the bot joins the meeting's call once (the call id kept in the live
// meeting), finds the person among the call's participants by Entra id and removes them (Graph
// DELETE …/participants/{id}); audited meeting.participant-removed, the roster entry marked out of
// the meeting and its alerts cleared ('removed'). Otherwise — no calling bot, an anonymous joiner
// with no Entra id, or the tenant refusing — the chair gets Teams' exact steps to do it by hand
// (audited meeting.removal-instructed); the alert then clears when Teams reports them gone.
// Removal is not a ban: they can rejoin with the link and wait in the locked lobby.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../../domain/access/access-decision';
import type { Conference } from '../../../domain/conference/conference';
import type { LiveMeeting, RosterEntry } from '../../../domain/meeting/live-meeting';
import { alertCandidates, reconcileAlerts } from '../../../domain/meeting/meeting-alerts';
import { countRaised } from '../live/alert-telemetry';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import type { AppDeps } from '../../app-deps';
import { type CallControl, CallControlError, type CallParticipant } from '../../ports/call-control.port';
import { loadForChair, londonNow, refuse, saveLive } from './chair-context';
import { auditId } from '../live/live-deps';
import { alertAuditLines } from './change-stage.use-case';
import { removalInstructions, roleText } from './run-sheet';

export type RemovalAnswer =
  | { kind: 'removed'; live: LiveMeeting }
  | { kind: 'already-gone'; live: LiveMeeting }
  /** `reason`: why the product could not do it itself (no calling bot, no Entra id, Graph's code). */
  | { kind: 'instructions'; instructions: string; reason: string; live: LiveMeeting };

function whoOf(c: Conference, entry: RosterEntry): string {
  const invitee = entry.inviteeId ? c.invitees.find((i) => i.id === entry.inviteeId) : undefined;
  return invitee ? `the ${roleText(invitee.role, invitee.agency)}` : 'the person the product could not match (not on the invite list)';
}

/** Joins once per meeting: a second join would be a second bot in the call. */
async function callIdFor(deps: AppDeps, viewer: Viewer, calls: CallControl, c: Conference, live: LiveMeeting, fresh: boolean): Promise<string> {
  if (live.call && !fresh) return live.call.callId;
  const joinUrl = c.meeting?.joinUrl;
  const chatThreadId = c.meeting?.chatThreadId ?? live.chat?.conversationId;
  if (!joinUrl || !chatThreadId) throw new CallControlError('CALL.NOT_JOINED', `conference ${c.id} has no meeting to join`);
  const callId = await calls.joinMeeting({ joinUrl, chatThreadId, organizerId: c.organizerId, tenantId: live.chat?.tenantId ?? '' });
  await saveLive(deps, viewer, c.id, async (current) => ({
    next: { ...current, call: { callId, joinedAt: deps.clock.now().toISOString() } },
    audit: [{ action: 'meeting.call-joined', detail: { callId: auditId(callId) } }],
    result: null,
  }));
  return callId;
}

async function removeThroughCall(deps: AppDeps, viewer: Viewer, calls: CallControl, c: Conference, live: LiveMeeting, aadObjectId: string): Promise<{ callId: string; callParticipantId: string }> {
  let callId = await callIdFor(deps, viewer, calls, c, live, false);
  let people: CallParticipant[];
  try {
    people = await calls.listParticipants(callId);
  } catch (err) {
    // The call ended (the bot was dropped, the meeting restarted): join again, once.
    if (!(err instanceof CallControlError && err.code === 'CALL.NOT_JOINED')) throw err;
    callId = await callIdFor(deps, viewer, calls, c, live, true);
    people = await calls.listParticipants(callId);
  }
  const target = people.find((p) => p.aadObjectId?.toLowerCase() === aadObjectId.toLowerCase());
  if (!target) throw new CallControlError('CALL.PARTICIPANT_NOT_FOUND', 'the person is not among the call participants');
  await calls.removeParticipant(callId, target.id);
  return { callId, callParticipantId: target.id };
}

export async function removeParticipant(deps: AppDeps, actorId: string | undefined, conferenceId: string, participantId: string): Promise<RemovalAnswer> {
  const attempted = 'meeting.remove';
  const { viewer, conference: c, live } = await loadForChair(deps, actorId, conferenceId, attempted);
  if (live.stage === 'closed') await refuse(deps, viewer, c, attempted, 'MEETING.CLOSED');
  const entry = live.roster.find((r) => r.participantId === participantId);
  if (!entry) throw new MeetingError('MEETING.PARTICIPANT_NOT_FOUND', `participant ${participantId} is not on the roster`, { conferenceId, participantId });
  if (!entry.inMeeting) return { kind: 'already-gone', live };

  const instruct = async (reason: string): Promise<RemovalAnswer> => {
    await deps.audit.append({ actorId: viewer.id, actorRole: viewer.role, action: 'meeting.removal-instructed', conferenceId, detail: { participantId: auditId(participantId), inviteeId: entry.inviteeId ?? null, reason } });
    return { kind: 'instructions', instructions: removalInstructions(whoOf(c, entry)), reason, live: (await deps.live.get(conferenceId)) ?? live };
  };
  if (!deps.calls) return instruct('CALLS.NOT_ENABLED');
  // An anonymous joiner has no Entra id: the call's roster cannot be matched to them.
  if (!entry.aadObjectId) return instruct('CALL.NO_ENTRA_ID');
  let removed: { callId: string; callParticipantId: string };
  try {
    removed = await removeThroughCall(deps, viewer, deps.calls, c, live, entry.aadObjectId);
  } catch (err) {
    if (err instanceof CallControlError) return instruct(err.code);
    throw err;
  }
  const { live: saved, result: raised } = await saveLive(deps, viewer, conferenceId, async (current) => {
    const at = deps.clock.now().toISOString();
    // Out of the meeting now; lastEventAt kept, so Teams' own leave (and any later rejoin) still applies.
    const staged = { ...current, roster: current.roster.map((r) => (r.participantId === participantId ? { ...r, inMeeting: false } : r)) };
    const r = reconcileAlerts(staged.alerts, alertCandidates(c, staged, londonNow(deps)), { stage: staged.stage, at, newId: randomUUID, reasonForClear: 'removed' });
    return {
      next: { ...staged, alerts: r.alerts },
      audit: [
        { action: 'meeting.participant-removed', detail: { participantId: auditId(participantId), inviteeId: entry.inviteeId ?? null, callId: auditId(removed.callId), callParticipantId: auditId(removed.callParticipantId) } },
        ...alertAuditLines(r.raised, r.cleared),
      ],
      result: r.raised,
    };
  });
  countRaised(deps, raised, 'removal');
  return { kind: 'removed', live: saved };
}
