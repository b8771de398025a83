// The product's job handlers, one per kind of JOB_KINDS: the composition root starts a JobWorker
// with them (bot/main.ts).
import type { AppDeps } from '../app-deps';
import { REMINDER_JOB_KIND } from '../reminders/reminder-job';
import { reminderJobHandler } from '../reminders/send-reminder.handler';
import type { JOB_KINDS, JobHandlers } from './job-kinds';
import { ALERT_REPEAT_JOB_KIND, alertRepeatJobHandler } from '../meeting/live/alert-repeat-job';

export function productJobHandlers(app: AppDeps): JobHandlers<typeof JOB_KINDS> {
  return { [REMINDER_JOB_KIND]: reminderJobHandler(app), [ALERT_REPEAT_JOB_KIND]: alertRepeatJobHandler(app) };
}
