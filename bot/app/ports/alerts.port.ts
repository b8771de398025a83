import type { AuditDetail } from './audit-log.port';
import type { MeetingsErrorCode } from './meetings.port';
import type { TransactionHandle } from './unit-of-work.port';

/** What the clerk is told about; a Graph failure that holds the family e-mails keeps Graph's code. */
export type ClerkAlertCode =
  | 'MEETING.OPTIONS_NOT_APPLIED'
  | 'MEETING.EVENT_MISSING'
  | 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED'
  | 'INVITATION.LATE'
  /** A reminder card could not reach its recipient (no 1:1 chat, app not installable): the clerk chases it. */
  | 'REMINDER.NOT_DELIVERED'
  /** A copy of the decision and recommendations record failed or is not confirmed (bot/app/record). */
  | 'RECORD.NOT_CONFIRMED'
  | MeetingsErrorCode;

/** Something the clerk must look at (shown on the dashboard / sent to the clerk's chat). */
export interface ClerkAlert {
  conferenceId: string;
  code: ClerkAlertCode;
  severity: 'warning' | 'critical';
  /** Ids, codes, dates and counts only — never names, addresses or free text. */
  detail: AuditDetail;
}

export interface Alerts {
  /** With `tx` (from UnitOfWork.run) the alert and its audit entry commit with the state change. */
  alertClerk(alert: ClerkAlert, tx?: TransactionHandle): Promise<void>;
}
