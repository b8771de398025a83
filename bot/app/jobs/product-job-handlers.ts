// The product's job handlers, one per kind of JOB_KINDS: the composition root starts a JobWorker
// with them (bot/main.ts).
import type { AppDeps } from '../app-deps';
import { REMINDER_JOB_KIND } from '../reminders/reminder-job';
import { reminderJobHandler } from '../reminders/send-reminder.handler';
import type { JOB_KINDS, JobHandlers } from './job-kinds';
import { ALERT_REPEAT_JOB_KIND, alertRepeatJobHandler } from '../meeting/live/alert-repeat-job';
import { ISSUE_RECORD_JOB_KIND, issueRecordJobHandler } from '../record/issue-record-job';
import { RETENTION_JOB_KIND, retentionJobHandler } from '../retention/retention-job';

export function productJobHandlers(app: AppDeps): JobHandlers<typeof JOB_KINDS> {
  return {
    [REMINDER_JOB_KIND]: reminderJobHandler(app), [ALERT_REPEAT_JOB_KIND]: alertRepeatJobHandler(app), [ISSUE_RECORD_JOB_KIND]: issueRecordJobHandler(app),
    [RETENTION_JOB_KIND]: retentionJobHandler(app),
  };
}
