// Who is on the calendar event and in which order, and when each family member joins.
import type { Conference, Invitee, InviteeRole } from './conference';
import { FAMILY_SIDE_ROLES } from './conference';

export const isFamilySide = (role: InviteeRole): boolean => FAMILY_SIDE_ROLES.includes(role);

const ATTENDEE_ORDER: Partial<Record<InviteeRole, number>> = { chair: 0, 'social-worker': 1 };

/**
 * Event attendees in invitation order: chair and social worker first, then the other
 * professionals in the order they were added. Family members are never event attendees (each
 * gets their own e-mail), nor is anyone removed.
 */
export function eventAttendees(c: Pick<Conference, 'invitees'>): Invitee[] {
  return c.invitees
    .filter((i) => !isFamilySide(i.role) && i.status !== 'removed')
    .map((i, index) => ({ i, index }))
    .sort((a, b) => (ATTENDEE_ORDER[a.i.role] ?? 2) - (ATTENDEE_ORDER[b.i.role] ?? 2) || a.index - b.index)
    .map(({ i }) => i);
}

/** A family member's own join time: their slot, else after the confidential section, else the start. */
export function familyJoinAt(c: Pick<Conference, 'start' | 'familySectionStart'>, i: Pick<Invitee, 'joinAt'>): string {
  return i.joinAt ?? c.familySectionStart ?? c.start;
}
