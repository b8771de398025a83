// The meeting's stage machine (issue 9; DOMAIN-RULES §3 confidential section, dual process 001;
// §7 core groups). Pure: the chair's commands and Teams' start/end events in, the next stage or a
// coded refusal out. docs/meeting/stages-and-presence.md has the table.
import type { Conference } from '../conference/conference';
import type { ConferenceKind } from '../conference/conference-kind';
import { type LiveMeeting, type MeetingStage, STAGE_COMMANDS, type StageCommand, type StageEvent } from './live-meeting';
import type { MeetingErrorCode } from './meeting-errors';

export type StageState = Pick<LiveMeeting, 'stage' | 'confidentialAdded'>;
export interface StageContext { kind: ConferenceKind; dualProcess: boolean; hasConfidentialSection: boolean }
export type StageEffect = { type: 'stage-changed'; from: MeetingStage; to: MeetingStage } | { type: 'confidential-added' };
export type StageTransition = { ok: true; state: StageState; effects: StageEffect[] } | { ok: false; code: MeetingErrorCode };

const TARGET: Record<Exclude<StageCommand, 'add-confidential-section'>, MeetingStage> = {
  'open-confidential': 'confidential',
  'open-family': 'family',
  'open-decision': 'decision',
  'open-looked-after': 'looked-after',
  close: 'closed',
};

/** Dual process is a review combined with a looked-after review (001): RCPC only. */
function isDual(ctx: StageContext): boolean {
  return ctx.dualProcess && ctx.kind === 'RCPC';
}

/** Core groups have a confidential section only when the chair adds one; conferences when booked with one. */
export function hasConfidential(state: StageState, ctx: StageContext): boolean {
  return ctx.kind === 'CORE_GROUP' ? state.confidentialAdded === true : ctx.hasConfidentialSection;
}

export function stageContextOf(c: Conference): StageContext {
  const minutes = c.booking?.confidentialMinutes ?? 0;
  const familyLater = c.familySectionStart !== undefined && c.familySectionStart > c.start;
  return { kind: c.kind, dualProcess: c.dualProcess === true && c.kind === 'RCPC', hasConfidentialSection: minutes > 0 || familyLater };
}

const refuse = (code: MeetingErrorCode): StageTransition => ({ ok: false, code });

function move(state: StageState, to: MeetingStage): StageTransition {
  return { ok: true, state: { ...state, stage: to }, effects: [{ type: 'stage-changed', from: state.stage, to }] };
}

/**
 * The stages a command may leave from. Opening the family part from the confidential section and
 * closing the looked-after part are always possible (a booking changed mid-meeting never strands
 * the chair); straight from the pre-meeting to the family only without a confidential section.
 */
function legalFrom(command: Exclude<StageCommand, 'add-confidential-section'>, state: StageState, ctx: StageContext): readonly MeetingStage[] {
  switch (command) {
    case 'open-confidential': return hasConfidential(state, ctx) ? ['pre-meeting'] : [];
    case 'open-family': return hasConfidential(state, ctx) ? ['confidential'] : ['pre-meeting', 'confidential'];
    case 'open-decision': return ['family'];
    case 'open-looked-after': return isDual(ctx) ? ['decision'] : [];
    case 'close': return isDual(ctx) ? ['looked-after'] : ['decision', 'looked-after'];
  }
}

export function transitionStage(state: StageState, event: StageEvent, ctx: StageContext): StageTransition {
  if (event.type === 'meeting-started') return { ok: true, state, effects: [] };
  if (event.type === 'meeting-ended') return state.stage === 'closed' ? { ok: true, state, effects: [] } : move(state, 'closed');
  if (!event.byChair) return refuse('MEETING.NOT_THE_CHAIR');
  if (state.stage === 'closed') return refuse('MEETING.CLOSED');
  const command = event.command;
  if (command === 'add-confidential-section') {
    if (ctx.kind !== 'CORE_GROUP') return refuse('MEETING.STAGE_NOT_ALLOWED');
    if (state.confidentialAdded === true) return refuse('MEETING.ALREADY_IN_STAGE');
    if (state.stage !== 'pre-meeting') return refuse('MEETING.STAGE_NOT_ALLOWED');
    return { ok: true, state: { ...state, confidentialAdded: true }, effects: [{ type: 'confidential-added' }] };
  }
  const to = TARGET[command];
  if (to === state.stage) return refuse('MEETING.ALREADY_IN_STAGE');
  if (command === 'close' && isDual(ctx) && state.stage === 'decision') return refuse('MEETING.LOOKED_AFTER_PART_DUE');
  return legalFrom(command, state, ctx).includes(state.stage) ? move(state, to) : refuse('MEETING.STAGE_NOT_ALLOWED');
}

/** The chair's buttons: every command the machine would accept now. */
export function legalCommands(state: StageState, ctx: StageContext): StageCommand[] {
  return STAGE_COMMANDS.filter((command) => transitionStage(state, { type: 'command', command, byChair: true }, ctx).ok);
}
