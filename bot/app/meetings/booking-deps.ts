import { createHash } from 'node:crypto';
import type { Conference } from '../../domain/conference/conference';
import type { PolicyProfile, ProfileId } from '../../domain/policy/policy-profile';
import { KIND_LABEL } from '../invitations/family-invitation-email';
import type { Alerts } from '../ports/alerts.port';
import type { AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { ConferenceLease } from '../ports/conference-lease.port';
import type { ConferenceStore } from '../ports/conference-store.port';
import type { JobQueue } from '../ports/job-queue.port';
import type { LinkSigner } from '../ports/link-signer.port';
import type { Mailer } from '../ports/mailer.port';
import type { Meetings } from '../ports/meetings.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';

/** Everything the meeting and invitation use cases need: ports and settings only. */
export interface BookingDeps {
  store: ConferenceStore;
  /** One transaction per step: the conference, its audit entries and its alerts together. */
  uow: UnitOfWork;
  /** One run per conference at a time. */
  lease: ConferenceLease;
  meetings: Meetings;
  mailer: Mailer;
  alerts: Alerts;
  audit: AuditLog;
  clock: Clock;
  /**
   * With it, booking and every change of the booking enqueue the conference's reminders in the
   * same step (bot/app/reminders). AppDeps always has it; booking tests may leave it out.
   */
  jobs?: JobQueue;
  /** The deployment's profile (with its overrides) for a profile id. */
  profileFor: (id: ProfileId) => PolicyProfile;
  /** The mailbox family e-mails come from (the .ics ORGANIZER). */
  mailSender: { email: string; name: string };
  /**
   * With both, each family e-mail carries the member's own link to the family's page
   * (/tab/family, bot/app/family/family-link.ts). AppDeps always has them; booking tests may not.
   */
  links?: LinkSigner;
  publicBaseUrl?: string;
  /**
   * How long a run's lease lasts without renewal (each step renews it). Longer than the slowest
   * Graph call with its retries; a crashed run blocks the conference this long. Default 5 minutes.
   */
  leaseTtlMs?: number;
}

export interface Actor {
  id: string;
  role: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

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
export { BookingError, type BookingErrorCode } from './booking-errors';
