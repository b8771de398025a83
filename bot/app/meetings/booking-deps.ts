import { createHash } from 'node:crypto';
import type { Conference, Invitee, InviteeRole } from '../../domain/conference/conference';
import { FAMILY_SIDE_ROLES } from '../../domain/conference/conference';
import type { PolicyProfile, ProfileId } from '../../domain/policy/policy-profile';
import type { Alerts } from '../ports/alerts.port';
import type { AuditDetail, AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { ConferenceStore } from '../ports/conference-store.port';
import type { Mailer } from '../ports/mailer.port';
import type { Meetings } from '../ports/meetings.port';
import { KIND_LABEL } from '../invitations/family-invitation-email';

/** Everything the meeting and invitation use cases need: ports and settings only. */
export interface BookingDeps {
  store: ConferenceStore;
  meetings: Meetings;
  mailer: Mailer;
  alerts: Alerts;
  audit: AuditLog;
  clock: Clock;
  /** The deployment's profile (with its overrides) for a profile id. */
  profileFor: (id: ProfileId) => PolicyProfile;
  /** The mailbox family e-mails come from (the .ics ORGANIZER). */
  mailSender: { email: string; name: string };
}

export interface Actor {
  id: string;
  role: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

/** Stable error codes of the meeting and invitation use cases. */
export class BookingError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BookingError';
  }
}

export const isFamilySide = (role: InviteeRole): boolean => FAMILY_SIDE_ROLES.includes(role);

/**
 * Graph's transactionId for the event create: a UUID-shaped digest of conference id and booking
 * version, so a retried or resumed create always sends the same id and Graph returns the first event.
 */
export function meetingTransactionId(conferenceId: string, bookingVersion: number): string {
  const h = createHash('sha256').update(`cpc-event\u0000${conferenceId}\u0000${bookingVersion}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Event subject: case reference and kind — never a name. */
export function meetingSubject(c: Pick<Conference, 'caseReference' | 'kind'>): string {
  const label = KIND_LABEL[c.kind];
  return `${c.caseReference} ${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

const ATTENDEE_ORDER: Partial<Record<InviteeRole, number>> = { chair: 0, 'social-worker': 1 };

/** Event attendees in invitation order: chair and social worker first, then professionals. */
export function eventAttendees(c: Conference): Invitee[] {
  return c.invitees
    .filter((i) => !isFamilySide(i.role) && i.status !== 'removed')
    .map((i, index) => ({ i, index }))
    .sort((a, b) => (ATTENDEE_ORDER[a.i.role] ?? 2) - (ATTENDEE_ORDER[b.i.role] ?? 2) || a.index - b.index)
    .map(({ i }) => i);
}

/** A family member's own join time: their slot, else after the confidential section, else the start. */
export function familyJoinAt(c: Conference, i: Invitee): string {
  return i.joinAt ?? c.familySectionStart ?? c.start;
}

export async function audit(deps: BookingDeps, actor: Actor, action: string, conferenceId: string, detail: AuditDetail): Promise<void> {
  await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action, conferenceId, detail });
}

export async function loadConference(deps: BookingDeps, conferenceId: string): Promise<Conference> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  return c;
}
