// Who may be in the meeting now (DOMAIN-RULES §3): the confidential section and the pre-meeting
// briefing are professionals only; an excluded person stays out of their window; a family member
// with a split-attendance slot attends only in it; an advocate is not present for a part withheld
// from the child; only the looked-after review's people stay for the second part of a dual
// process (001). Pure: the London wall-clock `now` is given. Windows are [from, to).
import type { LocalDateTime } from '../calendar/iso-date';
import { type Conference, FAMILY_SIDE_ROLES, type Invitee, type InviteeRole } from '../conference/conference';
import type { AlertKind, MeetingStage } from './live-meeting';

export type Presence = { allowed: true } | { allowed: false; kind: AlertKind };

/** The people of a looked-after review (001): everyone else leaves after the child-protection decision. */
export const LOOKED_AFTER_ROLES: readonly InviteeRole[] = ['chair', 'child', 'social-worker', 'foster-carer', 'parent', 'clerk'];

const ALLOWED: Presence = { allowed: true };
const refuse = (kind: AlertKind): Presence => ({ allowed: false, kind });

/** LocalDateTime strings ('YYYY-MM-DDTHH:mm') order as text. */
export function inWindow(now: LocalDateTime, w: { from: LocalDateTime; to: LocalDateTime }): boolean {
  return w.from <= now && now < w.to;
}

/** Some child on the list is excluded now: the part is withheld from the child. */
export function withheldFromChild(c: Pick<Conference, 'invitees'>, now: LocalDateTime): boolean {
  return c.invitees.some((i) => i.role === 'child' && i.status !== 'removed' && (i.exclusions ?? []).some((w) => inWindow(now, w)));
}

export function presenceOf(c: Conference, invitee: Invitee, stage: MeetingStage, now: LocalDateTime): Presence {
  // A removed invitee is nobody the meeting expects.
  if (invitee.status === 'removed') return refuse('unknown-joiner');
  if (stage === 'closed') return ALLOWED;
  if ((invitee.exclusions ?? []).some((w) => inWindow(now, w))) return refuse('excluded-in-window');
  const familySide = FAMILY_SIDE_ROLES.includes(invitee.role);
  switch (stage) {
    // The briefing (T24) and the confidential section are professionals only (003).
    case 'pre-meeting':
    case 'confidential':
      return familySide ? refuse('family-in-confidential') : ALLOWED;
    case 'looked-after':
      return LOOKED_AFTER_ROLES.includes(invitee.role) ? ALLOWED : refuse('not-in-looked-after-part');
    case 'family':
      if (invitee.slot && !inWindow(now, invitee.slot)) return refuse('outside-own-slot');
      return advocateCheck(c, invitee, now);
    case 'decision':
      return advocateCheck(c, invitee, now);
  }
}

function advocateCheck(c: Conference, invitee: Invitee, now: LocalDateTime): Presence {
  return invitee.role === 'advocate' && withheldFromChild(c, now) ? refuse('advocate-in-withheld-part') : ALLOWED;
}
