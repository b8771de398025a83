// The invite list's and attendance's refusals (bot/app/errors/error-codes.ts combines them). A
// field error carries the field names and codes (never the values), so a card can show each
// beside its field and the API can answer 422 with the same list.
import type { FieldError } from '../../domain/invite-list/invitee-rules';
import type { AttendanceRuleCode } from '../../domain/invite-list/attendance-rules';
import { CodedError } from '../../domain/shared/coded-error';

export const INVITE_LIST_ERROR_CODES = [
  /** One or more fields break a rule of the invite list; `details.fields` lists them. */
  'INVITE_LIST.INVALID_INVITEE',
  /** The conference is stood down, held or closed: its list no longer changes. */
  'INVITE_LIST.NOT_EDITABLE',
  /** An invited person's e-mail or role cannot change in place: remove them and add the new entry. */
  'INVITE_LIST.CONTACT_CHANGE_NEEDS_REINVITE',
  // attendance (bot/domain/invite-list/attendance-rules.ts)
  'ATTENDANCE.CONFERENCE_STOOD_DOWN',
  'ATTENDANCE.CONFERENCE_OVER',
  'ATTENDANCE.NOT_A_PROFESSIONAL',
  'ATTENDANCE.COLLEAGUE_REQUIRED',
  /** The colleague picked is not in the directory. */
  'ATTENDANCE.COLLEAGUE_NOT_FOUND',
] as const;

export type InviteListErrorCode = (typeof INVITE_LIST_ERROR_CODES)[number];

const RULES_COVERED: Exclude<AttendanceRuleCode, InviteListErrorCode> extends never ? true : false = true;
void RULES_COVERED;

export class InviteListError extends CodedError<InviteListErrorCode> {}

/** Field errors of one invitee: the API's 422 details, the card's messages beside the fields. */
export class InvalidInvitee extends Error {
  readonly code = 'INVITE_LIST.INVALID_INVITEE' as const;
  constructor(readonly fields: FieldError[]) {
    super(`the invitee breaks ${fields.length} rule(s): ${fields.map((f) => `${f.field} ${f.code}`).join(', ')}`);
  }
  get details(): { fields: FieldError[] } {
    return { fields: this.fields.map((f) => ({ field: f.field, code: f.code, message: f.message })) };
  }
}
