// Enqueues a conference's reminders inside the caller's transaction, so they commit with the
// change that makes them due (booking, reschedule, an invitee added…) or not at all. Call it in
// every step that saves a new bookingVersion: the handler drops a job of an older version.
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { Conference } from '../../domain/conference/conference';
import type { PolicyProfile, ProfileId } from '../../domain/policy/policy-profile';
import { planReminders } from '../../domain/reminders/reminder-plan';
import type { Clock } from '../ports/clock.port';
import type { JobQueue } from '../ports/job-queue.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { REMINDER_JOB_KIND, reminderDedupKey, reminderPayload } from './reminder-job';

export interface ReminderScheduleDeps {
  jobs: JobQueue;
  clock: Clock;
  profileFor: (id: ProfileId) => PolicyProfile;
}

export interface ScheduleResult {
  /** New jobs; `duplicate`: already queued for this booking version; `closed`: its deadline has passed. */
  enqueued: number;
  duplicate: number;
  closed: number;
}

/**
 * The conference's reminders (bot/domain/reminders) enqueued in `tx`, each at its Europe/London
 * time (one already past but whose deadline is still open runs at once). Dedup key: conference +
 * reminder + recipient + booking version.
 */
export async function scheduleReminders(deps: ReminderScheduleDeps, c: Conference, tx: TransactionHandle): Promise<ScheduleResult> {
  const profile = deps.profileFor(c.profileId);
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  const now = deps.clock.now().getTime();
  const result: ScheduleResult = { enqueued: 0, duplicate: 0, closed: 0 };
  for (const r of planReminders(c, profile, calendar)) {
    if (r.closesAtMs <= now) {
      result.closed += 1;
      continue;
    }
    const payload = reminderPayload(c.id, c.bookingVersion, r);
    const q = await deps.jobs.enqueue({ kind: REMINDER_JOB_KIND, payload, runAt: new Date(r.fireAtMs), dedupKey: reminderDedupKey(payload) }, tx);
    if (q.enqueued) result.enqueued += 1;
    else result.duplicate += 1;
  }
  return result;
}
