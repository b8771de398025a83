// Who may be in the meeting now, as tables: every role in every stage, then the exclusion
// windows, split-attendance slots, the advocate during a part withheld from the child, and the
// looked-after part of a dual process.
import type { InviteeRole } from '../../../bot/domain/conference/conference';
import { type AlertKind, MEETING_STAGES, type MeetingStage } from '../../../bot/domain/meeting/live-meeting';
import { presenceOf } from '../../../bot/domain/meeting/presence-rules';
import { conference, invitee, ROLES } from './meeting-fixtures';

const NOW = '2026-06-01T10:45';
type Cell = 'ok' | 'FC' | 'LA';
const KIND: Record<Exclude<Cell, 'ok'>, AlertKind> = { FC: 'family-in-confidential', LA: 'not-in-looked-after-part' };

// Columns in MEETING_STAGES order: pre-meeting, confidential, family, decision, looked-after, closed.
const TABLE: Record<InviteeRole, [Cell, Cell, Cell, Cell, Cell, Cell]> = {
  chair: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'social-worker': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  clerk: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'team-manager': ['ok', 'ok', 'ok', 'ok', 'LA', 'ok'],
  professional: ['ok', 'ok', 'ok', 'ok', 'LA', 'ok'],
  parent: ['FC', 'FC', 'ok', 'ok', 'ok', 'ok'],
  child: ['FC', 'FC', 'ok', 'ok', 'ok', 'ok'],
  'family-other': ['FC', 'FC', 'ok', 'ok', 'LA', 'ok'],
  advocate: ['FC', 'FC', 'ok', 'ok', 'LA', 'ok'],
  supporter: ['FC', 'FC', 'ok', 'ok', 'LA', 'ok'],
  'legal-representative': ['FC', 'FC', 'ok', 'ok', 'LA', 'ok'],
  interpreter: ['ok', 'ok', 'ok', 'ok', 'LA', 'ok'],
  observer: ['ok', 'ok', 'ok', 'ok', 'LA', 'ok'],
  'foster-carer': ['FC', 'FC', 'ok', 'ok', 'ok', 'ok'],
};

describe('presenceOf: role × stage', () => {
  const pairs = ROLES.flatMap((role) => MEETING_STAGES.map((stage, col) => [role, stage, TABLE[role][col]] as [InviteeRole, MeetingStage, Cell]));
  it('the table covers every role', () => expect(Object.keys(TABLE).sort()).toEqual([...ROLES].sort()));

  it.each(pairs)('%s in %s → %s', (role, stage, cell) => {
    const i = invitee('p1', role);
    const c = conference([i]);
    expect(presenceOf(c, i, stage, NOW)).toEqual(cell === 'ok' ? { allowed: true } : { allowed: false, kind: KIND[cell] });
  });

  it.each(pairs)('removed %s in %s is treated as unknown', (role, stage) => {
    const i = invitee('p1', role, { status: 'removed' });
    expect(presenceOf(conference([i]), i, stage, NOW)).toEqual({ allowed: false, kind: 'unknown-joiner' });
  });
});

describe('presenceOf: exclusion windows [from, to)', () => {
  const excluded = invitee('dad', 'parent', { exclusions: [{ from: '2026-06-01T10:40', to: '2026-06-01T11:00', grounds: 'g' }] });
  const c = conference([excluded]);
  it.each<[string, MeetingStage, string, AlertKind | null]>([
    ['before the window', 'family', '2026-06-01T10:39', null],
    ['at its start', 'family', '2026-06-01T10:40', 'excluded-in-window'],
    ['inside it', 'family', '2026-06-01T10:59', 'excluded-in-window'],
    ['at its end (the window is over)', 'family', '2026-06-01T11:00', null],
    ['in the decision stage inside it', 'decision', '2026-06-01T10:50', 'excluded-in-window'],
    ['in the looked-after part inside it', 'looked-after', '2026-06-01T10:50', 'excluded-in-window'],
    ['in the confidential section inside it (the window wins)', 'confidential', '2026-06-01T10:50', 'excluded-in-window'],
    ['in the confidential section outside it', 'confidential', '2026-06-01T10:30', 'family-in-confidential'],
    ['once closed', 'closed', '2026-06-01T10:50', null],
  ])('%s', (_name, stage, now, kind) => {
    expect(presenceOf(c, excluded, stage, now)).toEqual(kind ? { allowed: false, kind } : { allowed: true });
  });

  it('a professional can be excluded too', () => {
    const pro = invitee('pc', 'professional', { agency: 'police', exclusions: [{ from: '2026-06-01T10:00', to: '2026-06-01T10:30', grounds: 'g' }] });
    expect(presenceOf(conference([pro]), pro, 'confidential', '2026-06-01T10:10')).toEqual({ allowed: false, kind: 'excluded-in-window' });
    expect(presenceOf(conference([pro]), pro, 'confidential', '2026-06-01T10:30')).toEqual({ allowed: true });
  });
});

describe('presenceOf: split-attendance slots (001)', () => {
  const first = invitee('f1', 'parent', { slot: { from: '2026-06-01T10:30', to: '2026-06-01T11:00' } });
  const second = invitee('f2', 'parent', { slot: { from: '2026-06-01T11:00', to: '2026-06-01T11:30' } });
  const c = conference([first, second]);
  it.each<[string, string, MeetingStage, AlertKind | null]>([
    ['f1', '2026-06-01T10:45', 'family', null],
    ['f2', '2026-06-01T10:45', 'family', 'outside-own-slot'],
    ['f1', '2026-06-01T11:00', 'family', 'outside-own-slot'],
    ['f2', '2026-06-01T11:00', 'family', null],
    ['f2', '2026-06-01T11:30', 'family', 'outside-own-slot'],
    // Slots divide the family section; the decision and the looked-after part follow their own rules.
    ['f2', '2026-06-01T10:45', 'decision', null],
    ['f2', '2026-06-01T10:45', 'looked-after', null],
    ['f2', '2026-06-01T10:45', 'confidential', 'family-in-confidential'],
  ])('%s at %s in %s', (id, now, stage, kind) => {
    const i = id === 'f1' ? first : second;
    expect(presenceOf(c, i, stage, now)).toEqual(kind ? { allowed: false, kind } : { allowed: true });
  });
});

describe('presenceOf: the advocate and a part withheld from the child (001)', () => {
  const window = { from: '2026-06-01T10:40', to: '2026-06-01T11:00', grounds: 'g' };
  const advocate = invitee('adv', 'advocate');
  it.each<[string, MeetingStage, string, boolean, AlertKind | null]>([
    ['child excluded now, family stage', 'family', '2026-06-01T10:45', false, 'advocate-in-withheld-part'],
    ['child excluded now, decision stage', 'decision', '2026-06-01T10:45', false, 'advocate-in-withheld-part'],
    ['child excluded later', 'family', '2026-06-01T10:35', false, null],
    ['child excluded window over', 'family', '2026-06-01T11:00', false, null],
    ['the excluded child was removed from the list', 'family', '2026-06-01T10:45', true, null],
    ['confidential section: family-side rule first', 'confidential', '2026-06-01T10:45', false, 'family-in-confidential'],
  ])('%s', (_name, stage, now, childRemoved, kind) => {
    const child = invitee('ch', 'child', { exclusions: [window], ...(childRemoved && { status: 'removed' as const }) });
    expect(presenceOf(conference([child, advocate]), advocate, stage, now)).toEqual(kind ? { allowed: false, kind } : { allowed: true });
  });

  it('only the advocate: a parent or a professional is not affected by the child\'s window', () => {
    const child = invitee('ch', 'child', { exclusions: [window] });
    const parent = invitee('mum', 'parent');
    const pro = invitee('gp', 'professional', { agency: 'health' });
    const c = conference([child, parent, pro, advocate]);
    expect(presenceOf(c, parent, 'family', '2026-06-01T10:45')).toEqual({ allowed: true });
    expect(presenceOf(c, pro, 'family', '2026-06-01T10:45')).toEqual({ allowed: true });
    expect(presenceOf(c, child, 'family', '2026-06-01T10:45')).toEqual({ allowed: false, kind: 'excluded-in-window' });
  });
});
