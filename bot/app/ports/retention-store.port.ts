// What the retention job (bot/app/retention) deletes from the database, each deletion inside the
// caller's transaction so that it commits with its audit entry or not at all. The audit log itself
// is never deleted: its entries hold ids and codes only, and the chain verifies only whole.
import type { TransactionHandle } from './unit-of-work.port';

export interface RetentionStore {
  /** Completed idempotency keys and abandoned claims older than `before`; how many were deleted. */
  purgeIdempotency(before: Date, tx: TransactionHandle): Promise<number>;
  /**
   * Conferences of the cases whose last conference ended before `endBefore` (Europe/London
   * wall-clock `YYYY-MM-DDTHH:mm`): a case is kept whole while any of its conferences is younger.
   */
  conferencesOfCasesEndedBefore(endBefore: string, limit: number): Promise<{ conferenceId: string; caseReference: string }[]>;
  /** Deletes those conferences and everything kept by conference id (invitees, meeting, live meeting, plans, minutes, alerts, reminders sent, leases). */
  deleteConferences(conferenceIds: string[], tx: TransactionHandle): Promise<number>;
  /** Conferences that ended before `endBefore` with a report whose file has not been deleted. */
  conferencesWithReportFiles(endBefore: string, limit: number): Promise<string[]>;
}
