// RetentionStore on SQL. Conference data goes by case: a case's conferences are deleted together
// once its last one is past the council's retention, so a child's plan and its core groups are
// never split. Rows keyed by conference id without a foreign key (alerts, reminders sent, leases)
// are deleted in the same statement batch; the audit log is not touched (append-only, ids only).
import type { RetentionStore } from '../../app/ports/retention-store.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { Database } from './database';
import { purgeExpiredKeys } from './sql-idempotency.store';
import { executorOf } from './sql-unit-of-work';

export class SqlRetentionStore implements RetentionStore {
  constructor(private readonly db: Database) {}

  purgeIdempotency(before: Date, tx: TransactionHandle): Promise<number> {
    return purgeExpiredKeys(executorOf(tx), before);
  }

  async conferencesOfCasesEndedBefore(endBefore: string, limit: number): Promise<{ conferenceId: string; caseReference: string }[]> {
    const r = await this.db.query<{ id: string; case_reference: string }>(
      `SELECT c.id, c.case_reference FROM conferences c
       WHERE c.case_reference IN (SELECT case_reference FROM conferences GROUP BY case_reference HAVING max(end_at) < $1)
       ORDER BY c.case_reference, c.id LIMIT $2`,
      [endBefore, limit],
    );
    return r.rows.map((row) => ({ conferenceId: row.id, caseReference: row.case_reference }));
  }

  async deleteConferences(conferenceIds: string[], tx: TransactionHandle): Promise<number> {
    if (conferenceIds.length === 0) return 0;
    const q = executorOf(tx);
    for (const table of ['clerk_alerts', 'reminders_sent', 'conference_leases']) {
      await q.query(`DELETE FROM ${table} WHERE conference_id = ANY($1::text[])`, [conferenceIds]);
    }
    // Invitees, the meeting, the live meeting, plans and minutes go with their conference (ON DELETE CASCADE).
    const r = await q.query('DELETE FROM conferences WHERE id = ANY($1::text[])', [conferenceIds]);
    return r.rowCount;
  }

  async conferencesWithReportFiles(endBefore: string, limit: number): Promise<string[]> {
    const r = await this.db.query<{ id: string }>(
      `SELECT DISTINCT c.id FROM conferences c JOIN conference_invitees i ON i.conference_id = c.id
       WHERE c.end_at < $1 AND i.extra -> 'report' IS NOT NULL AND i.extra -> 'report' -> 'fileDeletedAt' IS NULL
       ORDER BY c.id LIMIT $2`,
      [endBefore, limit],
    );
    return r.rows.map((row) => row.id);
  }
}
