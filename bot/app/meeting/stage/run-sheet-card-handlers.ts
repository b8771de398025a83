// The run sheet's buttons: each the same use case as its API route, answering with the run sheet
// again (what happened, or the refusal, in its notice). The chair check comes first: anyone else
// gets the invoke table's refusal and never sees the chair's card.
import type { AdaptiveCardJson } from '../../../cards/adaptive-card';
import { CodedError } from '../../../domain/shared/coded-error';
import type { AppDeps } from '../../app-deps';
import type { CardActionHandlers, CardOutcome } from '../../ports/card-action.port';
import { changeStage } from './change-stage.use-case';
import { loadForChair } from './chair-context';
import { matchParticipant } from './match-participant.use-case';
import { proceedWithoutQuorum } from './proceed-without-quorum.use-case';
import { removeParticipant } from './remove-participant.use-case';
import { COMMAND_LABEL, STAGE_LABEL } from './run-sheet';
import { runSheetCard } from './run-sheet-card';

/** Refusals shown on the card itself, in words (the chair is known by then). */
const REFUSAL_TEXT: Record<string, string> = {
  'MEETING.STAGE_NOT_ALLOWED': 'That stage cannot be opened from here.',
  'MEETING.CLOSED': 'The meeting has closed: nothing more changes.',
  'MEETING.LOOKED_AFTER_PART_DUE': 'This is a dual-process review: open the looked-after part before closing.',
  'MEETING.NOT_QUORATE_REASON_REQUIRED': 'Not quorate: give the reason to proceed (it is recorded), or ask to stand the conference down.',
  'MEETING.PARTICIPANT_NOT_FOUND': 'That participant is not in the meeting any more.',
  'MEETING.INVITEE_NOT_FOUND': 'Choose who they are from the invite list.',
  'STORE.VERSION_CONFLICT': 'The meeting changed at the same moment: press again.',
  'GRAPH.UNAVAILABLE': 'Teams could not be reached: try again.',
  'GRAPH.THROTTLED': 'Teams is busy: try again in a moment.',
};

type Tone = 'Good' | 'Attention' | 'Default';

async function answer(deps: AppDeps, actorId: string, conferenceId: string, action: () => Promise<[string, Tone]>): Promise<CardOutcome> {
  await loadForChair(deps, actorId, conferenceId, 'meeting.run-sheet');
  let notice: [string, Tone];
  try {
    notice = await action();
  } catch (err) {
    const text = err instanceof CodedError ? REFUSAL_TEXT[err.code] : undefined;
    if (!text) throw err;
    notice = [text, 'Attention'];
  }
  const { conference, live } = await loadForChair(deps, actorId, conferenceId, 'meeting.run-sheet');
  const card: AdaptiveCardJson = await runSheetCard(deps, conference, live, notice[0], notice[1]);
  return { kind: 'card', card };
}

export function runSheetCardHandlers(
  deps: AppDeps,
): Pick<CardActionHandlers, 'meeting.stage' | 'meeting.proceed' | 'meeting.match' | 'meeting.remove' | 'meeting.run-sheet-refresh'> {
  return {
    'meeting.stage': (r) =>
      answer(deps, r.actorId, r.data.conferenceId, async () => {
        const a = await changeStage(deps, r.actorId, r.data.conferenceId, r.data.command, r.data.quorumReason ? { quorumReason: r.data.quorumReason } : {});
        if (a.kind === 'unchanged') return [`Already: ${STAGE_LABEL[a.live.stage]}.`, 'Default'];
        const lobby = a.lobby && 'failed' in a.lobby ? ' The lobby setting could not be changed: check it in Teams.' : '';
        return [`${COMMAND_LABEL[r.data.command]}: done. Now: ${STAGE_LABEL[a.live.stage]}.${lobby}`, 'Good'];
      }),
    'meeting.proceed': (r) =>
      answer(deps, r.actorId, r.data.conferenceId, async () => {
        const a = await proceedWithoutQuorum(deps, r.actorId, r.data.conferenceId, r.data.quorumReason ?? '');
        return a.kind === 'quorate' ? ['The conference is quorate: no reason is needed.', 'Good'] : ['Proceeding without quorum: your reason is recorded.', 'Good'];
      }),
    'meeting.match': (r) =>
      answer(deps, r.actorId, r.data.conferenceId, async () => {
        if (!r.data.matchParticipantId || !r.data.matchInviteeId) return ['Choose the participant and who they are.', 'Attention'];
        await matchParticipant(deps, r.actorId, r.data.conferenceId, r.data.matchParticipantId, r.data.matchInviteeId);
        return ['Matched.', 'Good'];
      }),
    'meeting.remove': (r) =>
      answer(deps, r.actorId, r.data.conferenceId, async () => {
        const participantId = r.data.participantId ?? r.data.matchParticipantId;
        if (!participantId) return ['Choose the participant to remove.', 'Attention'];
        const a = await removeParticipant(deps, r.actorId, r.data.conferenceId, participantId);
        if (a.kind === 'removed') return ['Removed from the meeting. If they rejoin they wait in the lobby.', 'Good'];
        if (a.kind === 'already-gone') return ['They have already left the meeting.', 'Default'];
        return [a.instructions, 'Attention'];
      }),
    'meeting.run-sheet-refresh': (r) => answer(deps, r.actorId, r.data.conferenceId, async () => ['', 'Default']),
  };
}
