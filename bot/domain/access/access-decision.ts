// The one access rule: decide(viewer, action, conference?) → allowed, or a coded refusal. Pure;
// the app's guard (bot/app/access/authorise.ts) audits refusals and throws.
import type { Conference, Invitee } from '../conference/conference';
import { ACCESS_POLICY, ACCESS_ROLE_OF_INVITEE, type AccessAction, type AccessRole, type AccessRule } from './access-policy';

export const ACCESS_REFUSAL_CODES = [
  /** Not an invitee, chair, social worker, clerk or organiser of it (or removed from it). The edges
   *  answer as for a conference that does not exist, so that its existence is not revealed. */
  'ACCESS.NOT_PART_OF_CONFERENCE',
  /** Part of it (or council-wide), but the role may not do this. */
  'ACCESS.ROLE_NOT_ALLOWED',
  /** An own-invitation action aimed at someone else's invitation, or by someone with none. */
  'ACCESS.NOT_OWN_INVITATION',
  /** A conference action asked without its conference (a caller's defect; refused, never allowed). */
  'ACCESS.CONFERENCE_REQUIRED',
] as const;

export type AccessRefusalCode = (typeof ACCESS_REFUSAL_CODES)[number];

export type AccessDecision = { ok: true } | { ok: false; code: AccessRefusalCode };

/** Who is asking, as authentication established it. Never carries a name. */
export interface Viewer {
  /** Entra object id, or a link's subject for someone outside the directory. */
  id: string;
  /** The council-wide role (directory / app role), or 'family-member' for a family link. */
  role: AccessRole;
  /** The signed-in address, matched case-insensitively against invitees' e-mails. */
  email?: string;
  /** A signed link is bound to one invitee of one conference. */
  invitation?: { conferenceId: string; inviteeId: string };
}

/** Who the viewer is on this conference. */
export type Relation =
  | { kind: 'part'; invitee?: Invitee; organiser: boolean }
  | { kind: 'removed' }
  | { kind: 'none' };

function isViewersEntry(viewer: Viewer, conference: Conference, invitee: Invitee): boolean {
  if (viewer.invitation) {
    return viewer.invitation.conferenceId === conference.id && viewer.invitation.inviteeId === invitee.id;
  }
  return viewer.email !== undefined && viewer.email.length > 0 && invitee.email.toLowerCase() === viewer.email.toLowerCase();
}

export function relationTo(viewer: Viewer, conference: Conference): Relation {
  const entries = conference.invitees.filter((i) => isViewersEntry(viewer, conference, i));
  const current = entries.find((i) => i.status !== 'removed');
  // A link is never the organiser: only a directory identity can hold the calendar.
  const organiser = !viewer.invitation && viewer.id === conference.organizerId;
  if (current || organiser) return { kind: 'part', invitee: current, organiser };
  return entries.length > 0 ? { kind: 'removed' } : { kind: 'none' };
}

/** Roles held on one conference at a time: someone is the chair, social worker or clerk of *this* one. */
const CONFERENCE_BOUND_ROLES: readonly AccessRole[] = ['chair', 'social-worker', 'clerk'];

/**
 * The role that counts on this conference:
 * - a family-side entry (or interpreter, observer) makes the viewer a family member, whatever else
 *   they claim;
 * - a chair, social worker or clerk acts as one only where their entry says so (a chair invited to
 *   someone else's conference as a professional is a professional there); the organiser without
 *   an entry keeps their role (they hold the meeting in their calendar);
 * - otherwise the council-wide role (team manager, professional, managers).
 */
export function effectiveRole(viewer: Viewer, relation: Relation): AccessRole {
  if (relation.kind !== 'part') return viewer.role;
  const entryRole = relation.invitee ? ACCESS_ROLE_OF_INVITEE[relation.invitee.role] : undefined;
  if (entryRole === 'family-member') return 'family-member';
  if (CONFERENCE_BOUND_ROLES.includes(viewer.role) && entryRole !== undefined && entryRole !== viewer.role) return entryRole;
  return viewer.role;
}

const refuse = (code: AccessRefusalCode): AccessDecision => ({ ok: false, code });
const ALLOWED: AccessDecision = { ok: true };

/**
 * `subject` names the invitation an own-invitation action is about (an answer for invitee X);
 * without it the viewer's own entry is meant.
 */
export function decide(viewer: Viewer, action: AccessAction, conference?: Conference, subject?: { inviteeId: string }): AccessDecision {
  const rule: AccessRule = ACCESS_POLICY[action];
  if (rule.scope === 'council') return rule.roles.includes(viewer.role) ? ALLOWED : refuse('ACCESS.ROLE_NOT_ALLOWED');
  if (!conference) return refuse('ACCESS.CONFERENCE_REQUIRED');
  const relation = relationTo(viewer, conference);
  const role = effectiveRole(viewer, relation);
  if (relation.kind !== 'part') {
    const councilWide = rule.scope === 'conference' && (rule.councilWide ?? []).includes(viewer.role);
    if (!councilWide) return refuse('ACCESS.NOT_PART_OF_CONFERENCE');
  }
  if (!rule.roles.includes(role)) return refuse('ACCESS.ROLE_NOT_ALLOWED');
  if (rule.scope === 'own-invitation') {
    const own = relation.kind === 'part' ? relation.invitee : undefined;
    if (!own || (subject && subject.inviteeId !== own.id)) return refuse('ACCESS.NOT_OWN_INVITATION');
  }
  return ALLOWED;
}
