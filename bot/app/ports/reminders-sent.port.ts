// The record of reminders sent: written in the transaction that completes the reminder's job, so
// a reminder counts as sent exactly when its job is done. One row per (conference, reminder,
// recipient, planned instant): a newer booking version's job for an unchanged reminder finds it.
import type { TransactionHandle } from './unit-of-work.port';

export interface SentReminder {
  jobId: string;
  dedupKey: string;
  conferenceId: string;
  reminder: string;
  recipient: string;
  bookingVersion: number;
  fireAt: Date;
  sentAt: Date;
  /** The Teams message, so that it can be updated later. */
  conversationId: string;
  activityId: string;
}

export interface RemindersSent {
  /** True when this job's dedup key, or the same reminder to the same person at the same instant, was sent. */
  wasSent(r: Pick<SentReminder, 'dedupKey' | 'conferenceId' | 'reminder' | 'recipient' | 'fireAt'>, tx?: TransactionHandle): Promise<boolean>;
  /** Records it in `tx`; false (nothing written) when it was already recorded. */
  record(r: SentReminder, tx: TransactionHandle): Promise<boolean>;
}
