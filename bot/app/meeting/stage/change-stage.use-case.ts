// The chair moves the stage (card, run sheet page's card, API): only the chair of this conference
// (anyone else: MEETING.NOT_THE_CHAIR, audited as meeting.refused, nothing changes); the stage
// machine (transitionStage) says what is legal; a double press (ALREADY_IN_STAGE) is answered
// as a no-op. On a change: the alerts recomputed for the new stage (cleared 'stage-changed'), the
// change and each alert raised/cleared audited in the same transaction, the lobby bypass set where
// the profile asks, and the chair told who to admit now, who must wait and who must leave.
// Only a live meeting (Teams' first event made it) changes stage: before that MEETING.NOT_FOUND.
import { randomUUID } from 'node:crypto';
import type { LiveMeeting, StageCommand } from '../../../domain/meeting/live-meeting';
import { alertCandidates, reconcileAlerts } from '../../../domain/meeting/meeting-alerts';
import { countRaised } from '../live/alert-telemetry';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import { quorumAtStart } from '../../../domain/meeting/quorum-at-start';
import { stageContextOf, transitionStage } from '../../../domain/meeting/stage-machine';
import type { AppDeps } from '../../app-deps';
import { deliverAlerts } from '../live/deliver-alerts';
import { auditId } from '../live/live-deps';
import { type AuditLine, loadForChair, londonNow, refuse, saveLive } from './chair-context';
import { applyLobbyBypass, type LobbyOutcome } from './lobby-bypass';
import { type ChairNotified, notifyChair } from './notify-chair';
import { STAGE_LABEL } from './run-sheet';

export type StageAnswer =
  | { kind: 'changed'; live: LiveMeeting; notified: ChairNotified; lobby: LobbyOutcome | null }
  /** A double press: the meeting is already in that stage; nothing changed, nobody told again. */
  | { kind: 'unchanged'; live: LiveMeeting };

/** The first move out of pre-meeting is the start: where quorum is decided (proceed or stand down). */
const isStart = (live: LiveMeeting, to: string) => live.stage === 'pre-meeting' && (to === 'confidential' || to === 'family');

export const alertAuditLines = (raised: LiveMeeting['alerts'], cleared: LiveMeeting['alerts']): AuditLine[] => [
  ...raised.map((a) => ({
    action: 'meeting.alert-raised',
    detail: { alertId: a.id, kind: a.kind, stage: a.stage, participantId: auditId(a.participantId), inviteeId: a.inviteeId ?? null },
  })),
  ...cleared.map((a) => ({ action: 'meeting.alert-cleared', detail: { alertId: a.id, kind: a.kind, reason: a.clearedBecause ?? null } })),
];

export async function changeStage(
  deps: AppDeps,
  actorId: string | undefined,
  conferenceId: string,
  command: StageCommand,
  options: { quorumReason?: string } = {},
): Promise<StageAnswer> {
  const attempted = 'meeting.stage';
  const { viewer, conference: c } = await loadForChair(deps, actorId, conferenceId, attempted);
  const ctx = stageContextOf(c);
  const profile = deps.profileFor(c.profileId);
  const reason = options.quorumReason?.trim();

  const { live, result } = await saveLive(deps, viewer, conferenceId, async (current) => {
    const t = transitionStage(current, { type: 'command', command, byChair: true }, ctx);
    if (!t.ok) {
      if (t.code === 'MEETING.ALREADY_IN_STAGE') return { next: null, result: { from: current.stage, changed: false, raised: [] as string[] } };
      return refuse(deps, viewer, c, attempted, t.code, { command, stage: current.stage });
    }
    const at = deps.clock.now().toISOString();
    const to = t.state.stage;
    let quorum = current.quorum;
    const audit: AuditLine[] = [];
    if (isStart(current, to)) {
      const q = quorumAtStart(c, current, profile.quoracy);
      if (!q.quorate && !current.quorum?.proceeded) {
        // The chair's recorded reason, given with the command (the card's reason field) or before it (POST …/quorum).
        if (!reason) throw new MeetingError('MEETING.NOT_QUORATE_REASON_REQUIRED', `conference ${c.id} is not quorate: proceed with a reason or stand down`, { conferenceId: c.id, missing: q.missing });
        quorum = { checkedAt: at, quorate: false, proceeded: { by: viewer.id, at, reason } };
        audit.push({ action: 'meeting.quorum-proceeded', detail: { quorate: false, missing: q.missing, socialCare: q.socialCare } });
      } else {
        quorum = { ...current.quorum, checkedAt: at, quorate: q.quorate };
      }
    }
    const moved = t.effects.some((e) => e.type === 'stage-changed');
    const staged: LiveMeeting = {
      ...current,
      stage: to,
      ...(t.state.confidentialAdded !== undefined && { confidentialAdded: t.state.confidentialAdded }),
      ...(quorum && { quorum }),
      history: moved ? [...current.history, { from: current.stage, to, at, by: viewer.id }] : current.history,
    };
    const r = reconcileAlerts(staged.alerts, alertCandidates(c, staged, londonNow(deps)), { stage: to, at, newId: randomUUID, reasonForClear: 'stage-changed' });
    audit.push(
      moved
        ? { action: 'meeting.stage-changed', detail: { from: current.stage, to, command } }
        : { action: 'meeting.confidential-added', detail: { stage: to, command } },
      ...alertAuditLines(r.raised, r.cleared),
    );
    return { next: { ...staged, alerts: r.alerts }, audit, result: { from: current.stage, changed: true, raised: r.raised.map((a) => a.id) } };
  });
  if (!result.changed) return { kind: 'unchanged', live };
  // Someone present who must not be in the new part: alerted like any other (deliver-alerts.ts, repeated until acknowledged).
  if (result.raised && result.raised.length > 0) {
    const raised = new Set(result.raised);
    countRaised(deps, live.alerts.filter((a) => raised.has(a.id)), 'stage-change');
    await deliverAlerts(deps, conferenceId, result.raised).catch(() => []);
  }

  const lobby = await applyLobbyBypass(deps, c, profile, result.from, live.stage, viewer);
  const notified = await notifyChair(deps, c, live, `Now: ${STAGE_LABEL[live.stage]}.`);
  return { kind: 'changed', live, notified, lobby };
}
