import type { IsoDate, LocalDateTime } from '../calendar/iso-date';
import type { ProfileId } from '../policy/policy-profile';
import type { ConferenceKind } from './conference-kind';

export type InviteeRole =
  | 'chair' | 'social-worker' | 'clerk' | 'team-manager' | 'professional'
  | 'parent' | 'child' | 'family-other' | 'advocate' | 'supporter' | 'legal-representative'
  | 'interpreter' | 'observer' | 'foster-carer';

/** Roles that are invited individually by e-mail and never see the confidential section. */
export const FAMILY_SIDE_ROLES: readonly InviteeRole[] = [
  'parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative', 'foster-carer',
];

export type InvitationStatus = 'pending' | 'invited' | 'removed';

export interface Invitee {
  /** Stable id within the conference (never derived from a name or address). */
  id: string;
  role: InviteeRole;
  /** Agency for professionals (police, school, GP…); never free text about the family. */
  agency?: string;
  /** Personal data: stored to send the invitation, never logged, never in subjects or URLs. */
  displayName: string;
  email: string;
  /** Family-side invitees: their own join time (after the confidential section or their slot). */
  joinAt?: LocalDateTime;
  /** e.g. { language: 'Polish', arrangement: 'Interpreter joins by phone' } */
  interpreter?: { language: string; arrangement: string };
  status: InvitationStatus;
  /** ISO instant the invitation (or latest change) was sent. */
  invitedAt?: string;
  /** Notice period (T7) check for this invitee, recorded when invited. */
  notice?: { deadline: IsoDate; met: boolean };
  /**
   * Family-side invitees: the latest individual e-mail — the booking version it carried and its
   * outcome. Saved as 'sending' before the request so a crash never leads to a second e-mail.
   */
  mail?: InviteeMailState;
}

export interface InviteeMailState {
  bookingVersion: number;
  kind: 'invitation' | 'update' | 'cancellation';
  state: 'sending' | 'sent' | 'failed' | 'unknown';
  /** ISO instant of the latest attempt. */
  at: string;
  /** The join time and end the e-mail and its .ics carried (a change to either means an update). */
  joinAt: LocalDateTime;
  end: LocalDateTime;
  /** Stable error code when failed or unknown. */
  code?: MailOutcomeCode;
}

/**
 * Why a family e-mail is failed or unknown: the mailer's codes (Graph's item or batch status in
 * the name) and the two the rules set themselves (a crash mid-send, the clerk's resend).
 */
export type MailOutcomeCode =
  | 'MAIL.NO_OUTCOME'
  | 'MAIL.NO_ITEM_RESPONSE'
  | 'MAIL.BAD_BATCH_RESPONSE'
  | 'MAIL.THROTTLED'
  | 'MAIL.UNAVAILABLE'
  | `MAIL.ITEM_${number}`
  | `MAIL.REJECTED_${number}`
  | `MAIL.BATCH_${number}`
  // the request did not complete (the transport's codes) or could not be signed
  | 'GRAPH.CONNECTION_FAILED'
  | 'GRAPH.CONNECTION_RESET'
  | 'GRAPH.TIMEOUT'
  | 'GRAPH.AUTH_FAILED'
  | 'MAIL.INTERRUPTED'
  | 'MAIL.RESEND_REQUESTED';

export type ConferenceStatus = 'draft' | 'booked' | 'stood-down' | 'held' | 'closed';

export interface MeetingRecord {
  /** Outlook event id in the organiser's calendar. */
  eventId: string;
  /** transactionId sent with the create; derived from conference id + booking version. */
  transactionId: string;
  joinUrl: string;
  onlineMeetingId?: string;
  /** Lock-down options read back after PATCH and compared with the profile. */
  optionsVerified: boolean;
  /** Names of options that did not take (empty when verified). */
  optionMismatches: string[];
  /** The booking version the Outlook event reflects (times and attendees); behind = PATCH due. */
  syncedBookingVersion?: number;
  /** Saved before the cancel request goes out, so a rerun after a lost answer knows it was sent. */
  cancelRequested?: boolean;
  /** Set once the event has been cancelled in Graph (stand-down). */
  cancelled?: boolean;
  /** The event was already gone when cancelled (a lost answer, or removed by hand in Outlook). */
  eventMissing?: boolean;
}

export interface Conference {
  id: string;
  /** The case reference: the only identifier that may appear in subjects, logs and URLs. */
  caseReference: string;
  kind: ConferenceKind;
  profileId: ProfileId;
  /** Europe/London wall-clock start and end of the whole conference. */
  start: LocalDateTime;
  end: LocalDateTime;
  /** When the family section starts (after the confidential section), if there is one. */
  familySectionStart?: LocalDateTime;
  /** Entra object id (or UPN) of the organiser whose calendar holds the meeting. */
  organizerId: string;
  status: ConferenceStatus;
  /** Bumped whenever the booking (time or attendees) changes; part of Graph's transactionId. */
  bookingVersion: number;
  meeting?: MeetingRecord;
  invitees: Invitee[];
  /** Optimistic concurrency: the store refuses a save whose expected version is stale. */
  version: number;
}
