// RemindersSent on SQL (migration 011): one statement each, the record inside the handler's
// transaction (the one that completes the job).
import type { RemindersSent, SentReminder } from '../../app/ports/reminders-sent.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { Database } from './database';
import { executorOf } from './sql-unit-of-work';

export class SqlRemindersSent implements RemindersSent {
  constructor(private readonly db: Database) {}

  async wasSent(r: Pick<SentReminder, 'dedupKey' | 'conferenceId' | 'reminder' | 'recipient' | 'fireAt'>, tx?: TransactionHandle): Promise<boolean> {
    const q = tx ? executorOf(tx) : this.db;
    const { rowCount } = await q.query(
      `SELECT 1 FROM reminders_sent WHERE dedup_key = $1 OR (conference_id = $2 AND reminder = $3 AND recipient = $4 AND fire_at = $5) LIMIT 1`,
      [r.dedupKey, r.conferenceId, r.reminder, r.recipient, r.fireAt.toISOString()],
    );
    return (rowCount ?? 0) > 0;
  }

  async record(r: SentReminder, tx: TransactionHandle): Promise<boolean> {
    const { rowCount } = await executorOf(tx).query(
      `INSERT INTO reminders_sent (job_id, dedup_key, conference_id, reminder, recipient, booking_version, fire_at, sent_at, conversation_id, activity_id)
       VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [r.jobId, r.dedupKey, r.conferenceId, r.reminder, r.recipient, r.bookingVersion, r.fireAt.toISOString(), r.sentAt.toISOString(), r.conversationId, r.activityId],
    );
    return rowCount === 1;
  }
}
