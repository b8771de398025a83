// Every code the meeting and invitation use cases can fail with, in one place, so that the edges'
// mapping tables (adapters/teams for invoke answers, adapters/http for HTTP) can cover them all.
// The use cases never choose an HTTP status; messages carry ids only, never a code or a name.
import type { ConferenceRuleCode } from '../../domain/conference/conference-rules';
import { CodedError } from '../../domain/shared/coded-error';
import type { StoreErrorCode } from '../ports/conference-store.port';
import type { MeetingsErrorCode } from '../ports/meetings.port';

export const BOOKING_ERROR_CODES = [
  // the conference's own rules (bot/domain/conference/conference-rules.ts)
  'CONFERENCE.TRANSITION_NOT_ALLOWED',
  'CONFERENCE.INVALID_TIMES',
  'MEETING.NOT_BOOKED',
  'MEETING.NOT_CREATED',
  'MEETING.ALREADY_CREATED',
  'MEETING.ALREADY_SYNCED',
  'INVITEE.EXISTS',
  'INVITEE.NOT_FOUND',
  'INVITEE.RESEND_NOT_ALLOWED',
  'MAIL.IN_FLIGHT',
  'MAIL.NOTHING_IN_FLIGHT',
  // the use cases
  'CONFERENCE.NOT_FOUND',
  'MEETING.NOT_BOOKABLE',
  'BOOKING.INVALID_INPUT',
  /** Another run of the same conference holds its lease: try again when it has finished. */
  'BOOKING.IN_PROGRESS',
  /** This run's lease expired and another run took it over: this run stopped, nothing committed. */
  'BOOKING.LEASE_LOST',
] as const;

export type BookingErrorCode = (typeof BOOKING_ERROR_CODES)[number];

// Every rule code is a booking code: a rule added in the domain without a line above fails here.
const RULE_CODES_COVERED: Exclude<ConferenceRuleCode, BookingErrorCode> extends never ? true : false = true;
void RULE_CODES_COVERED;

/** A refusal of the meeting and invitation use cases. */
export class BookingError extends CodedError<BookingErrorCode> {}

/**
 * Everything a meeting or invitation use case can throw with a code: its own refusals, Graph's
 * (MeetingsError), the store's (ConcurrencyConflict) and the audit guard's.
 */
export type MeetingsAreaErrorCode = BookingErrorCode | MeetingsErrorCode | StoreErrorCode | 'AUDIT.PERSONAL_DATA_IN_DETAIL';

export { MEETINGS_ERROR_CODES, type MeetingsErrorCode } from '../ports/meetings.port';
export { STORE_ERROR_CODES, type StoreErrorCode } from '../ports/conference-store.port';
