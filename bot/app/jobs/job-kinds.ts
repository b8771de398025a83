// The job kind table: each kind's payload schema, declared once. The product's table is JOB_KINDS;
// defineJobKinds is also the seam tests use to declare kinds of their own, so no production kind
// exists only for tests. Payloads carry ids only (ARCHITECTURE.md): checked at enqueue and again
// when a worker runs the job.
import type { z } from 'zod';
import { type JobRequest, JobError } from '../ports/job-queue.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { REMINDER_JOB_KIND, reminderJobPayload } from '../reminders/reminder-job';
import { ALERT_REPEAT_JOB_KIND, alertRepeatPayload } from '../meeting/live/alert-repeat-job';
import { ISSUE_RECORD_JOB_KIND, issueRecordPayload } from '../record/issue-record-job';
import { RETENTION_JOB_KIND, retentionJobPayload } from '../retention/retention-job';

export type JobKindTable = Readonly<Record<string, z.ZodType>>;

export function defineJobKinds<const T extends JobKindTable>(table: T): T {
  return Object.freeze({ ...table });
}

/** The product's kinds. */
export const JOB_KINDS = defineJobKinds({
  /** A deadline reminder card (docs/reminders.md). */
  [REMINDER_JOB_KIND]: reminderJobPayload,
  /** The chair's unacknowledged meeting alerts, repeated (docs/meeting/roster-and-alerts.md). */
  [ALERT_REPEAT_JOB_KIND]: alertRepeatPayload,
  /** The decision record's first issue, once the decision is recorded (docs/meeting/record.md). */
  [ISSUE_RECORD_JOB_KIND]: issueRecordPayload,
  /** The daily deletion of what has expired (docs/operations.md#retention). */
  [RETENTION_JOB_KIND]: retentionJobPayload,
});

export interface JobContext {
  jobId: string;
  attempt: number;
  /** Completes the job inside the handler's transaction: call it last in the handler's `uow.run`. */
  complete(tx: TransactionHandle): Promise<void>;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;
export type JobHandlers<T extends JobKindTable> = { [K in keyof T & string]: JobHandler<z.infer<T[K]>> };

const ID_LIKE = /^[^\s@]{1,200}$/;
const MAX_KEYS = 16;

function idsOnly(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return ID_LIKE.test(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean' || value === null) return true;
  if (Array.isArray(value)) return depth === 0 && value.length <= 100 && value.every((v) => idsOnly(v, 1));
  return false;
}

/** The payload parsed by its kind's schema, refused (JOBS.UNKNOWN_KIND / JOBS.PAYLOAD_INVALID) otherwise. */
export function parseJobPayload(kinds: JobKindTable, kind: string, payload: unknown): unknown {
  const schema = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  if (!schema) throw new JobError('JOBS.UNKNOWN_KIND', 'no such job kind', { kind });
  const flat = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? Object.entries(payload) : undefined;
  if (!flat || flat.length > MAX_KEYS || !flat.every(([k, v]) => ID_LIKE.test(k) && idsOnly(v, 0))) {
    throw new JobError('JOBS.PAYLOAD_INVALID', 'a job payload holds ids, codes, dates and counts only', { kind });
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new JobError('JOBS.PAYLOAD_INVALID', 'job payload does not fit its kind', { kind });
  return parsed.data;
}

/** Checks a request before it is stored: known kind, valid payload, a real time. */
export function checkJobRequest(kinds: JobKindTable, job: JobRequest): unknown {
  if (Number.isNaN(job.runAt.getTime())) throw new JobError('JOBS.PAYLOAD_INVALID', 'runAt is not a time', { kind: job.kind });
  return parseJobPayload(kinds, job.kind, job.payload);
}
