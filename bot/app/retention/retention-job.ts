// The daily retention job (kind retention.run): one pending at a time across every instance (a
// fixed dedup key on the shared queue), claimed under a lease by one worker, and each run queues
// the next in the transaction that completes it. Every instance queues one at start, so a job that
// failed for good is replaced by the next deployment or restart (the worker logs 'job failed').
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { JobHandler } from '../jobs/job-kinds';
import type { Clock } from '../ports/clock.port';
import type { JobQueue } from '../ports/job-queue.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { type RetentionPolicy, runRetention } from './run-retention.use-case';

export const RETENTION_JOB_KIND = 'retention.run';
export const retentionJobPayload = z.object({}).strict();
const DEDUP_KEY = 'daily';

export interface RetentionSchedule extends RetentionPolicy {
  /** UTC hour of the daily run. */
  runHourUtc: number;
}

/** The next `hour`:00 UTC strictly after `now`. */
export function nextRetentionRun(now: Date, hour: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Queues the next run unless one is pending or running already (any instance's). */
export async function scheduleRetention(jobs: JobQueue, clock: Clock, runHourUtc: number, tx: TransactionHandle): Promise<boolean> {
  const r = await jobs.enqueue({ kind: RETENTION_JOB_KIND, payload: {}, runAt: nextRetentionRun(clock.now(), runHourUtc), dedupKey: DEDUP_KEY }, tx);
  return r.enqueued;
}

export function retentionJobHandler(deps: AppDeps): JobHandler<z.infer<typeof retentionJobPayload>> {
  return async (_payload, ctx) => {
    const settings = deps.retention;
    // Composed without a retention store (a test's AppDeps): nothing to run, and no next run.
    if (!settings) return;
    await runRetention({ ...deps, retention: settings.store }, settings.schedule);
    await deps.uow.run(async (tx) => {
      // Completed first: the dedup key then no longer blocks the next day's job.
      await ctx.complete(tx);
      await scheduleRetention(deps.jobs, deps.clock, settings.schedule.runHourUtc, tx);
    });
  };
}
