// One of the two processes of the job queue's two-process test (job-queue.suite.ts): drains the
// jobs of the database at argv[2] as holder argv[3], each handler inserting a row into job_effects
// in the transaction that completes its job, then prints {"ran":N} and exits.
import { systemClock } from '../../../bot/adapters/clock/system-clock';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { executorOf, SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import { JobWorker } from '../../../bot/app/jobs/job-worker';
import { TEST_JOB_KINDS } from './job-kinds';

async function main(): Promise<void> {
  const [databaseUrl, holder] = process.argv.slice(2);
  if (!databaseUrl || !holder) throw new Error('usage: job-drain.ts DATABASE_URL HOLDER');
  const db = await openDatabase({ databaseUrl, dataDir: ':memory:' });
  const uow = new SqlUnitOfWork(db);
  const queue = new SqlJobQueue(db, systemClock, TEST_JOB_KINDS);
  let ran = 0;
  const effect = async (jobId: string, complete: (tx: Parameters<typeof executorOf>[0]) => Promise<void>) => {
    await new Promise((r) => setTimeout(r, Math.random() * 3));
    await uow.run(async (tx) => {
      await executorOf(tx).query('INSERT INTO job_effects (job_id, holder) VALUES ($1, $2)', [jobId, holder]);
      await complete(tx);
    });
    ran += 1;
  };
  const worker = new JobWorker({
    ledger: queue,
    uow,
    kinds: TEST_JOB_KINDS,
    holder,
    pollMs: 10,
    batchSize: 5,
    handlers: {
      'test.count': (_p, ctx) => effect(ctx.jobId, ctx.complete),
      'test.touch': (_p, ctx) => effect(ctx.jobId, ctx.complete),
    },
  });
  worker.start();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const left = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM jobs WHERE status IN ('pending', 'running')");
    if (left.rows[0]?.n === '0' || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await worker.close();
  await db.close();
  process.stdout.write(`${JSON.stringify({ ran })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
