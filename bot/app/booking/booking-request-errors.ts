// The booking area's codes (bot/app/errors/error-codes.ts combines them with the others): every
// field rule of the domain (bot/domain/booking/booking-rule-codes.ts) and the refusals of the
// booking, approval, stand-down and rebooking use cases.
import { BOOKING_RULE_CODES, type BookingField, type BookingRuleCode, type FieldErrors } from '../../domain/booking/booking-rule-codes';
import { CodedError } from '../../domain/shared/coded-error';

export const BOOKING_FLOW_CODES = [
  /** A stood-down conference is never changed again: rebook it instead. */
  'BOOKING.CONFERENCE_STOOD_DOWN',
  /** A named manager has not decided yet: nothing is booked until they approve. */
  'BOOKING.APPROVAL_PENDING',
  /** A named manager refused: this booking cannot go ahead as it stands. */
  'BOOKING.APPROVAL_REFUSED',
  'BOOKING.APPROVAL_NOT_FOUND',
  /** Only the manager named on the approval may decide it (audited). */
  'BOOKING.NOT_THE_APPROVER',
  'BOOKING.APPROVAL_ALREADY_DECIDED',
  /** A stand-down is already waiting for the safeguarding manager. */
  'BOOKING.STAND_DOWN_PENDING',
  /** A stand-down needs its reason's rationale for the safeguarding manager. */
  'BOOKING.RATIONALE_REQUIRED',
  /** The named manager for a stand-down must be a safeguarding manager. */
  'BOOKING.MANAGER_NOT_SAFEGUARDING',
  /** A rebooking needs a conference that was stood down. */
  'BOOKING.NOT_STOOD_DOWN',
  'BOOKING.ALREADY_REBOOKED',
  /** A new date past the statutory latest with no approved late booking: book it again with a reason. */
  'BOOKING.RESCHEDULE_PAST_LATEST',
  /** Only a draft or booked conference can be confirmed or changed this way. */
  'BOOKING.NOT_CHANGEABLE',
] as const;

export type BookingFlowCode = (typeof BOOKING_FLOW_CODES)[number];
export type BookingRequestErrorCode = BookingRuleCode | BookingFlowCode;

export const BOOKING_REQUEST_ERROR_CODES: readonly BookingRequestErrorCode[] = [...BOOKING_RULE_CODES, ...BOOKING_FLOW_CODES];

export class BookingRequestError extends CodedError<BookingRequestErrorCode> {}

/**
 * A request with field errors, as one refusal: its code is the first field's rule; `details`
 * names every field and its code (parallel lists), so an API client can show each beside its field.
 */
export class BookingFieldsRefused extends BookingRequestError {
  constructor(readonly fieldErrors: FieldErrors) {
    const entries = Object.entries(fieldErrors) as [BookingField, { code: BookingRuleCode; message: string }][];
    const [field, first] = entries[0]!;
    super(first.code, `the booking request has ${entries.length} field error(s); first: ${field}`, {
      rule: first.code,
      field,
      fields: entries.map(([f]) => f),
      codes: entries.map(([, e]) => e.code),
    });
  }
}
