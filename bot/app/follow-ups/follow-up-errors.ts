// The follow-ups area's codes (docs/meeting/follow-ups.md); the edges' tables map each.
import { CodedError } from '../../domain/shared/coded-error';

export const FOLLOW_UP_ERROR_CODES = [
  /** No decision has been recorded for this conference yet. */
  'FOLLOW_UP.NO_DECISION',
  /** The decision made (or kept) no child protection plan: no core group or review to book. */
  'FOLLOW_UP.NO_PLAN',
  /** Neither date is there to book (the decision, or a core group's minutes, gave none). */
  'FOLLOW_UP.NOTHING_TO_BOOK',
  /** The conference has no such follow-up task (or the profile has the rule off). */
  'FOLLOW_UP.TASK_NOT_FOUND',
] as const;
export type FollowUpErrorCode = (typeof FOLLOW_UP_ERROR_CODES)[number];

export class FollowUpError extends CodedError<FollowUpErrorCode> {}
