import type { IsoDate, LocalDateTime } from '../calendar/iso-date';
import type { ProfileId } from '../policy/policy-profile';
import type { Anchors } from '../timescales/anchors';
import type { ConferenceKind } from './conference-kind';
import type { FollowUpOf, FollowUps } from '../follow-ups/follow-ups';

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
  /** Entra object id when the invitee was picked from the directory (professionals only). */
  directoryId?: string;
  /** Personal data like the e-mail: for family members and people outside the tenant. */
  phone?: string;
  /** The child's age band (role 'child'): over 12 invited unless a decision says otherwise (001). */
  ageBand?: ChildAgeBand;
  /** Over-12s not invited: who decided and why (chair and social worker agree, 001). */
  notInvitedDecision?: { decidedBy: string; reason: string; at: string };
  /** Over-5s: the advocate offer recorded (000, 001). */
  advocateOffered?: { at: string; accepted: boolean };
  /** Parts this person must not hear, by the chair's exclusion decision (wall-clock windows). */
  exclusions?: { from: LocalDateTime; to: LocalDateTime; grounds: string }[];
  /** Split attendance (001): this person's own slot, instead of the family section. */
  slot?: { from: LocalDateTime; to: LocalDateTime };
  /** Police check request for this person where the profile has T8; the reason is required (003). */
  policeCheck?: { reason: string; requestedAt?: string; requestedBy?: string };
  /** Professionals: every answer given, oldest first; the latest counts (a change is a new answer). */
  attendance?: AttendanceAnswer[];
  /** The agency's written report, once received (stored in the council's drive). */
  report?: ReportRecord;
  /**
   * Professionals: how they were asked for their answer (a 1:1 card, or an e-mailed link when they
   * have no chat with the bot), so that "send invitations" again asks nobody twice and a later
   * answer can update the card in place.
   */
  attendanceRequest?: { via: 'card' | 'email'; at: string; card?: { conversationId: string; activityId: string } };
  /** A report upload in flight: saved before the Graph call, so a crash is resumed (bot/app/reports). */
  reportUpload?: ReportUploadState;
}

export interface ReportUploadState {
  state: 'uploading';
  /** The file's name in the conference folder (case reference, role and invitee id: never a person's name). */
  driveFileName: string;
  /** The name the uploader gave (personal data: stored, never logged). */
  fileName: string;
  contentType: string;
  bytes: number;
  startedAt: string;
  by: string;
}

export type ChildAgeBand = 'under-5' | '5-to-12' | 'over-12';

export interface AttendanceAnswer {
  answer: 'attending' | 'not-attending' | 'sending-colleague';
  /** sending-colleague: the colleague, picked from the directory or given by name and role. */
  colleague?: { directoryId?: string; displayName: string; email?: string; role: string };
  /** ISO instant; `by`: the Entra id (or link subject) of who answered. */
  at: string;
  by: string;
  /** Where it came from: the 1:1 card, the e-mailed confirmation page, or the API. */
  via: 'card' | 'link' | 'api';
  /** not-attending: the consequence — the agency's written report is due by this T9 date. */
  reportDueBy?: IsoDate;
}

export interface ReportRecord {
  /** The drive item in the council's document library (never a name in its path). */
  driveItemId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  receivedAt: string;
  receivedBy: string;
  /** Whether it arrived by the T9 deadline (Sheffield shares only with on-time contributors). */
  onTime: boolean;
  /** Sharing permissions granted on it: invitee id → Graph permission id. */
  sharedWith?: Record<string, string>;
  /** The expiry those permissions carry (a reschedule moves it: they are invited again). */
  shareExpiresAt?: string;
  /** When the retention job deleted the file from the library (RETENTION_REPORT_FILE_DAYS): the record stays. */
  fileDeletedAt?: string;
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
  /** The meeting chat's thread id (Graph onlineMeeting chatInfo.threadId): meeting events arrive there. */
  chatThreadId?: string;
  /** The booking version the Outlook event reflects (times and attendees); behind = PATCH due. */
  syncedBookingVersion?: number;
  /** Saved before the cancel request goes out, so a rerun after a lost answer knows it was sent. */
  cancelRequested?: boolean;
  /** Set once the event has been cancelled in Graph (stand-down). */
  cancelled?: boolean;
  /** The event was already gone when cancelled (a lost answer, or removed by hand in Outlook). */
  eventMissing?: boolean;
}

/** Approvals a booking or a stand-down waits for (DOMAIN-RULES §2 T23, §6; 003). */
export type ApprovalKind = 'late-booking' | 'repeat-plan-oversight' | 'stand-down' | 'rebooking-past-last-date';

export interface Approval {
  id: string;
  kind: ApprovalKind;
  /** Entra object id of the named manager who must decide; nobody else may. */
  approverId: string;
  requestedBy: string;
  requestedAt: string;
  /** The requester's reason or rationale (free text: never logged, never in the audit detail). */
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  decidedAt?: string;
  /** The manager's own note with the decision. */
  note?: string;
}

/** What the booking card or the API asked for, kept so the deadlines can be recomputed. */
export interface BookingDetails {
  /** Entra ids of the chair and the social worker (also invitees, roles chair / social-worker). */
  chairId: string;
  socialWorkerId: string;
  requestedBy: string;
  durationMinutes: number;
  /** Length of the confidential section at the start (professionals only). */
  confidentialMinutes: number;
  /** A date past the statutory latest: the reason (the late-booking approval carries it too). */
  lateReason?: string;
  /** A previous plan ended within 12 months (003): the service manager's oversight first. */
  repeatPlan?: boolean;
}

export type StandDownReason =
  | 'no-longer-needed'
  | 'not-quorate'
  | 'report-not-shared-with-family'
  | 'no-interpreter'
  | 'family-cannot-attend'
  | 'unforeseen';

export interface StandDownRecord {
  reason: StandDownReason;
  requestedBy: string;
  requestedAt: string;
  /** The approval id (kind 'stand-down') that allowed it. */
  approvalId: string;
  /** Not quorate / not enough information: reconvene within T17 of the original date. */
  reconveneBy?: IsoDate;
  /** The conference booked in its place. */
  rebookedAs?: string;
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
  /** The dates the statutory deadlines are measured from (strategy discussion, last conference…). */
  anchors?: Anchors;
  booking?: BookingDetails;
  approvals?: Approval[];
  standDown?: StandDownRecord;
  /** The conference this one replaces (a rebooking after a stand-down). */
  rebookingOf?: string;
  /** The social work report's sharing, tracked as deadlines T10 (family) and T10b (chair and clerk). */
  socialWorkReport?: { sharedWithFamilyAt?: string; sharedWithChairAndClerkAt?: string };
  /** A review combined with a looked-after review (001): a second part after the decision. */
  dualProcess?: boolean;
  /** Version of the invite list: bumped by every invitee change (the API's If-Match on the list). */
  inviteListVersion?: number;
  /** Optimistic concurrency: the store refuses a save whose expected version is stale. */
  version: number;
  /** After the decision (bot/app/follow-ups): the conferences booked from it, and T13–T16 tracked. */
  followUps?: FollowUps;
  /** This conference was booked as a follow-up of another's decision (or core group minutes). */
  followUpOf?: FollowUpOf;
}
