// The persistent job queue. Use cases enqueue inside their UnitOfWork transaction, so a job
// commits with the change that makes it due (or not at all); the worker (bot/app/jobs) claims due
// jobs under a lease and each handler completes its job in its own transaction, so the handler's
// effect and the completion commit together. Payloads carry ids only (schemas in bot/app/jobs).
import { CodedError } from '../../domain/shared/coded-error';
import type { TransactionHandle } from './unit-of-work.port';

export interface JobRequest<K extends string = string> {
  kind: K;
  /** Ids, codes, dates and counts only: checked against the kind's schema before it is stored. */
  payload: unknown;
  runAt: Date;
  /** At most one pending or running job per (kind, dedupKey); a second enqueue is a no-op. */
  dedupKey?: string;
}

export type EnqueueResult = { enqueued: true; jobId: string } | { enqueued: false; reason: 'duplicate' };

export interface JobQueue {
  enqueue(job: JobRequest, tx: TransactionHandle): Promise<EnqueueResult>;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  /** As stored; the worker parses it with the kind's schema. */
  payload: unknown;
  /** 1 on the first run. */
  attempt: number;
}

/** The worker's side: claim under a lease, complete in the handler's transaction, or fail. */
export interface JobLedger {
  /** Returns expired leases to pending, then claims up to `limit` due jobs for `holder`. */
  claim(holder: string, limit: number): Promise<ClaimedJob[]>;
  /** Marks the job done inside `tx`; JOBS.LEASE_LOST (rolling `tx` back) if `holder` no longer holds it. */
  complete(jobId: string, holder: string, tx: TransactionHandle): Promise<void>;
  /** Backs off and retries, or `failed` after the last attempt (or at once when `final`). A code, never a message. */
  fail(jobId: string, holder: string, code: string, options?: { final?: boolean }): Promise<'retry' | 'failed' | 'lease-lost'>;
}

export type JobErrorCode = 'JOBS.UNKNOWN_KIND' | 'JOBS.PAYLOAD_INVALID' | 'JOBS.LEASE_LOST' | 'JOBS.HANDLER_FAILED' | 'JOBS.LEASE_EXPIRED';

export class JobError extends CodedError<JobErrorCode> {}
