// The codes the core group rules refuse with (bot/app/core-group maps them to the edges).
export const CORE_GROUP_RULE_CODES = [
  /** A field of the minutes template is missing or out of range: `fields` says which. */
  'CORE_GROUP.MINUTES_INCOMPLETE',
  /** A save left out an agreed action or safety goal: they can be added, never removed (004). */
  'CORE_GROUP.PLAN_ITEM_REMOVED',
  /** A save changed the words of an agreed action or safety goal: record a disagreement instead. */
  'CORE_GROUP.PLAN_ITEM_CHANGED',
  /** Fewer than two professional members attended (004). */
  'CORE_GROUP.NOT_QUORATE',
  /** The next core group is not after this one, or not on a working day. */
  'CORE_GROUP.NEXT_DATE_INVALID',
  /** The next core group is later than T5 allows from this meeting. */
  'CORE_GROUP.NEXT_DATE_PAST_T5',
  /** The final core group before the review is earlier than T6 allows (where the profile has T6). */
  'CORE_GROUP.NEXT_DATE_BEFORE_T6',
  /** The last core group before the review must record its recommendations for the review. */
  'CORE_GROUP.RECOMMENDATIONS_REQUIRED',
] as const;
export type CoreGroupRuleCode = (typeof CORE_GROUP_RULE_CODES)[number];

export interface MinutesFieldError {
  field: string;
  code: CoreGroupRuleCode;
  message: string;
}
