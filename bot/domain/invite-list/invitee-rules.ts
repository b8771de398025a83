// The invite list's rules for one invitee (DOMAIN-RULES §3): who counts as professional or family,
// what each needs (agency, a real e-mail, a phone), and what may never be (a family member given a
// professional role, an interpreter from the family, the same person twice, windows outside the
// conference). Field errors name the field so a card can show them beside it; nothing here reads a
// clock or logs. List-level warnings (health or police missing, 002) are invite-list-warnings.ts.
import type { LocalDateTime } from '../calendar/iso-date';
import { isAgency } from '../conference/agency';
import { type ChildAgeBand, type Conference, FAMILY_SIDE_ROLES, type Invitee, type InviteeRole } from '../conference/conference';
import type { PolicyProfile } from '../policy/policy-profile';

export type Audience = 'professional' | 'family';

export const INVITEE_ROLES: readonly InviteeRole[] = [
  'chair', 'social-worker', 'clerk', 'team-manager', 'professional',
  'parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative',
  'interpreter', 'observer', 'foster-carer',
];

export const CHILD_AGE_BANDS: readonly ChildAgeBand[] = ['under-5', '5-to-12', 'over-12'];

/** Family-side roles are the family's audience (invited individually, never in the confidential section). */
export function audienceOf(role: InviteeRole): Audience {
  return FAMILY_SIDE_ROLES.includes(role) ? 'family' : 'professional';
}

export type InviteeRuleCode =
  | 'INVITE_LIST.FIELD_REQUIRED'
  | 'INVITE_LIST.EMAIL_INVALID'
  | 'INVITE_LIST.PHONE_INVALID'
  | 'INVITE_LIST.AGENCY_INVALID'
  | 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE'
  | 'INVITE_LIST.AUDIENCE_MISMATCH'
  | 'INVITE_LIST.FAMILY_FROM_DIRECTORY'
  | 'INVITE_LIST.INTERPRETER_IS_FAMILY'
  | 'INVITE_LIST.DUPLICATE_INVITEE'
  | 'INVITE_LIST.AGE_BAND_ONLY_FOR_CHILD'
  | 'INVITE_LIST.ADVOCATE_OFFER_REQUIRED'
  | 'INVITE_LIST.NOT_INVITED_DECISION_INVALID'
  | 'INVITE_LIST.POLICE_CHECK_REASON_REQUIRED'
  | 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE'
  | 'INVITE_LIST.SLOT_ONLY_FOR_FAMILY';

export interface FieldError {
  /** The input's field (e.g. 'email', 'slot.from', 'exclusions.0.to'). */
  field: string;
  code: InviteeRuleCode;
  /** For the person entering it: names no one and never repeats the value. */
  message: string;
}

/** What the clerk enters for one invitee (card or API), before the list gives it an id and status. */
export interface InviteeDraft {
  role: InviteeRole;
  /** When given, it must agree with the role (a family member is never given a professional role). */
  audience?: Audience;
  agency?: string;
  displayName: string;
  email: string;
  phone?: string;
  directoryId?: string;
  interpreter?: { language: string; arrangement: string };
  ageBand?: ChildAgeBand;
  notInvitedDecision?: { decidedBy: string; reason: string; at: string };
  advocateOffered?: { at: string; accepted: boolean };
  exclusions?: { from: LocalDateTime; to: LocalDateTime; grounds: string }[];
  slot?: { from: LocalDateTime; to: LocalDateTime };
  policeCheck?: { reason: string; requestedAt?: string; requestedBy?: string };
}

// A real address: one @, a dotted domain with a letter TLD, no spaces or angle brackets.
const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
const PHONE_RE = /^\+?[0-9 ()-]{7,20}$/;
const LOCAL_DT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_RE.test(value) && !value.includes('..');
}

export function isPhone(value: string): boolean {
  return PHONE_RE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7;
}

/**
 * Whether a child entry is invited: over-12s are, unless a recorded decision says otherwise (001);
 * younger children are listed (age band, advocate offer) but not invited by this product.
 */
export function childIsInvited(d: Pick<InviteeDraft, 'role' | 'ageBand' | 'notInvitedDecision'>): boolean {
  if (d.role !== 'child') return true;
  return d.ageBand === 'over-12' && d.notInvitedDecision === undefined;
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim().length === 0;

/** The other invitees this one must not duplicate: everyone still on the list except itself. */
function others(c: Pick<Conference, 'invitees'>, exceptId: string | undefined): Invitee[] {
  return c.invitees.filter((i) => i.id !== exceptId && i.status !== 'removed');
}

function windowErrors(c: Pick<Conference, 'start' | 'end'>, field: string, w: { from: string; to: string }): FieldError[] {
  if (!LOCAL_DT_RE.test(w.from) || !LOCAL_DT_RE.test(w.to) || !(w.from < w.to)) {
    return [{ field, code: 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE', message: 'The window must start before it ends (date and time, YYYY-MM-DDTHH:mm).' }];
  }
  if (w.from < c.start || w.to > c.end) {
    return [{ field, code: 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE', message: "The window must lie within the conference's start and end times." }];
  }
  return [];
}

/**
 * Every field error of `draft` on conference `c` (empty = valid). `exceptId`: the invitee being
 * edited (it does not duplicate itself).
 */
export function validateInvitee(
  c: Pick<Conference, 'invitees' | 'start' | 'end'>,
  draft: InviteeDraft,
  profile: Pick<PolicyProfile, 'timescales'>,
  exceptId?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: InviteeRuleCode, message: string) => errors.push({ field, code, message });
  const audience = audienceOf(draft.role);
  const invited = childIsInvited(draft);

  if (blank(draft.displayName)) add('displayName', 'INVITE_LIST.FIELD_REQUIRED', 'Enter the name.');

  // The audience given must be the role's: a family member is never given a professional role.
  if (draft.audience !== undefined && draft.audience !== audience) {
    if (draft.audience === 'family') add('role', 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE', 'A family member cannot be given a professional role. Choose parent, child, family member, advocate, supporter, legal representative or foster carer.');
    else add('role', 'INVITE_LIST.AUDIENCE_MISMATCH', 'This role is on the family side; the professional audience does not fit it.');
  }
  if (draft.role === 'interpreter' && draft.audience === 'family') {
    add('role', 'INVITE_LIST.INTERPRETER_IS_FAMILY', 'An interpreter can never be a family member (000). Book an independent interpreter.');
  }

  // Contact details.
  if (blank(draft.email)) {
    if (invited) add('email', 'INVITE_LIST.FIELD_REQUIRED', 'Enter an e-mail address.');
  } else if (!isEmail(draft.email.trim())) {
    add('email', 'INVITE_LIST.EMAIL_INVALID', 'This is not an e-mail address (for example name@council.gov.uk).');
  }
  if (!blank(draft.phone)) {
    if (!isPhone(draft.phone!.trim())) add('phone', 'INVITE_LIST.PHONE_INVALID', 'This is not a phone number (digits, spaces, +, brackets; at least 7 digits).');
  } else if (audience === 'family' && invited && draft.role !== 'child') {
    add('phone', 'INVITE_LIST.FIELD_REQUIRED', 'Enter a phone number: family members are invited by e-mail and phone.');
  }

  // Agency: required for agency professionals, and always one of the known agencies.
  if (draft.agency !== undefined && draft.agency !== '' && !isAgency(draft.agency)) {
    add('agency', 'INVITE_LIST.AGENCY_INVALID', 'Choose the agency from the list.');
  } else if (draft.role === 'professional' && blank(draft.agency)) {
    add('agency', 'INVITE_LIST.FIELD_REQUIRED', "Choose the professional's agency.");
  }
  if (audience === 'family' && !blank(draft.agency)) {
    add('agency', 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE', 'A family member has no agency.');
  }
  if (audience === 'family' && !blank(draft.directoryId)) {
    add('directoryId', 'INVITE_LIST.FAMILY_FROM_DIRECTORY', 'Family members are entered by name, e-mail and phone, never picked from the directory.');
  }

  // Duplicates: the same e-mail (any case) or the same directory id as someone still on the list.
  const rest = others(c, exceptId);
  const email = draft.email.trim().toLowerCase();
  if (email !== '' && rest.some((i) => i.email.trim().toLowerCase() === email)) {
    add('email', 'INVITE_LIST.DUPLICATE_INVITEE', 'Someone with this e-mail address is already on the invite list.');
  }
  if (!blank(draft.directoryId) && rest.some((i) => i.directoryId !== undefined && i.directoryId.toLowerCase() === draft.directoryId!.toLowerCase())) {
    add('directoryId', 'INVITE_LIST.DUPLICATE_INVITEE', 'This person is already on the invite list.');
  }
  // An interpreter who is also on the family side of the list is a family member interpreting.
  if (draft.role === 'interpreter' && email !== '') {
    const familyHit = rest.some((i) => audienceOf(i.role) === 'family' && i.email.trim().toLowerCase() === email);
    const phone = draft.phone?.replace(/\D/g, '');
    const phoneHit = phone !== undefined && phone.length > 0 && rest.some((i) => audienceOf(i.role) === 'family' && i.phone?.replace(/\D/g, '') === phone);
    if (familyHit || phoneHit) add('email', 'INVITE_LIST.INTERPRETER_IS_FAMILY', 'An interpreter can never be a family member (000).');
  }

  // The child: age band, the advocate offer for over-5s (001), a decision not to invite an over-12.
  if (draft.role === 'child') {
    if (draft.ageBand === undefined) add('ageBand', 'INVITE_LIST.FIELD_REQUIRED', "Choose the child's age band.");
    if ((draft.ageBand === '5-to-12' || draft.ageBand === 'over-12') && draft.advocateOffered === undefined) {
      add('advocateOffered', 'INVITE_LIST.ADVOCATE_OFFER_REQUIRED', 'Children over 5 are told of their right to an advocate: record whether it was offered and accepted.');
    }
    if (draft.notInvitedDecision !== undefined) {
      const d = draft.notInvitedDecision;
      if (draft.ageBand !== 'over-12') add('notInvitedDecision', 'INVITE_LIST.NOT_INVITED_DECISION_INVALID', 'A decision not to invite is recorded only for a child over 12 (younger children are not invited).');
      else if (blank(d.reason) || blank(d.decidedBy)) add('notInvitedDecision', 'INVITE_LIST.NOT_INVITED_DECISION_INVALID', 'Record who decided (the chair with the social worker) and why.');
    }
  } else {
    if (draft.ageBand !== undefined) add('ageBand', 'INVITE_LIST.AGE_BAND_ONLY_FOR_CHILD', 'An age band is recorded only for the child.');
    if (draft.notInvitedDecision !== undefined) add('notInvitedDecision', 'INVITE_LIST.NOT_INVITED_DECISION_INVALID', 'A decision not to invite is recorded only for the child.');
  }

  // Police checks: a brief reason per person, or the police will not run the check (003).
  if (draft.policeCheck !== undefined && blank(draft.policeCheck.reason)) {
    const where = profile.timescales.T8 !== null ? ' by 16:00 on the T8 day' : '';
    add('policeCheck.reason', 'INVITE_LIST.POLICE_CHECK_REASON_REQUIRED', `Give a brief reason for the police check: without it the police will not run it${where}.`);
  }

  if (draft.interpreter !== undefined && blank(draft.interpreter.language)) {
    add('interpreter.language', 'INVITE_LIST.FIELD_REQUIRED', 'Enter the language the interpreter is needed for.');
  }

  // Windows within the conference's times.
  for (const [n, w] of (draft.exclusions ?? []).entries()) {
    errors.push(...windowErrors(c, `exclusions.${n}`, w));
    if (blank(w.grounds)) add(`exclusions.${n}.grounds`, 'INVITE_LIST.FIELD_REQUIRED', 'Record the grounds for the exclusion (the chair decides; 001).');
  }
  if (draft.slot !== undefined) {
    if (audience !== 'family') add('slot', 'INVITE_LIST.SLOT_ONLY_FOR_FAMILY', 'Split attendance slots are for family members (001).');
    else errors.push(...windowErrors(c, 'slot', draft.slot));
  }
  return errors;
}

/** The invitee the list stores for a valid draft: trimmed, derived audience dropped, status set. */
export function inviteeFromDraft(id: string, draft: InviteeDraft, status: Invitee['status']): Invitee {
  const invitee: Invitee = {
    id,
    role: draft.role,
    displayName: draft.displayName.trim(),
    email: draft.email.trim(),
    // A child who is not invited is listed as 'removed': never an attendee, never e-mailed.
    status: childIsInvited(draft) ? status : 'removed',
  };
  if (!blank(draft.agency)) invitee.agency = draft.agency;
  else if (audienceOf(draft.role) === 'professional' && ['chair', 'social-worker', 'clerk', 'team-manager'].includes(draft.role)) invitee.agency = 'childrens-social-care';
  if (!blank(draft.phone)) invitee.phone = draft.phone!.trim();
  if (!blank(draft.directoryId)) invitee.directoryId = draft.directoryId;
  if (draft.interpreter) invitee.interpreter = { language: draft.interpreter.language.trim(), arrangement: draft.interpreter.arrangement.trim() };
  if (draft.ageBand) invitee.ageBand = draft.ageBand;
  if (draft.notInvitedDecision) invitee.notInvitedDecision = { ...draft.notInvitedDecision };
  if (draft.advocateOffered) invitee.advocateOffered = { ...draft.advocateOffered };
  if (draft.exclusions && draft.exclusions.length > 0) invitee.exclusions = draft.exclusions.map((e) => ({ ...e }));
  if (draft.slot) invitee.slot = { ...draft.slot };
  if (draft.policeCheck) invitee.policeCheck = { ...draft.policeCheck, reason: draft.policeCheck.reason.trim() };
  return invitee;
}

/** An invitee as a draft again (to apply an edit and validate the result). */
export function draftOf(i: Invitee): InviteeDraft {
  const { id: _id, status: _s, invitedAt: _ia, notice: _n, mail: _m, attendance: _a, report: _r, joinAt: _j, attendanceRequest: _ar, ...rest } = i;
  return { ...rest } as InviteeDraft;
}
