import type { LocalDateTime } from '../../domain/calendar/iso-date';
import { CodedError } from '../../domain/shared/coded-error';

/** Someone invited through the calendar event (chair, social worker, professionals). */
export interface EventAttendee {
  /** Personal data: goes to Graph only, never to logs. */
  email: string;
  name: string;
}

export interface MeetingEventInput {
  organizerId: string;
  /** Idempotency key: a retried create with the same id returns the first event. */
  transactionId: string;
  /** Case reference + conference kind — never a name. */
  subject: string;
  /** Europe/London wall-clock times. */
  start: LocalDateTime;
  end: LocalDateTime;
  /** In invitation order: chair and social worker first, then professionals. */
  attendees: EventAttendee[];
  /** Plain text shown in the calendar item (no names). */
  bodyText: string;
}

export interface CreatedMeetingEvent {
  eventId: string;
  joinUrl: string;
}

/**
 * The Teams lock-down options, with Graph's own property names and enum members
 * (graph-v1.0-subset.json, onlineMeetingBase).
 */
export interface MeetingOptions {
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  allowedLobbyAdmitters: string;
  allowMeetingChat: string;
  allowedPresenters: string;
  allowRecording: boolean;
  allowTranscription: boolean;
  recordAutomatically: boolean;
  isEntryExitAnnounced: boolean;
  allowParticipantsToChangeName: boolean;
  /** Sent only when the profile asks for a watermark. */
  watermarkProtection?: { isEnabledForContentSharing: boolean; isEnabledForVideo: boolean };
}

/** Options as read back from Graph: any of them may be missing or different. */
export type ReadBackOptions = { [K in keyof MeetingOptions]?: unknown };

export interface EventChange {
  start?: LocalDateTime;
  end?: LocalDateTime;
  /** The full attendee list (Graph replaces the collection). */
  attendees?: EventAttendee[];
}

/** Errors from a Meetings adapter carry one of these codes. */
export const MEETINGS_ERROR_CODES = [
  'GRAPH.ACCESS_POLICY_MISSING',
  'GRAPH.MEETING_NOT_FOUND',
  'GRAPH.THROTTLED',
  'GRAPH.UNAVAILABLE',
  'GRAPH.REJECTED',
  'GRAPH.AUTH_FAILED',
] as const;
export type MeetingsErrorCode = (typeof MEETINGS_ERROR_CODES)[number];

export class MeetingsError extends CodedError<MeetingsErrorCode> {
  constructor(
    code: MeetingsErrorCode,
    message: string,
    /** Graph's own answer status, for the audit and the clerk — not an answer for our callers. */
    readonly status?: number,
    details?: CodedError['details'],
  ) {
    super(code, message, details);
  }
}

export interface FoundOnlineMeeting {
  id: string;
  /** chatInfo.threadId (19:meeting_…@thread.v2); absent when Graph did not give it. */
  chatThreadId?: string;
}

/** The Teams meeting behind a conference (Graph events + onlineMeetings). */
export interface Meetings {
  /** Creates the calendar event with a Teams meeting; idempotent by `transactionId`. */
  createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent>;
  /** Finds the onlineMeeting behind an event's join URL: its id and its chat's thread id (meeting events arrive there). */
  findOnlineMeetingId(organizerId: string, joinUrl: string): Promise<FoundOnlineMeeting>;
  /** Applies the lock-down options (PATCH). */
  setMeetingOptions(organizerId: string, onlineMeetingId: string, options: MeetingOptions): Promise<void>;
  /** Reads the options back (GET) so the caller can prove they took. */
  getMeetingOptions(organizerId: string, onlineMeetingId: string): Promise<ReadBackOptions>;
  updateEvent(organizerId: string, eventId: string, change: EventChange): Promise<void>;
  /**
   * Cancels the event; Exchange tells the attendees, with `comment`. 'already-gone' when Graph no
   * longer has it under this id (cancelled before — a cancelled event moves to Deleted Items — or
   * deleted in Outlook): there is nothing left to cancel.
   */
  cancelEvent(organizerId: string, eventId: string, comment: string): Promise<'cancelled' | 'already-gone'>;
}
