// The reminder job: one kind, one job per (conference, reminder, recipient, booking version).
// Its payload carries ids only; the recipient is a key (the Entra id itself, or a digest of an
// id that is not id-shaped, such as an organiser's UPN) so no address reaches the jobs table.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { REMINDER_IDS, type PlannedReminder } from '../../domain/reminders/reminder-plan';

export const REMINDER_JOB_KIND = 'reminder.due';

export const reminderJobPayload = z
  .object({
    conferenceId: z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/),
    reminder: z.enum(REMINDER_IDS),
    recipient: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
    bookingVersion: z.number().int().min(0),
    /** The instant it was planned for (ms since the epoch): a moved deadline makes it a no-op. */
    fireAt: z.number().int(),
  })
  .strict();
export type ReminderJobPayload = z.infer<typeof reminderJobPayload>;

const ID_SHAPED = /^[A-Za-z0-9._-]{1,100}$/;

/** The recipient as the job and the sent record name them. */
export function recipientKey(recipientId: string): string {
  return ID_SHAPED.test(recipientId) ? recipientId : `h-${createHash('sha256').update(recipientId).digest('hex').slice(0, 32)}`;
}

/** conferenceId + reminder (its rule) + recipient + booking version: a reschedule makes new jobs. */
export function reminderDedupKey(p: Pick<ReminderJobPayload, 'conferenceId' | 'reminder' | 'recipient' | 'bookingVersion'>): string {
  return `${p.conferenceId}:${p.reminder}:${p.recipient}:v${p.bookingVersion}`;
}

export function reminderPayload(conferenceId: string, bookingVersion: number, r: PlannedReminder): ReminderJobPayload {
  return { conferenceId, reminder: r.reminder, recipient: recipientKey(r.recipientId), bookingVersion, fireAt: r.fireAtMs };
}
