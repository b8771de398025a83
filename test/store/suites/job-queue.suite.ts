// The job queue (migration 008) and its worker on every back end: a job commits with its
// transaction, dedup keys, claim under a lease and its expiry, back-off then failed, completion in
// the handler's transaction; on PostgreSQL two processes draining 200 jobs due at once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { executorOf, SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import { JobWorker } from '../../../bot/app/jobs/job-worker';
import { JOB_KINDS } from '../../../bot/app/jobs/job-kinds';
import type { Backend } from '../backends';
import { EFFECTS_TABLE, TEST_JOB_KINDS } from '../support/job-kinds';

const T0 = '2026-11-23T09:00:00.000Z';
const at = (iso: string) => new Date(iso);

export function jobQueueSuite(backend: Backend): void {
  describe('the job queue', () => {
    let db: Database;
    let url: string | undefined;
    let drop: () => Promise<void>;
    let clock: ManualClock;
    let uow: SqlUnitOfWork;
    let queue: SqlJobQueue;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      db = fresh.db;
      url = fresh.url;
      drop = fresh.drop;
      await migrate(db);
      await db.exec(EFFECTS_TABLE);
      uow = new SqlUnitOfWork(db);
    });
    beforeEach(async () => {
      await db.exec('DELETE FROM jobs; DELETE FROM job_effects;');
      clock = new ManualClock(T0);
      queue = new SqlJobQueue(db, clock, TEST_JOB_KINDS, { leaseMs: 60_000, maxAttempts: 3, backoffMs: 1_000, maxBackoffMs: 10_000 });
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    const enqueue = (kind: string, payload: unknown, runAt = T0, dedupKey?: string) =>
      uow.run((tx) => queue.enqueue({ kind, payload, runAt: at(runAt), dedupKey }, tx));
    const statuses = async () =>
      (await db.query<{ id: string; status: string; attempts: number; last_error: string | null }>('SELECT id::text AS id, status, attempts, last_error FROM jobs ORDER BY id')).rows;

    test('a job commits with its transaction, and rolls back with it', async () => {
      await expect(
        uow.run(async (tx) => {
          await queue.enqueue({ kind: 'test.touch', payload: { conferenceId: 'CP-TEST-0001' }, runAt: at(T0) }, tx);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await statuses()).toEqual([]);
      const r = await enqueue('test.touch', { conferenceId: 'CP-TEST-0001' });
      expect(r.enqueued).toBe(true);
      expect((await statuses()).map((j) => j.status)).toEqual(['pending']);
    });

    test('refuses an unknown kind and a payload that is not ids, storing nothing', async () => {
      await expect(enqueue('test.nope', { n: 1 })).rejects.toMatchObject({ code: 'JOBS.UNKNOWN_KIND' });
      await expect(enqueue('test.touch', { conferenceId: 'Alex Example' })).rejects.toMatchObject({ code: 'JOBS.PAYLOAD_INVALID' });
      await expect(enqueue('test.touch', { conferenceId: 'CP-TEST-0001', parentEmail: 'alex@example.org' })).rejects.toMatchObject({ code: 'JOBS.PAYLOAD_INVALID' });
      await expect(enqueue('test.count', { n: 'x' })).rejects.toMatchObject({ code: 'JOBS.PAYLOAD_INVALID' });
      expect(await statuses()).toEqual([]);
      // the product's table has no kind yet: nothing can be enqueued against it
      const product = new SqlJobQueue(db, clock, JOB_KINDS);
      await expect(uow.run((tx) => product.enqueue({ kind: 'test.touch', payload: { conferenceId: 'CP-TEST-0001' }, runAt: at(T0) }, tx))).rejects.toMatchObject({
        code: 'JOBS.UNKNOWN_KIND',
      });
    });

    test('one live job per kind and dedup key; a finished one no longer blocks', async () => {
      const first = await enqueue('test.touch', { conferenceId: 'CP-TEST-0001' }, T0, 'reminder:CP-TEST-0001');
      expect(first.enqueued).toBe(true);
      expect(await enqueue('test.touch', { conferenceId: 'CP-TEST-0001' }, T0, 'reminder:CP-TEST-0001')).toEqual({ enqueued: false, reason: 'duplicate' });
      expect((await enqueue('test.count', { n: 1 }, T0, 'reminder:CP-TEST-0001')).enqueued).toBe(true);
      // still blocked while running
      const claimed = await queue.claim('w1', 10);
      expect(claimed).toHaveLength(2);
      expect((await enqueue('test.touch', { conferenceId: 'CP-TEST-0001' }, T0, 'reminder:CP-TEST-0001')).enqueued).toBe(false);
      const job = claimed.find((j) => j.kind === 'test.touch')!;
      await uow.run((tx) => queue.complete(job.id, 'w1', tx));
      expect((await enqueue('test.touch', { conferenceId: 'CP-TEST-0001' }, T0, 'reminder:CP-TEST-0001')).enqueued).toBe(true);
    });

    test('claims due jobs only, in run_at order, under a lease another worker cannot take until it expires', async () => {
      await enqueue('test.count', { n: 2 }, '2026-11-23T08:59:00.000Z');
      await enqueue('test.count', { n: 1 }, '2026-11-23T08:58:00.000Z');
      await enqueue('test.count', { n: 3 }, '2026-11-23T09:00:00.001Z'); // not yet due
      // RETURNING gives no order: sort by n (n follows run_at here)
      const a = (await queue.claim('w1', 10)).sort((x, y) => (x.payload as { n: number }).n - (y.payload as { n: number }).n);
      expect(a.map((j) => [j.payload, j.attempt])).toEqual([
        [{ n: 1 }, 1],
        [{ n: 2 }, 1],
      ]);
      expect(await queue.claim('w2', 10)).toEqual([]);
      clock.advance(1);
      expect((await queue.claim('w2', 10)).map((j) => j.payload)).toEqual([{ n: 3 }]);
      // w1's lease runs out: its jobs are due again, for w2, as a second attempt
      clock.advance(60_000);
      const b = await queue.claim('w2', 1);
      expect(b.map((j) => [j.id, j.attempt])).toEqual([[a[0]!.id, 2]]);
      // the stale holder can no longer complete: its effect rolls back with the refused completion
      await expect(
        uow.run(async (tx) => {
          await executorOf(tx).query("INSERT INTO job_effects VALUES ($1, 'w1')", [a[0]!.id]);
          await queue.complete(a[0]!.id, 'w1', tx);
        }),
      ).rejects.toMatchObject({ code: 'JOBS.LEASE_LOST' });
      expect((await db.query('SELECT 1 FROM job_effects')).rowCount).toBe(0);
      expect(await queue.fail(a[0]!.id, 'w1', 'TEST.BOOM')).toBe('lease-lost');
      await uow.run((tx) => queue.complete(a[0]!.id, 'w2', tx));
      expect((await statuses()).find((j) => j.id === a[0]!.id)?.status).toBe('done');
    });

    test('a failure backs off and retries, then is failed after the last attempt, keeping only the code', async () => {
      const { jobId } = (await enqueue('test.count', { n: 7 })) as { jobId: string };
      const [first] = await queue.claim('w1', 10);
      expect(await queue.fail(first!.id, 'w1', 'TEST.BOOM')).toBe('retry');
      expect(await queue.claim('w1', 10)).toEqual([]); // backing off 1 s
      clock.advance(999);
      expect(await queue.claim('w1', 10)).toEqual([]);
      clock.advance(1);
      const [second] = await queue.claim('w1', 10);
      expect(second?.attempt).toBe(2);
      expect(await queue.fail(jobId, 'w1', 'TEST.BOOM')).toBe('retry');
      clock.advance(1_999);
      expect(await queue.claim('w1', 10)).toEqual([]); // then 2 s
      clock.advance(1);
      expect((await queue.claim('w1', 10))[0]?.attempt).toBe(3);
      // anything not a code is stored as JOBS.HANDLER_FAILED: no message reaches the table
      expect(await queue.fail(jobId, 'w1', 'could not post to Alex Example')).toBe('failed');
      expect(await statuses()).toEqual([{ id: jobId, status: 'failed', attempts: 3, last_error: 'JOBS.HANDLER_FAILED' }]);
      clock.advance(3_600_000);
      expect(await queue.claim('w1', 10)).toEqual([]);
    });

    test('a lease that expires on the last attempt leaves the job failed', async () => {
      await enqueue('test.count', { n: 1 });
      for (let i = 1; i <= 3; i++) {
        expect((await queue.claim('w1', 10)).map((j) => j.attempt)).toEqual([i]);
        clock.advance(60_000);
      }
      expect(await queue.claim('w1', 10)).toEqual([]);
      expect((await statuses()).map((j) => [j.status, j.last_error])).toEqual([['failed', 'JOBS.LEASE_EXPIRED']]);
    });

    describe('the worker', () => {
      const make = (handlers: ConstructorParameters<typeof JobWorker<typeof TEST_JOB_KINDS>>[0]['handlers'], onFailure?: (f: { code: string; outcome: string }) => void) =>
        new JobWorker({ ledger: queue, uow, kinds: TEST_JOB_KINDS, holder: 'w1', handlers, onFailure, batchSize: 10 });
      const insertEffect = (tx: Parameters<typeof executorOf>[0], jobId: string) => executorOf(tx).query("INSERT INTO job_effects VALUES ($1, 'w1')", [jobId]);

      test("commits a handler's effect and its job's completion together, or neither", async () => {
        await enqueue('test.count', { n: 1 });
        await enqueue('test.count', { n: 2 });
        const failures: string[] = [];
        const seen: unknown[] = [];
        const worker = make(
          {
            'test.touch': async () => undefined,
            'test.count': async (payload, ctx) => {
              seen.push(payload);
              await uow.run(async (tx) => {
                await insertEffect(tx, ctx.jobId);
                await ctx.complete(tx);
                if (payload.n === 2 && ctx.attempt === 1) throw new Error('after the completion, before the commit');
              });
            },
          },
          (f) => failures.push(`${f.code}:${f.outcome}`),
        );
        expect(await worker.runOnce()).toBe(2);
        expect(failures).toEqual(['JOBS.HANDLER_FAILED:retry']);
        const rows = await db.query<{ n: number; status: string; effects: string }>(
          "SELECT (payload->>'n')::int AS n, status, (SELECT count(*)::text FROM job_effects e WHERE e.job_id = jobs.id::text) AS effects FROM jobs ORDER BY n",
        );
        expect(rows.rows).toEqual([
          { n: 1, status: 'done', effects: '1' },
          { n: 2, status: 'pending', effects: '0' },
        ]);
        clock.advance(1_000);
        expect(await worker.runOnce()).toBe(1);
        expect((await db.query('SELECT 1 FROM job_effects')).rowCount).toBe(2);
        expect((await statuses()).map((j) => j.status)).toEqual(['done', 'done']);
        expect(seen.map((p) => (p as { n: number }).n).sort()).toEqual([1, 2, 2]);
        await worker.close();
      });

      test('fails a job of an unknown kind or a payload its schema refuses at once, and completes one whose handler did not', async () => {
        await db.query("INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ('test.gone', '{}', $1, $1)", [T0]);
        await db.query("INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ('test.count', '{\"n\":1.5}', $1, $1)", [T0]);
        await enqueue('test.touch', { conferenceId: 'CP-TEST-0002' });
        const touched: string[] = [];
        const worker = make({ 'test.touch': async (p) => void touched.push(p.conferenceId), 'test.count': async () => undefined });
        expect(await worker.runOnce()).toBe(3);
        expect((await statuses()).map((j) => [j.status, j.attempts, j.last_error])).toEqual([
          ['failed', 1, 'JOBS.UNKNOWN_KIND'],
          ['failed', 1, 'JOBS.PAYLOAD_INVALID'],
          ['done', 1, null],
        ]);
        expect(touched).toEqual(['CP-TEST-0002']);
      });

      test('polls on an unref timer and close() waits for the running handler', async () => {
        await enqueue('test.count', { n: 1 });
        let release: () => void = () => undefined;
        let started: () => void = () => undefined;
        const startedP = new Promise<void>((r) => (started = r));
        const worker = new JobWorker({
          ledger: queue,
          uow,
          kinds: TEST_JOB_KINDS,
          holder: 'w1',
          pollMs: 5,
          handlers: {
            'test.touch': async () => undefined,
            'test.count': async (_p, ctx) => {
              started();
              await new Promise<void>((r) => (release = r));
              await uow.run(async (tx) => {
                await insertEffect(tx, ctx.jobId);
                await ctx.complete(tx);
              });
            },
          },
        });
        worker.start();
        await startedP;
        let closed = false;
        const closing = worker.close().then(() => (closed = true));
        await new Promise((r) => setTimeout(r, 20));
        expect(closed).toBe(false);
        release();
        await closing;
        expect((await statuses()).map((j) => j.status)).toEqual(['done']);
        // stopped: a job enqueued now stays pending
        await enqueue('test.count', { n: 2 });
        await new Promise((r) => setTimeout(r, 30));
        expect((await statuses()).map((j) => j.status)).toEqual(['done', 'pending']);
      });
    });

    if (backend.name === 'postgres') {
      test('two processes drain 200 jobs due at once: none run twice, none lost', async () => {
        const values = Array.from({ length: 200 }, (_, i) => `('test.count', '{"n":${i}}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).join(', ');
        await db.query(`INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ${values}`);
        const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
        const script = join(__dirname, '../support/job-drain.ts');
        const run = (holder: string) =>
          new Promise<{ ran: number }>((resolve, reject) => {
            const child = spawn(tsx, [script, url!, holder], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as { ran: number }) : reject(new Error(`drain ${holder} exited ${code}: ${err}`))));
          });
        const [a, b] = await Promise.all([run('proc-a'), run('proc-b')]);
        const counts = await db.query<{ effects: string; distinct_jobs: string; done: string }>(
          "SELECT (SELECT count(*) FROM job_effects)::text AS effects, (SELECT count(DISTINCT job_id) FROM job_effects)::text AS distinct_jobs, (SELECT count(*) FROM jobs WHERE status = 'done')::text AS done",
        );
        expect(counts.rows[0]).toEqual({ effects: '200', distinct_jobs: '200', done: '200' });
        expect(a.ran + b.ran).toBe(200);
        process.stdout.write(`two-process drain: proc-a ran ${a.ran}, proc-b ran ${b.ran}\n`);
      }, 120_000);
    }
  });
}
