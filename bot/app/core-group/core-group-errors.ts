// The core group area's codes (docs/meeting/core-groups.md): the domain's rule codes and the use
// cases' own; the edges' tables map each.
import { CORE_GROUP_RULE_CODES, type CoreGroupRuleCode, type MinutesFieldError } from '../../domain/core-group/core-group-codes';
import { CodedError } from '../../domain/shared/coded-error';

export const CORE_GROUP_FLOW_CODES = [
  /** Minutes are only kept for a conference of kind CORE_GROUP. */
  'CORE_GROUP.NOT_A_CORE_GROUP',
  /** No minutes have been saved for this core group yet. */
  'CORE_GROUP.MINUTES_NOT_FOUND',
  /** The minutes were circulated: they are the record now and are not changed here. */
  'CORE_GROUP.MINUTES_CIRCULATED',
] as const;
export type CoreGroupErrorCode = CoreGroupRuleCode | (typeof CORE_GROUP_FLOW_CODES)[number];
export const CORE_GROUP_ERROR_CODES: readonly CoreGroupErrorCode[] = [...CORE_GROUP_RULE_CODES, ...CORE_GROUP_FLOW_CODES];

export class CoreGroupError extends CodedError<CoreGroupErrorCode> {}

/** The template's field errors as one refusal: the first field's code; every field and code in `details`. */
export class MinutesRefused extends CoreGroupError {
  constructor(readonly fieldErrors: readonly MinutesFieldError[]) {
    const first = fieldErrors[0]!;
    super(first.code, first.message, { field: first.field, fields: fieldErrors.map((e) => e.field), codes: fieldErrors.map((e) => e.code), messages: fieldErrors.map((e) => e.message) });
  }
}
