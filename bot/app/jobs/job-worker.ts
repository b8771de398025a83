// The worker loop: every pollMs (an unref'd timer, so it never keeps the process alive) it claims a
// batch of due jobs under a lease and runs each job's handler by kind, its payload parsed by the
// kind's schema. A handler completes its job inside its own transaction (ctx.complete(tx)), so its
// effect and the completion commit together; a handler that throws has its job backed off and
// retried. No transaction is held across a handler's outside calls: the claim is its own statement.
import { CodedError } from '../../domain/shared/coded-error';
import type { JobErrorCode, JobLedger } from '../ports/job-queue.port';
import { type SpanOutcome, type Telemetry, telemetryOf } from '../ports/telemetry.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import { type JobHandlers, type JobKindTable, parseJobPayload } from './job-kinds';

export interface JobWorkerOptions<T extends JobKindTable> {
  ledger: JobLedger;
  uow: UnitOfWork;
  kinds: T;
  handlers: JobHandlers<T>;
  /** This worker's lease holder id (unique per process, e.g. host:pid:random). */
  holder: string;
  pollMs?: number;
  batchSize?: number;
  /** Told each failure by job id, kind and code only: never the payload or a message. */
  onFailure?: (failure: { jobId: string; kind: string; code: string; outcome: 'retry' | 'failed' | 'lease-lost' }) => void;
  /** A span per job, by kind and outcome (docs/telemetry.md); absent: off. */
  telemetry?: Telemetry;
}

const FINAL: readonly JobErrorCode[] = ['JOBS.UNKNOWN_KIND', 'JOBS.PAYLOAD_INVALID'];

/** Thrown by a handler when running the job again cannot help: the job is failed at once, with this code. */
export class PermanentJobFailure<C extends string = string> extends CodedError<C> {}

export class JobWorker<T extends JobKindTable> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly o: JobWorkerOptions<T>) {}

  /** Starts polling; the first poll is at once. */
  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Claims one batch and runs it to the end; returns how many jobs it claimed. */
  runOnce(): Promise<number> {
    if (!this.running) this.running = this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops polling and waits for the handlers that are running. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runOnce()
        // a full batch means more may be due: poll again at once
        .then((n) => this.schedule(n >= (this.o.batchSize ?? 10) ? 0 : (this.o.pollMs ?? 1000)))
        .catch(() => this.schedule(this.o.pollMs ?? 1000));
    }, ms);
    this.timer.unref();
  }

  private async batch(): Promise<number> {
    const jobs = await this.o.ledger.claim(this.o.holder, this.o.batchSize ?? 10);
    await Promise.allSettled(jobs.map((job) => this.runJob(job.id, job.kind, job.payload, job.attempt)));
    return jobs.length;
  }

  private runJob(jobId: string, kind: string, stored: unknown, attempt: number): Promise<void> {
    return telemetryOf(this.o).span('cpc.job', { 'cpc.job.kind': kind }, async (span) => span.set({ 'cpc.outcome': await this.runHandler(jobId, kind, stored, attempt) }));
  }

  private async runHandler(jobId: string, kind: string, stored: unknown, attempt: number): Promise<SpanOutcome> {
    const { ledger, holder } = this.o;
    let completed = false;
    try {
      const payload = parseJobPayload(this.o.kinds, kind, stored);
      const handler = this.o.handlers[kind as keyof T & string] as (p: unknown, ctx: Parameters<JobHandlers<T>[keyof T & string]>[1]) => Promise<void>;
      await handler(payload, {
        jobId,
        attempt,
        complete: async (tx) => {
          await ledger.complete(jobId, holder, tx);
          completed = true;
        },
      });
      // A handler with no database effect of its own may leave completion to the worker.
      if (!completed) await this.o.uow.run((tx) => ledger.complete(jobId, holder, tx));
      return 'done';
    } catch (err) {
      // Also when complete() ran: its transaction may still have rolled back. If it committed, the
      // job is done and fail() changes nothing ('lease-lost').
      const code = err instanceof CodedError ? err.code : 'JOBS.HANDLER_FAILED';
      const outcome = await ledger.fail(jobId, holder, code, { final: err instanceof PermanentJobFailure || (FINAL as readonly string[]).includes(code) });
      this.o.onFailure?.({ jobId, kind, code, outcome });
      return outcome;
    }
  }
}
