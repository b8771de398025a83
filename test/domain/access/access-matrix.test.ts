// The whole access matrix, written out by hand: every action × role × relation to the
// conference. It is the specification; bot/domain/access/access-policy.ts must agree with it.
// Cell letters, for part of the conference / not part / removed from it:
//   A allowed · R refused for the role (403) · N not part of it (404, existence not revealed)
// Council actions (no conference) have one letter per role.
import { decide, type Viewer } from '../../../bot/domain/access/access-decision';
import { ACCESS_ACTIONS, ACCESS_POLICY, ACCESS_ROLES, type AccessAction, type AccessRole } from '../../../bot/domain/access/access-policy';
import { FAMILY_SIDE_ROLES } from '../../../bot/domain/conference/conference';
import { conferenceWith, HOME_ENTRY, OTHER_ENTRIES, ORGANISER_ID, viewerFor } from './access-fixtures';

type Cell = 'A' | 'R' | 'N';

const ROLES_IN_ORDER = ['clerk', 'chair', 'social-worker', 'team-manager', 'professional', 'family-member', 'safeguarding-manager', 'service-manager'] as const;

// Columns: clerk  chair  sw     tm     prof   family sgm    svm
const EXPECTED: Record<AccessAction, readonly string[]> = {
  'people.search':                    ['A',   'A',   'A',   'A',   'A',   'R',   'A',   'A'],
  'conference.create':                ['A',   'R',   'A',   'R',   'R',   'R',   'R',   'R'],
  'deadlines.list':                   ['A',   'A',   'A',   'A',   'R',   'R',   'A',   'A'],
  'booking.approve-late':             ['RNN', 'RNN', 'RNN', 'ANN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'repeat-plan.record-oversight':     ['RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'AAA'],
  'conference.read':                  ['ANN', 'ANN', 'ANN', 'ANN', 'ANN', 'ANN', 'AAA', 'AAA'],
  'invite-list.read':                 ['ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'board.read':                       ['ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'deadlines.read':                   ['ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'reports.read':                     ['ANN', 'ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN'],
  'audit.read':                       ['ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'conference.reschedule':            ['ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'conference.stand-down':            ['ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'stand-down.approve':               ['RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'AAA', 'RNN'],
  'rebooking.approve-past-last-date': ['RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'AAA'],
  'invite-list.edit':                 ['ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'invitations.send':                 ['ANN', 'RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'attendance.answer-own':            ['RNN', 'RNN', 'RNN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN'],
  'report.upload-own':                ['RNN', 'RNN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN'],
  'social-work-report.record-sharing': ['RNN', 'RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'run-sheet.read':                   ['ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'stage.move':                       ['RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'meeting.admit-or-eject':           ['RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'exclusion.decide':                 ['RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'decision.record':                  ['RNN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'follow-ups.book':                  ['ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'follow-ups.complete':              ['ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
  'core-group.read':                  ['ANN', 'ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'AAA', 'AAA'],
  'core-group.minute':                ['ANN', 'ANN', 'ANN', 'RNN', 'RNN', 'RNN', 'RNN', 'RNN'],
};

const RELATIONS = ['part', 'not part', 'removed'] as const;
type RelationName = (typeof RELATIONS)[number];

function conferenceFor(role: AccessRole, relation: RelationName) {
  const own = HOME_ENTRY[role].id;
  if (relation === 'not part') return conferenceWith({ without: [own] });
  if (relation === 'removed') return conferenceWith({ removed: [own] });
  return conferenceWith();
}

const CODE_OF: Record<Exclude<Cell, 'A'>, string> = { R: 'ACCESS.ROLE_NOT_ALLOWED', N: 'ACCESS.NOT_PART_OF_CONFERENCE' };

function outcome(viewer: Viewer, action: AccessAction, conference?: ReturnType<typeof conferenceWith>): Cell | string {
  const d = decide(viewer, action, conference);
  if (d.ok) return 'A';
  const letter = (Object.keys(CODE_OF) as (keyof typeof CODE_OF)[]).find((k) => CODE_OF[k] === d.code);
  return letter ?? d.code;
}

interface Case {
  action: AccessAction;
  role: AccessRole;
  relation: RelationName | 'council';
  expected: Cell;
}

const CASES: Case[] = Object.entries(EXPECTED).flatMap(([action, row]) =>
  row.flatMap((cell, col): Case[] => {
    const role = ROLES_IN_ORDER[col]!;
    if (cell.length === 1) return [{ action: action as AccessAction, role, relation: 'council', expected: cell as Cell }];
    return RELATIONS.map((relation, r) => ({ action: action as AccessAction, role, relation, expected: cell[r] as Cell }));
  }),
);

describe('the access matrix', () => {
  it('covers every action of the policy and every role, in the written order', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACCESS_ACTIONS].sort());
    expect([...ROLES_IN_ORDER]).toEqual([...ACCESS_ROLES]);
    for (const [action, row] of Object.entries(EXPECTED)) {
      expect(row).toHaveLength(ACCESS_ROLES.length);
      // one letter exactly for council actions, three for conference actions
      const width = ACCESS_POLICY[action as AccessAction].scope === 'council' ? 1 : 3;
      for (const cell of row) expect(cell).toMatch(new RegExp(`^[ARN]{${width}}$`));
    }
    expect(CASES.length).toBeGreaterThan(ACCESS_ACTIONS.length * ACCESS_ROLES.length);
  });

  it.each(CASES)('$action by $role ($relation): $expected', ({ action, role, relation, expected }) => {
    const conference = relation === 'council' ? undefined : conferenceFor(role, relation);
    expect(outcome(viewerFor(role), action, conference)).toBe(expected);
  });
});

describe('the relations behind the matrix', () => {
  it('a conference action without its conference is refused, never allowed', () => {
    for (const role of ACCESS_ROLES) {
      expect(decide(viewerFor(role), 'conference.read')).toEqual({ ok: false, code: 'ACCESS.CONFERENCE_REQUIRED' });
    }
  });

  it('the organiser is part of the conference without an entry, but has no own invitation to answer', () => {
    const organiser: Viewer = { id: ORGANISER_ID, role: 'clerk' };
    const conference = conferenceWith({ without: ['inv-clerk'] });
    expect(decide(organiser, 'invitations.send', conference)).toEqual({ ok: true });
    expect(decide({ ...organiser, role: 'professional' }, 'attendance.answer-own', conference)).toEqual({ ok: false, code: 'ACCESS.NOT_OWN_INVITATION' });
  });

  it('an own-invitation action aimed at someone else is refused', () => {
    const conference = conferenceWith();
    const police = viewerFor('professional');
    expect(decide(police, 'attendance.answer-own', conference, { inviteeId: 'inv-police' })).toEqual({ ok: true });
    expect(decide(police, 'attendance.answer-own', conference, { inviteeId: 'inv-school' })).toEqual({ ok: false, code: 'ACCESS.NOT_OWN_INVITATION' });
    expect(decide(police, 'report.upload-own', conference, { inviteeId: 'inv-gp' })).toEqual({ ok: false, code: 'ACCESS.NOT_OWN_INVITATION' });
  });

  it('a family link is bound to its own conference: the same invitee id elsewhere is not part of it', () => {
    const other = { ...conferenceWith(), id: 'conf-access-2' };
    expect(decide(viewerFor('family-member'), 'conference.read', other)).toEqual({ ok: false, code: 'ACCESS.NOT_PART_OF_CONFERENCE' });
  });

  it('a link is never the organiser, even with the organiser id as its subject', () => {
    const forged: Viewer = { id: ORGANISER_ID, role: 'clerk', invitation: { conferenceId: 'conf-access-1', inviteeId: 'inv-nobody' } };
    expect(decide(forged, 'conference.read', conferenceWith())).toEqual({ ok: false, code: 'ACCESS.NOT_PART_OF_CONFERENCE' });
  });

  it('a family-side, interpreter or observer entry makes anyone a family member, whatever role they claim', () => {
    const restricted = [...FAMILY_SIDE_ROLES, 'interpreter', 'observer'];
    const entries = OTHER_ENTRIES.filter((i) => restricted.includes(i.role) && i.status !== 'removed');
    expect(new Set(entries.map((i) => i.role))).toEqual(new Set(restricted));
    for (const entry of entries) {
      const claimsChair: Viewer = { id: `oid-${entry.id}`, role: 'chair', email: entry.email };
      expect(decide(claimsChair, 'conference.read', conferenceWith())).toEqual({ ok: true });
      for (const action of ['reports.read', 'invite-list.read', 'stage.move', 'board.read'] as const) {
        expect(decide(claimsChair, action, conferenceWith())).toEqual({ ok: false, code: 'ACCESS.ROLE_NOT_ALLOWED' });
      }
    }
  });

  it('a chair, social worker or clerk acts as one only on a conference whose entry says so', () => {
    const conference = conferenceWith();
    const asSchool = (role: 'chair' | 'social-worker' | 'clerk'): Viewer => ({ id: 'oid-inv-school', role, email: 'drew.teacher@example.org' });
    expect(decide(asSchool('chair'), 'conference.read', conference)).toEqual({ ok: true });
    expect(decide(asSchool('chair'), 'stage.move', conference)).toEqual({ ok: false, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    expect(decide(asSchool('chair'), 'decision.record', conference)).toEqual({ ok: false, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    expect(decide(asSchool('social-worker'), 'invitations.send', conference)).toEqual({ ok: false, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    expect(decide(asSchool('clerk'), 'invite-list.read', conference)).toEqual({ ok: false, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    // there, as the professional they are, they answer their own invitation
    expect(decide(asSchool('chair'), 'attendance.answer-own', conference)).toEqual({ ok: true });
  });

  it('a removed invitee is no longer part of it for any conference action', () => {
    const conference = conferenceWith();
    const former: Viewer = { id: 'oid-inv-left', role: 'professional', email: 'rowan.former@example.org' };
    for (const action of ACCESS_ACTIONS.filter((a) => ACCESS_POLICY[a].scope !== 'council')) {
      expect(decide(former, action, conference)).toEqual({ ok: false, code: 'ACCESS.NOT_PART_OF_CONFERENCE' });
    }
  });
});
