// Every error code of the product, one typed union per area, combined here once. The edges map
// these codes (never messages) to answers: bot/adapters/teams/invoke-error-map.ts for card
// actions, bot/adapters/http/http-error-map.ts for HTTP. Adding an area is one line below;
// both tables then fail to compile until they say what the new codes mean.

// The areas' unions, each exported by its own area.
import type { BookingRequestErrorCode } from '../booking/booking-request-errors';
import type { InviteListErrorCode } from '../invite-list/invite-list-errors';
import type { MeetingsAreaErrorCode } from '../meetings/booking-errors';

export type { BookingErrorCode, MeetingsErrorCode, StoreErrorCode } from '../meetings/booking-errors';
export type IdempotencyErrorCode = 'IDEMPOTENCY.IN_PROGRESS_TIMEOUT' | 'IDEMPOTENCY.CLAIM_LOST';

/** Refusals of the card-action path itself (before or around a handler). */
export type CardErrorCode =
  /** The verb is not in the verb table (an old card, or a forged action). */
  | 'CARD.UNKNOWN_VERB'
  /** The invoke's value is not an Action.Execute with a verb. */
  | 'CARD.MALFORMED_ACTION'
  /** The card's `data` does not match its verb's schema; the handler did not run. */
  | 'CARD.INVALID_DATA'
  /** A handler threw something without a known code. */
  | 'CARD.FAILED'
  /** A typeahead (application/search) named a dataset the bot does not serve, or was malformed. */
  | 'CARD.UNKNOWN_DATASET'
  /** A dialog button (task/fetch) named a dialog the bot does not open, or carried no valid conference. */
  | 'CARD.UNKNOWN_DIALOG';

/** What a card action can end with: the use-case areas' codes and the card path's own. */
export type UseCaseErrorCode =
  | MeetingsAreaErrorCode
  | BookingRequestErrorCode
  | InviteListErrorCode
  | import('../decision/decision-errors').DecisionErrorCode
  | IdempotencyErrorCode
  | CardErrorCode
  | import('../access/authorise').AccessErrorCode
  | import('../ports/directory.port').DirectoryErrorCode
  | import('../reports/report-errors').ReportAreaErrorCode
  | import('../../domain/meeting/meeting-errors').MeetingErrorCode
  | import('../record/record-errors').RecordErrorCode
  | import('../follow-ups/follow-up-errors').FollowUpErrorCode
  | import('../core-group/core-group-errors').CoreGroupErrorCode
  | import('../family/family-view-errors').FamilyViewErrorCode
  | import('../meeting/stage-view/stage-view-errors').StageViewErrorCode;

/** Refusals of the transports themselves (request body, activity shape, authentication, tenancy). */
export type TransportErrorCode =
  | 'HTTP.UNSUPPORTED_MEDIA_TYPE'
  | 'HTTP.BODY_TOO_LARGE'
  | 'HTTP.BODY_UNREADABLE'
  | 'HTTP.MALFORMED_JSON'
  | 'HTTP.NOT_FOUND'
  | 'HTTP.INTERNAL'
  | 'HTTP.UNAVAILABLE'
  | 'ACTIVITY.MALFORMED'
  | 'AUTH.UNAUTHORIZED'
  | 'AUTH.UNAVAILABLE'
  | 'TENANT.NOT_ALLOWED'
  | 'TURN.FAILED';

/** Refusals of the API (/api/v1) and its use cases (docs/api.md). */
export type ApiErrorCode =
  /** The query or body does not match the route's schema; `details.issues` says where. */
  | 'API.INVALID_REQUEST'
  /** A change to a versioned resource sent without If-Match (the version the client last read). */
  | 'API.IF_MATCH_REQUIRED'
  /** If-Match names a version that is no longer current: read again, then retry (412). */
  | 'API.VERSION_STALE'
  /** The path exists, the method does not (the `Allow` header lists the ones that do). */
  | 'API.METHOD_NOT_ALLOWED'
  /** Valid input, but the timescale rules cannot answer it (`details.rule` names the domain code). */
  | 'TIMESCALES.NOT_COMPUTABLE';

export type ErrorCode = UseCaseErrorCode | TransportErrorCode | ApiErrorCode;
