// The stage machine as a table: EVERY (stage, event) pair for each kind of meeting, the illegal
// ones included, asserting the resulting stage or the exact refusal code.
import type { Conference } from '../../../bot/domain/conference/conference';
import { MEETING_STAGES, type MeetingStage, STAGE_COMMANDS, type StageCommand } from '../../../bot/domain/meeting/live-meeting';
import { legalCommands, type StageContext, type StageState, stageContextOf, transitionStage } from '../../../bot/domain/meeting/stage-machine';

// Expected answers: a stage name (moved there), '+conf' (confidential section added, same stage),
// or a refusal code abbreviation.
type Cell = MeetingStage | '+conf' | 'NA' | 'AI' | 'CL' | 'LA';
const CODE = { NA: 'MEETING.STAGE_NOT_ALLOWED', AI: 'MEETING.ALREADY_IN_STAGE', CL: 'MEETING.CLOSED', LA: 'MEETING.LOOKED_AFTER_PART_DUE' } as const;

// Columns in STAGE_COMMANDS order: open-confidential, open-family, open-decision, open-looked-after, close, add-confidential-section.
type Row = [Cell, Cell, Cell, Cell, Cell, Cell];
const CLOSED: Row = ['CL', 'CL', 'CL', 'CL', 'CL', 'CL'];

interface Variant { name: string; ctx: StageContext; confidentialAdded?: boolean; table: Record<MeetingStage, Row> }

const VARIANTS: Variant[] = [
  {
    name: 'ICPC with a confidential section',
    ctx: { kind: 'ICPC', dualProcess: false, hasConfidentialSection: true },
    table: {
      'pre-meeting': ['confidential', 'NA', 'NA', 'NA', 'NA', 'NA'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
  {
    name: 'ICPC without a confidential section',
    ctx: { kind: 'ICPC', dualProcess: false, hasConfidentialSection: false },
    table: {
      'pre-meeting': ['NA', 'family', 'NA', 'NA', 'NA', 'NA'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
  {
    name: 'ICPC flagged dual process (dual is RCPC only: ignored)',
    ctx: { kind: 'ICPC', dualProcess: true, hasConfidentialSection: true },
    table: {
      'pre-meeting': ['confidential', 'NA', 'NA', 'NA', 'NA', 'NA'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
  {
    name: 'CORE_GROUP without a confidential section added',
    ctx: { kind: 'CORE_GROUP', dualProcess: false, hasConfidentialSection: false },
    confidentialAdded: false,
    table: {
      'pre-meeting': ['NA', 'family', 'NA', 'NA', 'NA', '+conf'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
  {
    // A core group booked with confidential minutes still has none until the chair adds one.
    name: 'CORE_GROUP booked with confidential minutes, none added',
    ctx: { kind: 'CORE_GROUP', dualProcess: false, hasConfidentialSection: true },
    table: {
      'pre-meeting': ['NA', 'family', 'NA', 'NA', 'NA', '+conf'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
  {
    name: 'CORE_GROUP with the confidential section added',
    ctx: { kind: 'CORE_GROUP', dualProcess: false, hasConfidentialSection: false },
    confidentialAdded: true,
    table: {
      'pre-meeting': ['confidential', 'NA', 'NA', 'NA', 'NA', 'AI'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'AI'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'AI'],
      decision: ['NA', 'NA', 'AI', 'NA', 'closed', 'AI'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'AI'],
      closed: CLOSED,
    },
  },
  {
    name: 'dual-process RCPC',
    ctx: { kind: 'RCPC', dualProcess: true, hasConfidentialSection: true },
    table: {
      'pre-meeting': ['confidential', 'NA', 'NA', 'NA', 'NA', 'NA'],
      confidential: ['AI', 'family', 'NA', 'NA', 'NA', 'NA'],
      family: ['NA', 'AI', 'decision', 'NA', 'NA', 'NA'],
      decision: ['NA', 'NA', 'AI', 'looked-after', 'LA', 'NA'],
      'looked-after': ['NA', 'NA', 'NA', 'AI', 'closed', 'NA'],
      closed: CLOSED,
    },
  },
];

const stateOf = (v: Variant, stage: MeetingStage): StageState => (v.confidentialAdded === undefined ? { stage } : { stage, confidentialAdded: v.confidentialAdded });

describe.each(VARIANTS)('stage machine: $name', (v) => {
  const pairs = MEETING_STAGES.flatMap((stage) => STAGE_COMMANDS.map((command, col) => [stage, command, v.table[stage][col]] as [MeetingStage, StageCommand, Cell]));

  it.each(pairs)('chair: %s + %s → %s', (stage, command, cell) => {
    const state = stateOf(v, stage);
    const r = transitionStage(state, { type: 'command', command, byChair: true }, v.ctx);
    if (cell === 'NA' || cell === 'AI' || cell === 'CL' || cell === 'LA') {
      expect(r).toEqual({ ok: false, code: CODE[cell] });
    } else if (cell === '+conf') {
      expect(r).toEqual({ ok: true, state: { stage, confidentialAdded: true }, effects: [{ type: 'confidential-added' }] });
    } else {
      expect(r).toEqual({ ok: true, state: { ...state, stage: cell }, effects: [{ type: 'stage-changed', from: stage, to: cell }] });
    }
  });

  it.each(pairs)('not the chair: %s + %s → MEETING.NOT_THE_CHAIR', (stage, command) => {
    expect(transitionStage(stateOf(v, stage), { type: 'command', command, byChair: false }, v.ctx)).toEqual({ ok: false, code: 'MEETING.NOT_THE_CHAIR' });
  });

  it.each(MEETING_STAGES)('meeting-started in %s: no stage change', (stage) => {
    const state = stateOf(v, stage);
    expect(transitionStage(state, { type: 'meeting-started' }, v.ctx)).toEqual({ ok: true, state, effects: [] });
  });

  it.each(MEETING_STAGES)('meeting-ended in %s: closed (a redelivered end changes nothing)', (stage) => {
    const state = stateOf(v, stage);
    const r = transitionStage(state, { type: 'meeting-ended' }, v.ctx);
    if (stage === 'closed') expect(r).toEqual({ ok: true, state, effects: [] });
    else expect(r).toEqual({ ok: true, state: { ...state, stage: 'closed' }, effects: [{ type: 'stage-changed', from: stage, to: 'closed' }] });
  });

  it.each(MEETING_STAGES)('legalCommands in %s are exactly the table\'s legal cells', (stage) => {
    const expected = STAGE_COMMANDS.filter((_c, col) => !['NA', 'AI', 'CL', 'LA'].includes(v.table[stage][col]!));
    expect(legalCommands(stateOf(v, stage), v.ctx)).toEqual(expected);
  });
});

describe('stage machine walks', () => {
  const walk = (ctx: StageContext, commands: StageCommand[]): MeetingStage[] => {
    let state: StageState = { stage: 'pre-meeting' };
    const seen: MeetingStage[] = [];
    for (const command of commands) {
      const r = transitionStage(state, { type: 'command', command, byChair: true }, ctx);
      if (!r.ok) throw new Error(r.code);
      state = r.state;
      seen.push(state.stage);
    }
    return seen;
  };

  it('ICPC: pre-meeting → confidential → family → decision → closed', () => {
    expect(walk({ kind: 'ICPC', dualProcess: false, hasConfidentialSection: true }, ['open-confidential', 'open-family', 'open-decision', 'close'])).toEqual(['confidential', 'family', 'decision', 'closed']);
  });

  it('core group: the chair adds a confidential section, then it must be held first', () => {
    const ctx: StageContext = { kind: 'CORE_GROUP', dualProcess: false, hasConfidentialSection: false };
    expect(walk(ctx, ['add-confidential-section', 'open-confidential', 'open-family', 'open-decision', 'close'])).toEqual(['pre-meeting', 'confidential', 'family', 'decision', 'closed']);
    const added = transitionStage({ stage: 'pre-meeting' }, { type: 'command', command: 'add-confidential-section', byChair: true }, ctx);
    expect(added.ok && transitionStage(added.state, { type: 'command', command: 'open-family', byChair: true }, ctx)).toEqual({ ok: false, code: 'MEETING.STAGE_NOT_ALLOWED' });
  });

  it('dual process: the looked-after part comes after the decision and before closing', () => {
    expect(walk({ kind: 'RCPC', dualProcess: true, hasConfidentialSection: true }, ['open-confidential', 'open-family', 'open-decision', 'open-looked-after', 'close'])).toEqual(['confidential', 'family', 'decision', 'looked-after', 'closed']);
  });
});

describe('stageContextOf', () => {
  const base: Conference = {
    id: 'c1', caseReference: 'CP-1', kind: 'ICPC', profileId: 'england', start: '2026-06-01T10:00', end: '2026-06-01T12:00',
    organizerId: 'org', status: 'booked', bookingVersion: 1, invitees: [], version: 1,
  };
  const booking = (confidentialMinutes: number) => ({ chairId: 'ch', socialWorkerId: 'sw', requestedBy: 'x', durationMinutes: 120, confidentialMinutes });

  it.each<[string, Partial<Conference>, StageContext]>([
    ['booked with confidential minutes', { booking: booking(30) }, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: true }],
    ['booked with none', { booking: booking(0) }, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: false }],
    ['a family section start after the start', { familySectionStart: '2026-06-01T10:30' }, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: true }],
    ['a family section start at the start', { familySectionStart: '2026-06-01T10:00' }, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: false }],
    ['no booking details, no family section start', {}, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: false }],
    ['dual process on an RCPC', { kind: 'RCPC', dualProcess: true }, { kind: 'RCPC', dualProcess: true, hasConfidentialSection: false }],
    ['dual process on an ICPC is ignored', { dualProcess: true }, { kind: 'ICPC', dualProcess: false, hasConfidentialSection: false }],
    ['core group', { kind: 'CORE_GROUP' }, { kind: 'CORE_GROUP', dualProcess: false, hasConfidentialSection: false }],
  ])('%s', (_name, patch, expected) => {
    expect(stageContextOf({ ...base, ...patch })).toEqual(expected);
  });
});
