// The invite list's rules for one invitee, as a table: each bad input names its field and code.
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import { inviteListWarnings } from '../../../bot/domain/invite-list/invite-list-warnings';
import { childIsInvited, type InviteeDraft, inviteeFromDraft, validateInvitee } from '../../../bot/domain/invite-list/invitee-rules';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const england = resolveProfile('england');
const leicestershire = resolveProfile('leicestershire');

const existing: Invitee[] = [
  { id: 'i-sw', role: 'social-worker', displayName: 'Jordan Pike', email: 'jordan.pike@sandbox.example', status: 'invited', directoryId: '5eed0000-0000-4000-8000-000000000005' },
  { id: 'i-mum', role: 'parent', displayName: 'Parent One', email: 'parent.one@example.org', phone: '07700 900001', status: 'pending' },
  { id: 'i-gone', role: 'professional', agency: 'police', displayName: 'Removed Officer', email: 'removed@example.org', status: 'removed' },
];
const conference: Pick<Conference, 'invitees' | 'start' | 'end'> = { invitees: existing, start: '2026-06-01T10:00', end: '2026-06-01T12:00' };

const gp: InviteeDraft = { role: 'professional', agency: 'health', displayName: 'Frankie Dale', email: 'frankie.dale@sandbox.example' };
const dad: InviteeDraft = { role: 'parent', displayName: 'Parent Two', email: 'parent.two@example.org', phone: '+44 7700 900002' };

const cases: [string, InviteeDraft, string, string][] = [
  ['no name', { ...gp, displayName: '  ' }, 'displayName', 'INVITE_LIST.FIELD_REQUIRED'],
  ['an e-mail that is not one', { ...gp, email: 'frankie at surgery' }, 'email', 'INVITE_LIST.EMAIL_INVALID'],
  ['an e-mail without a dotted domain', { ...gp, email: 'frankie@surgery' }, 'email', 'INVITE_LIST.EMAIL_INVALID'],
  ['no e-mail', { ...gp, email: '' }, 'email', 'INVITE_LIST.FIELD_REQUIRED'],
  ['a professional without an agency', { ...gp, agency: undefined }, 'agency', 'INVITE_LIST.FIELD_REQUIRED'],
  ['an unknown agency', { ...gp, agency: 'the-pub' }, 'agency', 'INVITE_LIST.AGENCY_INVALID'],
  ['a family member without a phone', { ...dad, phone: undefined }, 'phone', 'INVITE_LIST.FIELD_REQUIRED'],
  ['a phone that is not one', { ...dad, phone: 'call me' }, 'phone', 'INVITE_LIST.PHONE_INVALID'],
  ['a family member given a professional role', { ...gp, audience: 'family' }, 'role', 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE'],
  ['a family member with an agency', { ...dad, agency: 'health' }, 'agency', 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE'],
  ['a family role said to be professional', { ...dad, audience: 'professional' }, 'role', 'INVITE_LIST.AUDIENCE_MISMATCH'],
  ['a family member picked from the directory', { ...dad, directoryId: '5eed0000-0000-4000-8000-000000000011' }, 'directoryId', 'INVITE_LIST.FAMILY_FROM_DIRECTORY'],
  ['the same e-mail as someone on the list (any case)', { ...gp, email: 'JORDAN.PIKE@sandbox.example' }, 'email', 'INVITE_LIST.DUPLICATE_INVITEE'],
  ['the same directory id', { ...gp, directoryId: '5EED0000-0000-4000-8000-000000000005' }, 'directoryId', 'INVITE_LIST.DUPLICATE_INVITEE'],
  ['an interpreter said to be family', { role: 'interpreter', audience: 'family', displayName: 'Int', email: 'int@example.org' }, 'role', 'INVITE_LIST.INTERPRETER_IS_FAMILY'],
  ['an interpreter who is the parent on the list', { role: 'interpreter', displayName: 'Int', email: 'parent.one@example.org' }, 'email', 'INVITE_LIST.DUPLICATE_INVITEE'],
  ['an interpreter with a family phone', { role: 'interpreter', displayName: 'Int', email: 'int@example.org', phone: '07700900001' }, 'email', 'INVITE_LIST.INTERPRETER_IS_FAMILY'],
  ['a child without an age band', { role: 'child', displayName: 'Child', email: 'child@example.org' }, 'ageBand', 'INVITE_LIST.FIELD_REQUIRED'],
  ['a child over 5 without the advocate offer', { role: 'child', ageBand: '5-to-12', displayName: 'Child', email: '' }, 'advocateOffered', 'INVITE_LIST.ADVOCATE_OFFER_REQUIRED'],
  ['an age band on an adult', { ...dad, ageBand: 'over-12' }, 'ageBand', 'INVITE_LIST.AGE_BAND_ONLY_FOR_CHILD'],
  ['a not-invited decision without a reason', { role: 'child', ageBand: 'over-12', advocateOffered: { at: '2026-05-01T09:00:00Z', accepted: false }, notInvitedDecision: { decidedBy: 'chair', reason: ' ', at: '2026-05-01T09:00:00Z' }, displayName: 'Child', email: '' }, 'notInvitedDecision', 'INVITE_LIST.NOT_INVITED_DECISION_INVALID'],
  ['a police check without a reason', { ...dad, policeCheck: { reason: '' } }, 'policeCheck.reason', 'INVITE_LIST.POLICE_CHECK_REASON_REQUIRED'],
  ['an exclusion outside the conference', { ...dad, exclusions: [{ from: '2026-06-01T09:00', to: '2026-06-01T10:30', grounds: 'chair decided' }] }, 'exclusions.0', 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE'],
  ['an exclusion that ends before it starts', { ...dad, exclusions: [{ from: '2026-06-01T11:00', to: '2026-06-01T10:30', grounds: 'chair decided' }] }, 'exclusions.0', 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE'],
  ['an exclusion without grounds', { ...dad, exclusions: [{ from: '2026-06-01T10:00', to: '2026-06-01T10:30', grounds: '' }] }, 'exclusions.0.grounds', 'INVITE_LIST.FIELD_REQUIRED'],
  ['a slot past the end', { ...dad, slot: { from: '2026-06-01T11:30', to: '2026-06-01T12:30' } }, 'slot', 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE'],
  ['a slot for a professional', { ...gp, slot: { from: '2026-06-01T11:00', to: '2026-06-01T11:30' } }, 'slot', 'INVITE_LIST.SLOT_ONLY_FOR_FAMILY'],
];

describe('validateInvitee', () => {
  it.each(cases)('refuses %s', (_name, draft, field, code) => {
    const errors = validateInvitee(conference, draft, england);
    expect(errors).toContainEqual({ field, code, message: expect.any(String) });
    // A message never repeats the value entered.
    for (const e of errors) expect(e.message).not.toContain(draft.email || '@@none@@');
  });

  it.each<[string, InviteeDraft]>([
    ['a GP with an agency', gp],
    ['a parent with e-mail and phone', dad],
    ['someone with the e-mail of a removed invitee', { ...gp, email: 'removed@example.org' }],
    ['a child over 12 with the advocate offer', { role: 'child', ageBand: 'over-12', advocateOffered: { at: '2026-05-01T09:00:00Z', accepted: true }, displayName: 'Child', email: 'child@example.org' }],
    ['a child under 5 (listed, not invited: no contact needed)', { role: 'child', ageBand: 'under-5', displayName: 'Child', email: '' }],
    ['a police check with its reason (Leicestershire, T8)', { ...dad, policeCheck: { reason: 'Adult in the household; check for previous convictions' } }],
    ['a split-attendance slot within the times', { ...dad, slot: { from: '2026-06-01T11:00', to: '2026-06-01T12:00' } }],
    ['an independent interpreter', { role: 'interpreter', displayName: 'Interpreter', email: 'lang@interpreting.example', interpreter: { language: 'Polish', arrangement: 'By phone' } }],
  ])('accepts %s', (_name, draft) => {
    expect(validateInvitee(conference, draft, leicestershire)).toEqual([]);
  });

  it('an edited invitee does not duplicate itself', () => {
    expect(validateInvitee(conference, { role: 'parent', displayName: 'Parent One', email: 'parent.one@example.org', phone: '07700 900001' }, england, 'i-mum')).toEqual([]);
  });
});

describe('the child', () => {
  it('over-12s are invited unless a decision is recorded; younger children are listed only', () => {
    expect(childIsInvited({ role: 'child', ageBand: 'over-12' })).toBe(true);
    expect(childIsInvited({ role: 'child', ageBand: 'over-12', notInvitedDecision: { decidedBy: 'c', reason: 'r', at: 'a' } })).toBe(false);
    expect(childIsInvited({ role: 'child', ageBand: '5-to-12' })).toBe(false);
    expect(inviteeFromDraft('c1', { role: 'child', ageBand: 'under-5', displayName: 'C', email: '' }, 'pending').status).toBe('removed');
    expect(inviteeFromDraft('c2', { role: 'child', ageBand: 'over-12', displayName: 'C', email: 'c@example.org' }, 'pending').status).toBe('pending');
  });
});

describe('inviteListWarnings (002)', () => {
  it('warns when health or police has nobody on the list; a removed officer does not count', () => {
    expect(inviteListWarnings({ invitees: existing }).map((w) => w.code)).toEqual(['INVITE_LIST.HEALTH_MISSING', 'INVITE_LIST.POLICE_MISSING']);
    const withBoth = [...existing, inviteeFromDraft('g', gp, 'pending'), inviteeFromDraft('p', { ...gp, agency: 'police', email: 'pc@example.org' }, 'pending')];
    expect(inviteListWarnings({ invitees: withBoth })).toEqual([]);
  });
});
