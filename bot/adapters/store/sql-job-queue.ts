// JobQueue and JobLedger on SQL (migration 008, docs/storage.md Jobs). Every operation is one
// statement (PGlite runs them on its one connection; no script at run time), and every time is
// the Clock port's, passed as a parameter, so ManualClock tests are exact.
import { checkJobRequest, type JobKindTable } from '../../app/jobs/job-kinds';
import type { Clock } from '../../app/ports/clock.port';
import { type ClaimedJob, type EnqueueResult, JobError, type JobLedger, type JobQueue, type JobRequest } from '../../app/ports/job-queue.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { Database } from './database';
import { executorOf } from './sql-unit-of-work';

export interface SqlJobQueueOptions {
  /** How long a claim lasts before another worker may take the job over. */
  leaseMs?: number;
  /** Runs per job, the first included; then `failed`. */
  maxAttempts?: number;
  /** Delay before the second run; doubled for each further one, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const DEFAULTS: Required<SqlJobQueueOptions> = { leaseMs: 5 * 60_000, maxAttempts: 5, backoffMs: 30_000, maxBackoffMs: 60 * 60_000 };
const CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/;

export class SqlJobQueue implements JobQueue, JobLedger {
  private readonly options: Required<SqlJobQueueOptions>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly kinds: JobKindTable,
    options: SqlJobQueueOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async enqueue(job: JobRequest, tx: TransactionHandle): Promise<EnqueueResult> {
    const payload = checkJobRequest(this.kinds, job);
    const r = await executorOf(tx).query<{ id: string }>(
      `INSERT INTO jobs (kind, payload, dedup_key, run_at, created_at) VALUES ($1, $2::jsonb, $3, $4, $5)
       ON CONFLICT (kind, dedup_key) WHERE dedup_key IS NOT NULL AND status IN ('pending', 'running') DO NOTHING
       RETURNING id::text AS id`,
      [job.kind, JSON.stringify(payload), job.dedupKey ?? null, job.runAt.toISOString(), this.clock.now().toISOString()],
    );
    const id = r.rows[0]?.id;
    return id ? { enqueued: true, jobId: id } : { enqueued: false, reason: 'duplicate' };
  }

  async claim(holder: string, limit: number): Promise<ClaimedJob[]> {
    const now = this.clock.now();
    // A lease that ran out means its worker died or stalled: the job is due again (that run counted
    // as an attempt), or failed if it was the last one.
    await this.db.query(
      `UPDATE jobs SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
         lease_holder = NULL, lease_expires_at = NULL, last_error = 'JOBS.LEASE_EXPIRED',
         finished_at = CASE WHEN attempts >= $2 THEN $1::timestamptz END
       WHERE status = 'running' AND lease_expires_at <= $1`,
      [now.toISOString(), this.options.maxAttempts],
    );
    const r = await this.db.query<{ id: string; kind: string; payload: string; attempts: number }>(
      `UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, lease_holder = $1, lease_expires_at = $2
       FROM (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= $3 ORDER BY run_at, id
             FOR UPDATE SKIP LOCKED LIMIT $4) due
       WHERE j.id = due.id
       RETURNING j.id::text AS id, j.kind, j.payload::text AS payload, j.attempts`,
      [holder, new Date(now.getTime() + this.options.leaseMs).toISOString(), now.toISOString(), limit],
    );
    return r.rows.map((row) => ({ id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as unknown, attempt: Number(row.attempts) }));
  }

  async complete(jobId: string, holder: string, tx: TransactionHandle): Promise<void> {
    const r = await executorOf(tx).query(
      `UPDATE jobs SET status = 'done', lease_holder = NULL, lease_expires_at = NULL, finished_at = $3
       WHERE id = $1::bigint AND status = 'running' AND lease_holder = $2 RETURNING id`,
      [jobId, holder, this.clock.now().toISOString()],
    );
    if (r.rowCount !== 1) throw new JobError('JOBS.LEASE_LOST', 'the job is no longer held by this worker', { jobId });
  }

  async fail(jobId: string, holder: string, code: string, options: { final?: boolean } = {}): Promise<'retry' | 'failed' | 'lease-lost'> {
    const now = this.clock.now().getTime();
    const { maxAttempts, backoffMs, maxBackoffMs } = this.options;
    const r = await this.db.query<{ status: string }>(
      `UPDATE jobs SET
         status = CASE WHEN $4 OR attempts >= $5 THEN 'failed' ELSE 'pending' END,
         run_at = CASE WHEN $4 OR attempts >= $5 THEN run_at
                  ELSE $6::timestamptz + make_interval(secs => LEAST($7::float8 * power(2, attempts - 1), $8::float8) / 1000) END,
         finished_at = CASE WHEN $4 OR attempts >= $5 THEN $6::timestamptz END,
         lease_holder = NULL, lease_expires_at = NULL, last_error = $3
       WHERE id = $1::bigint AND status = 'running' AND lease_holder = $2 RETURNING status`,
      [jobId, holder, CODE.test(code) ? code : 'JOBS.HANDLER_FAILED', options.final === true, maxAttempts, new Date(now).toISOString(), backoffMs, maxBackoffMs],
    );
    const status = r.rows[0]?.status;
    return status === undefined ? 'lease-lost' : status === 'failed' ? 'failed' : 'retry';
  }
}
