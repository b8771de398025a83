// Every error code of the product, one typed union per area, combined here once. The edges map
// these codes (never messages) to answers: bot/adapters/teams/invoke-error-map.ts for card
// actions, bot/adapters/http/http-error-map.ts for HTTP. Adding an area is one line below;
// both tables then fail to compile until they say what the new codes mean.

// The areas' unions. Written out as literals until each area exports its own union; then each
// line becomes an import from that area (bot/app/meetings, bot/app/ports/meetings.port, the store).
export type BookingErrorCode =
  | 'CONFERENCE.NOT_FOUND'
  | 'MEETING.NOT_BOOKABLE'
  | 'MEETING.NOT_BOOKED'
  | 'MEETING.NOT_CREATED'
  | 'INVITEE.EXISTS'
  | 'INVITEE.NOT_FOUND';
export type MeetingsErrorCode =
  | 'GRAPH.ACCESS_POLICY_MISSING'
  | 'GRAPH.MEETING_NOT_FOUND'
  | 'GRAPH.THROTTLED'
  | 'GRAPH.UNAVAILABLE'
  | 'GRAPH.REJECTED'
  | 'GRAPH.AUTH_FAILED';
export type StoreErrorCode = 'STORE.VERSION_CONFLICT';
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
  | 'CARD.FAILED';

/** What a card action can end with: the use-case areas' codes and the card path's own. */
export type UseCaseErrorCode = BookingErrorCode | MeetingsErrorCode | StoreErrorCode | IdempotencyErrorCode | CardErrorCode;

/** Refusals of the transports themselves (request body, activity shape, authentication, tenancy). */
export type TransportErrorCode =
  | 'HTTP.UNSUPPORTED_MEDIA_TYPE'
  | 'HTTP.BODY_TOO_LARGE'
  | 'HTTP.BODY_UNREADABLE'
  | 'HTTP.MALFORMED_JSON'
  | 'HTTP.NOT_FOUND'
  | 'HTTP.INTERNAL'
  | 'ACTIVITY.MALFORMED'
  | 'AUTH.UNAUTHORIZED'
  | 'AUTH.UNAVAILABLE'
  | 'TENANT.NOT_ALLOWED'
  | 'TURN.FAILED';

export type ErrorCode = UseCaseErrorCode | TransportErrorCode;
