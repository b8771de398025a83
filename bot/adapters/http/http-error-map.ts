// The one table from error codes to HTTP statuses. Every code of the product has a status (the
// type fails to compile when an area adds a code and this table does not say what it means), so
// the tab's API routes, the Teams endpoint's refusals and the body reader all answer alike.
// bot/app never chooses a status; it returns or throws codes.
import type { ErrorCode } from '../../app/errors/error-codes';
import { DECISION_RULE_CODES } from '../../app/decision/decision-errors';
import type { DecisionRuleCode } from '../../domain/decision/decision-rule-codes';

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 500 | 502 | 503;

export const HTTP_STATUS: { readonly [C in ErrorCode]: HttpErrorStatus } = {
  // Transports
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'HTTP.BODY_TOO_LARGE': 413,
  'HTTP.BODY_UNREADABLE': 400,
  'HTTP.MALFORMED_JSON': 400,
  'HTTP.NOT_FOUND': 404,
  'HTTP.INTERNAL': 500,
  'HTTP.UNAVAILABLE': 503,
  'ACTIVITY.MALFORMED': 400,
  'AUTH.UNAUTHORIZED': 401,
  // Our outage (signing keys unreachable): the channel retries.
  'AUTH.UNAVAILABLE': 503,
  'TENANT.NOT_ALLOWED': 403,
  'TURN.FAILED': 500,
  // Card actions (over HTTP only when a route calls the card path directly)
  'CARD.UNKNOWN_VERB': 400,
  'CARD.MALFORMED_ACTION': 400,
  'CARD.INVALID_DATA': 400,
  'CARD.FAILED': 500,
  'CARD.UNKNOWN_DATASET': 400,
  'CARD.UNKNOWN_DIALOG': 400,
  // Booking
  'CONFERENCE.NOT_FOUND': 404,
  'MEETING.NOT_BOOKABLE': 409,
  'MEETING.NOT_BOOKED': 409,
  // No meeting yet: the request comes before the booking (a conflict with the state, not an outage).
  'MEETING.NOT_CREATED': 409,
  'MEETING.ALREADY_CREATED': 409,
  'MEETING.ALREADY_SYNCED': 409,
  'CONFERENCE.TRANSITION_NOT_ALLOWED': 409,
  'CONFERENCE.INVALID_TIMES': 400,
  'INVITEE.EXISTS': 409,
  'INVITEE.NOT_FOUND': 404,
  'INVITEE.RESEND_NOT_ALLOWED': 409,
  'MAIL.IN_FLIGHT': 409,
  'MAIL.NOTHING_IN_FLIGHT': 409,
  'BOOKING.INVALID_INPUT': 400,
  // Another run holds the conference (retry shortly), or this run lost its lease.
  'BOOKING.IN_PROGRESS': 409,
  'BOOKING.LEASE_LOST': 409,
  // The audit guard refused an entry: our defect, and nothing was committed.
  'AUDIT.PERSONAL_DATA_IN_DETAIL': 500,
  // Graph (an upstream failure is a 502; throttling and outages are retryable 503s)
  'GRAPH.ACCESS_POLICY_MISSING': 502,
  'GRAPH.MEETING_NOT_FOUND': 404,
  'GRAPH.THROTTLED': 503,
  'GRAPH.UNAVAILABLE': 503,
  'GRAPH.REJECTED': 502,
  'GRAPH.AUTH_FAILED': 502,
  // Access: refused is 403; "not part of this conference" is 404 so that its existence is not revealed.
  'ACCESS.NOT_PART_OF_CONFERENCE': 404,
  'ACCESS.ROLE_NOT_ALLOWED': 403,
  'ACCESS.UNKNOWN_PERSON': 403,
  'ACCESS.NOT_OWN_INVITATION': 403,
  // A route asked about a conference action without loading the conference: our defect.
  'ACCESS.CONFERENCE_REQUIRED': 500,
  // The directory (Graph /users and the staff roster): a bad query, or our upstream down (retry).
  'DIRECTORY.QUERY_INVALID': 400,
  'DIRECTORY.UNAVAILABLE': 503,
  // Store and idempotency
  'STORE.VERSION_CONFLICT': 409,
  'IDEMPOTENCY.IN_PROGRESS_TIMEOUT': 503,
  'IDEMPOTENCY.CLAIM_LOST': 500,
  // Booking requests (bot/app/booking): a field rule or a booking rule refuses it (422, the rule named).
  'BOOKING.KIND_UNKNOWN': 422,
  'BOOKING.CASE_REFERENCE_REQUIRED': 422,
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME': 422,
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS': 422,
  'BOOKING.CASE_REFERENCE_PATTERN': 422,
  'BOOKING.ANCHOR_REQUIRED': 422,
  'BOOKING.ANCHOR_NOT_APPLICABLE': 422,
  'BOOKING.ANCHOR_INVALID': 422,
  'BOOKING.ANCHOR_AFTER_DATE': 422,
  'BOOKING.CHAIR_REQUIRED': 422,
  'BOOKING.SOCIAL_WORKER_REQUIRED': 422,
  'BOOKING.CHAIR_IS_SOCIAL_WORKER': 422,
  'BOOKING.DATE_REQUIRED': 422,
  'BOOKING.DATE_INVALID': 422,
  'BOOKING.DATE_OUT_OF_RANGE': 422,
  'BOOKING.DATE_NOT_WORKING_DAY': 422,
  'BOOKING.DATE_IN_PAST': 422,
  'BOOKING.START_TIME_INVALID': 422,
  'BOOKING.START_TIME_OUTSIDE_HOURS': 422,
  'BOOKING.DURATION_INVALID': 422,
  'BOOKING.CONFIDENTIAL_INVALID': 422,
  'BOOKING.CONFIDENTIAL_NOT_SHORTER': 422,
  'BOOKING.LATE_REASON_REQUIRED': 422,
  'BOOKING.MANAGER_REQUIRED': 422,
  'BOOKING.PREVIOUS_PLAN_DATE_INVALID': 422,
  'BOOKING.SERVICE_MANAGER_REQUIRED': 422,
  'BOOKING.PERSON_NOT_FOUND': 422,
  'BOOKING.CHAIR_NOT_A_CHAIR': 422,
  'BOOKING.SOCIAL_WORKER_NOT_A_SOCIAL_WORKER': 422,
  'BOOKING.MANAGER_NOT_A_MANAGER': 422,
  'BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER': 422,
  'BOOKING.CONFERENCE_STOOD_DOWN': 422,
  'BOOKING.APPROVAL_PENDING': 422,
  'BOOKING.APPROVAL_REFUSED': 422,
  'BOOKING.APPROVAL_NOT_FOUND': 404,
  'BOOKING.NOT_THE_APPROVER': 403,
  'BOOKING.APPROVAL_ALREADY_DECIDED': 409,
  'BOOKING.STAND_DOWN_PENDING': 409,
  'BOOKING.RATIONALE_REQUIRED': 422,
  'BOOKING.MANAGER_NOT_SAFEGUARDING': 422,
  'BOOKING.NOT_STOOD_DOWN': 422,
  'BOOKING.ALREADY_REBOOKED': 409,
  'BOOKING.RESCHEDULE_PAST_LATEST': 422,
  'BOOKING.NOT_CHANGEABLE': 409,
  // The invite list and attendance (docs/invite-list.md)
  'INVITE_LIST.INVALID_INVITEE': 422,
  'INVITE_LIST.NOT_EDITABLE': 409,
  'INVITE_LIST.CONTACT_CHANGE_NEEDS_REINVITE': 409,
  'ATTENDANCE.CONFERENCE_STOOD_DOWN': 409,
  'ATTENDANCE.CONFERENCE_OVER': 409,
  'ATTENDANCE.NOT_A_PROFESSIONAL': 422,
  'ATTENDANCE.COLLEAGUE_REQUIRED': 422,
  'ATTENDANCE.COLLEAGUE_NOT_FOUND': 422,
  // The decision (bot/app/decision, docs/meeting/decision.md): a field rule refuses it (422, the rule named).
  ...(Object.fromEntries(DECISION_RULE_CODES.map((c) => [c, 422])) as Record<DecisionRuleCode, 422>),
  'DECISION.NOT_THE_CHAIR': 403,
  'DECISION.ALREADY_RECORDED': 409,
  'DECISION.NOT_A_CONFERENCE': 409,
  'DECISION.NOT_AT_DECISION_STAGE': 409,
  // The API
  'API.INVALID_REQUEST': 400,
  'API.IF_MATCH_REQUIRED': 428,
  'API.VERSION_STALE': 412,
  'API.METHOD_NOT_ALLOWED': 405,
  'TIMESCALES.NOT_COMPUTABLE': 422,
  // Reports (bot/app/reports, docs/reports.md)
  'REPORT.TYPE_NOT_ALLOWED': 415,
  'REPORT.TOO_LARGE': 413,
  'REPORT.EMPTY': 400,
  'REPORT.FILE_NAME_INVALID': 400,
  'REPORT.CONFERENCE_STOOD_DOWN': 409,
  'REPORT.CONFERENCE_OVER': 409,
  'REPORT.NOT_A_REPORTER': 403,
  'REPORTS.NOT_CONFIGURED': 503,
  'REPORTS.STORAGE_UNAVAILABLE': 503,
  'REPORTS.STORAGE_REFUSED': 502,
  'REPORTS.STORAGE_ITEM_MISSING': 502,
  // The live meeting (bot/domain/meeting)
  'MEETING.NOT_THE_CHAIR': 403,
  'MEETING.STAGE_NOT_ALLOWED': 409,
  'MEETING.ALREADY_IN_STAGE': 409,
  'MEETING.CLOSED': 409,
  'MEETING.LOOKED_AFTER_PART_DUE': 409,
  'MEETING.NOT_FOUND': 404,
  'MEETING.OTHER_MEETING': 409,
  'MEETING.ALERT_NOT_FOUND': 404,
  'MEETING.NOT_QUORATE_REASON_REQUIRED': 400,
  'MEETING.PARTICIPANT_NOT_FOUND': 404,
  'MEETING.INVITEE_NOT_FOUND': 404,
  // The record (bot/app/record, docs/meeting/record.md)
  'RECORD.NO_DECISION': 409,
  'RECORD.NOT_ALLOWED': 403,
  'RECORD.NOT_THE_CHAIR': 403,
  'RECORD.RECIPIENT_NOT_FOUND': 404,
  'RECORD.NOT_A_REDACTED_COPY': 409,
  'RECORD.NOT_CONFIGURED': 503,
  'FOLLOW_UP.NO_DECISION': 409,
  'FOLLOW_UP.NO_PLAN': 409,
  'FOLLOW_UP.NOTHING_TO_BOOK': 409,
  'FOLLOW_UP.TASK_NOT_FOUND': 404,
  'CORE_GROUP.NOT_A_CORE_GROUP': 409,
  'CORE_GROUP.MINUTES_NOT_FOUND': 404,
  'CORE_GROUP.MINUTES_CIRCULATED': 409,
  'CORE_GROUP.MINUTES_INCOMPLETE': 422,
  'CORE_GROUP.PLAN_ITEM_REMOVED': 422,
  'CORE_GROUP.PLAN_ITEM_CHANGED': 422,
  'CORE_GROUP.NOT_QUORATE': 422,
  'CORE_GROUP.NEXT_DATE_INVALID': 422,
  'CORE_GROUP.NEXT_DATE_PAST_T5': 422,
  'CORE_GROUP.NEXT_DATE_BEFORE_T6': 422,
  'CORE_GROUP.RECOMMENDATIONS_REQUIRED': 422,
  // Signed links read through the API (the family's page): forged or for another purpose 403, expired 410 (as the link pages).
  'LINK.INVALID': 403,
  'LINK.EXPIRED': 410,
  'LINK.WRONG_PURPOSE': 403,
  'FAMILY_VIEW.NOT_INVITED': 403,
  'STAGE_VIEW.LINK_NOT_VALID': 403,
  'STAGE_VIEW.LINK_EXPIRED': 410, // as every expired link (LINK.EXPIRED)
};

/** The answer for a refusal: the table's status and `{ code, message }` (message: ids only). */
export function httpError<C extends ErrorCode>(code: C, message: string): { status: HttpErrorStatus; body: { code: C; message: string } } {
  return { status: HTTP_STATUS[code], body: { code, message } };
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(HTTP_STATUS, code);
}

/** The API's envelope (docs/api.md): `{"error":{"code","message","details"}}`, details null when none. */
export function apiError(code: ErrorCode, message: string, details: unknown = null): { status: HttpErrorStatus; body: { error: { code: ErrorCode; message: string; details: unknown } } } {
  return { status: HTTP_STATUS[code], body: { error: { code, message, details } } };
}
