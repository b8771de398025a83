// The codes a decision card can be refused with, field by field (the card shows each beside its
// field; the API names every field and its code). Pure data.

export const DECISION_RULE_CODES = [
  /** An agency present or reporting has no view yet (plan, no plan or abstain). */
  'DECISION.VIEW_REQUIRED',
  /** A view from an agency neither present in the meeting nor sending a report. */
  'DECISION.AGENCY_NOT_PRESENT',
  /** The same agency twice. */
  'DECISION.AGENCY_DUPLICATED',
  'DECISION.VIEW_INVALID',
  /** Signs of Safety scaling is a whole number 0–10. */
  'DECISION.SCALING_INVALID',
  /** The chair's view is needed: a tie (majority rule) or the decision itself (chair decides). */
  'DECISION.CHAIR_VIEW_REQUIRED',
  /** The chair's view differs from the majority: their concerns go in the summary (001). */
  'DECISION.CHAIR_CONCERNS_REQUIRED',
  /** No plan: child in need or no further action. */
  'DECISION.OUTCOME_WITHOUT_PLAN_REQUIRED',
  'DECISION.CATEGORY_REQUIRED',
  'DECISION.CATEGORY_INVALID',
  /** 'multiple' where the profile does not allow it (allowMultipleCategory). */
  'DECISION.CATEGORY_MULTIPLE_NOT_ALLOWED',
  /** An agency whose view differs from the outcome: its reason is recorded. */
  'DECISION.DISSENT_REASON_REQUIRED',
  'DECISION.LEAD_SOCIAL_WORKER_REQUIRED',
  /** Not an invitee with role social-worker (or removed from the list). */
  'DECISION.LEAD_SOCIAL_WORKER_INVALID',
  'DECISION.CORE_GROUP_REQUIRED',
  /** Not an invitee, removed, or not a professional or family member (chair, clerk, observer…). */
  'DECISION.CORE_GROUP_MEMBER_INVALID',
  'DECISION.DATE_REQUIRED',
  'DECISION.DATE_INVALID',
  'DECISION.DATE_NOT_WORKING_DAY',
  /** Outside the allowed range (T4 for the first core group, T2 / T3 for the review). */
  'DECISION.DATE_OUT_OF_RANGE',
  /** Reviews: continue, change category or end the plan. */
  'DECISION.REVIEW_OUTCOME_REQUIRED',
  /** The review outcome does not follow from the views (a plan that continues cannot end). */
  'DECISION.REVIEW_OUTCOME_CONFLICT',
  'DECISION.NEW_CATEGORY_REQUIRED',
  'DECISION.NEW_CATEGORY_SAME',
  /** Ending a plan: all actions complete, or the rationale for ending it anyway. */
  'DECISION.END_RATIONALE_REQUIRED',
  /** A plan under neglect cannot end at the first review (noNeglectDiscontinueAtFirstReview, 001). */
  'DECISION.NEGLECT_FIRST_REVIEW',
] as const;

export type DecisionRuleCode = (typeof DECISION_RULE_CODES)[number];

/**
 * A field of the decision card: the fixed ones, and one per agency for its view, scaling and
 * dissent (`view.<agency>`, `scaling.<agency>`, `dissent.<agency>`).
 */
export type DecisionField =
  | 'chairView' | 'chairConcerns' | 'outcomeWithoutPlan' | 'category' | 'leadSocialWorker' | 'coreGroup'
  | 'firstCoreGroupDate' | 'reviewDate' | 'review.outcome' | 'review.newCategory' | 'review.endRationale'
  | `view.${string}` | `scaling.${string}` | `dissent.${string}`;

export interface DecisionFieldError {
  code: DecisionRuleCode;
  /** Plain words for beside the field; never quotes the value. */
  message: string;
}

export type DecisionFieldErrors = Partial<Record<DecisionField, DecisionFieldError>>;
