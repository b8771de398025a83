// The codes a booking request can be refused with, field by field (a card shows each beside its
// field; the API names the first in `code` and all of them in `details`). Pure data.

export const BOOKING_RULE_CODES = [
  'BOOKING.KIND_UNKNOWN',
  'BOOKING.CASE_REFERENCE_REQUIRED',
  /** Letters-only words, or words separated by spaces: a person's name, never a case id. */
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME',
  /** A UK postcode, or a house number followed by words: an address, never a case id. */
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS',
  /** Not the profile's caseReference.pattern as a whole (the description says what is expected). */
  'BOOKING.CASE_REFERENCE_PATTERN',
  'BOOKING.ANCHOR_REQUIRED',
  /** An anchor kind that no rule of this conference kind is measured from. */
  'BOOKING.ANCHOR_NOT_APPLICABLE',
  'BOOKING.ANCHOR_INVALID',
  /** The anchor (strategy discussion, last conference…) is after the proposed date. */
  'BOOKING.ANCHOR_AFTER_DATE',
  'BOOKING.CHAIR_REQUIRED',
  'BOOKING.SOCIAL_WORKER_REQUIRED',
  'BOOKING.CHAIR_IS_SOCIAL_WORKER',
  'BOOKING.DATE_REQUIRED',
  'BOOKING.DATE_INVALID',
  /** A real date outside the years whose bank holidays the calendar knows. */
  'BOOKING.DATE_OUT_OF_RANGE',
  'BOOKING.DATE_NOT_WORKING_DAY',
  'BOOKING.DATE_IN_PAST',
  'BOOKING.START_TIME_INVALID',
  /** Conferences start between 08:00 and 18:00 and end the same day. */
  'BOOKING.START_TIME_OUTSIDE_HOURS',
  'BOOKING.DURATION_INVALID',
  'BOOKING.CONFIDENTIAL_INVALID',
  'BOOKING.CONFIDENTIAL_NOT_SHORTER',
  /** The date is past the statutory latest: a reason is required (and a named manager). */
  'BOOKING.LATE_REASON_REQUIRED',
  'BOOKING.MANAGER_REQUIRED',
  'BOOKING.PREVIOUS_PLAN_DATE_INVALID',
  /** A previous plan ended within 12 months (003): the service manager's oversight is required. */
  'BOOKING.SERVICE_MANAGER_REQUIRED',
  // Checked by the use case against the directory (the domain does not know people).
  'BOOKING.PERSON_NOT_FOUND',
  'BOOKING.CHAIR_NOT_A_CHAIR',
  'BOOKING.SOCIAL_WORKER_NOT_A_SOCIAL_WORKER',
  'BOOKING.MANAGER_NOT_A_MANAGER',
  'BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER',
] as const;

export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[number];

/** The fields of a booking request, as the card's inputs and the API body name them. */
export const BOOKING_FIELDS = [
  'kind', 'caseReference', 'anchorKind', 'anchorDate', 'chairId', 'socialWorkerId', 'date', 'startTime',
  'durationMinutes', 'confidentialMinutes', 'lateReason', 'managerId', 'previousPlanEndedOn', 'serviceManagerId',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

export interface FieldError {
  code: BookingRuleCode;
  /** Plain words for beside the field; never quotes the value. */
  message: string;
}

export type FieldErrors = Partial<Record<BookingField, FieldError>>;
