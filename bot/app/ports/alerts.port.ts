import type { AuditDetail } from './audit-log.port';
import type { TransactionHandle } from './unit-of-work.port';

/** Something the clerk must look at (shown on the dashboard / sent to the clerk's chat). */
export interface ClerkAlert {
  conferenceId: string;
  /** Stable code, e.g. 'MEETING.OPTIONS_NOT_APPLIED', 'INVITATION.LATE'. */
  code: string;
  severity: 'warning' | 'critical';
  /** Ids, codes, dates and counts only — never names, addresses or free text. */
  detail: AuditDetail;
}

export interface Alerts {
  /** With `tx` (from UnitOfWork.run) the alert and its audit entry commit with the state change. */
  alertClerk(alert: ClerkAlert, tx?: TransactionHandle): Promise<void>;
}
