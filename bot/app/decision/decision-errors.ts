// The decision area's codes (bot/app/errors/error-codes.ts combines them with the others): every
// field rule of the domain (bot/domain/decision/decision-rule-codes.ts) and the refusals of the
// decision use cases.
import { DECISION_RULE_CODES, type DecisionField, type DecisionFieldErrors, type DecisionRuleCode } from '../../domain/decision/decision-rule-codes';
import { CodedError } from '../../domain/shared/coded-error';

export const DECISION_FLOW_CODES = [
  /** Only the conference's chair opens, saves or records the decision (audited refusal). */
  'DECISION.NOT_THE_CHAIR',
  /** The decision is recorded: a second submit changes nothing. */
  'DECISION.ALREADY_RECORDED',
  /** A core group has no child protection decision (its decision stage is the minutes). */
  'DECISION.NOT_A_CONFERENCE',
  /** Recorded only once the chair has opened the decision stage (or the meeting is over). */
  'DECISION.NOT_AT_DECISION_STAGE',
] as const;

export type DecisionFlowCode = (typeof DECISION_FLOW_CODES)[number];
export type DecisionErrorCode = DecisionRuleCode | DecisionFlowCode;
export { DECISION_RULE_CODES };

export class DecisionError extends CodedError<DecisionErrorCode> {}

/**
 * A decision with field errors, as one refusal: its code is the first field's rule; `details`
 * names every field, its code and its message (parallel lists) for an API client to show each.
 */
export class DecisionFieldsRefused extends DecisionError {
  constructor(readonly fieldErrors: DecisionFieldErrors) {
    const entries = Object.entries(fieldErrors) as [DecisionField, { code: DecisionRuleCode; message: string }][];
    const [field, first] = entries[0]!;
    super(first.code, `the decision has ${entries.length} field error(s); first: ${field}`, {
      rule: first.code,
      field,
      fields: entries.map(([f]) => f),
      codes: entries.map(([, e]) => e.code),
      messages: entries.map(([, e]) => e.message),
    });
  }
}
