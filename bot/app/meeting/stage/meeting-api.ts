// The API's view of the live meeting and its controls: GET returns the run sheet to the chair and
// the clerk (names included), a neutral view (stage only) to anyone else part of the conference.
import { decide } from '../../../domain/access/access-decision';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import type { StageCommand } from '../../../domain/meeting/live-meeting';
import { requireViewer } from '../../access/viewer-of';
import type { AppDeps } from '../../app-deps';
import { loadFor } from '../../booking/booking-context';
import { changeStage } from './change-stage.use-case';
import { isChairOf, londonNow } from './chair-context';
import { matchParticipant } from './match-participant.use-case';
import { proceedWithoutQuorum } from './proceed-without-quorum.use-case';
import { removeParticipant } from './remove-participant.use-case';
import { runSheetOf, STAGE_LABEL } from './run-sheet';

export const meetingApi = {
  async read(deps: AppDeps, actorId: string, conferenceId: string) {
    const viewer = await requireViewer(deps, actorId, 'meeting.read');
    const c = await loadFor(deps, viewer, conferenceId, 'conference.read');
    const live = await deps.live.get(conferenceId);
    if (!live) throw new MeetingError('MEETING.NOT_FOUND', `conference ${conferenceId} has no live meeting yet`, { conferenceId });
    const base = { conferenceId, stage: live.stage, stageLabel: STAGE_LABEL[live.stage], stageSince: live.history.at(-1)?.at ?? live.startedAt ?? null };
    const full = isChairOf(c, viewer.id) || decide(viewer, 'run-sheet.read', c).ok;
    if (!full) return { ...base, view: 'neutral' as const };
    const runSheet = runSheetOf(c, live, deps.profileFor(c.profileId), londonNow(deps), { withNames: true, callingBot: deps.calls !== undefined });
    // Only the chair moves the stage: the clerk's view has no buttons.
    return { ...base, view: 'run-sheet' as const, runSheet: isChairOf(c, viewer.id) ? runSheet : { ...runSheet, commands: [] } };
  },
  async stage(deps: AppDeps, actorId: string, conferenceId: string, command: StageCommand, quorumReason?: string) {
    const a = await changeStage(deps, actorId, conferenceId, command, quorumReason ? { quorumReason } : {});
    return a.kind === 'unchanged'
      ? { outcome: 'unchanged' as const, stage: a.live.stage }
      : { outcome: 'changed' as const, stage: a.live.stage, notified: a.notified, lobby: a.lobby };
  },
  async quorum(deps: AppDeps, actorId: string, conferenceId: string, reason: string) {
    const a = await proceedWithoutQuorum(deps, actorId, conferenceId, reason);
    const c = (await deps.store.get(conferenceId))!;
    const sheet = runSheetOf(c, a.live, deps.profileFor(c.profileId), londonNow(deps), { withNames: false, callingBot: false });
    return { outcome: a.kind, quorum: sheet.quorum };
  },
  async match(deps: AppDeps, actorId: string, conferenceId: string, participantId: string, inviteeId: string) {
    const live = await matchParticipant(deps, actorId, conferenceId, participantId, inviteeId);
    return { participantId, inviteeId, openAlerts: live.alerts.filter((a) => !a.clearedAt).length };
  },
  async remove(deps: AppDeps, actorId: string, conferenceId: string, participantId: string) {
    const a = await removeParticipant(deps, actorId, conferenceId, participantId);
    return a.kind === 'instructions' ? { outcome: a.kind, instructions: a.instructions, reason: a.reason } : { outcome: a.kind };
  },
};
