// One bot process of the two-process reminder test (two-processes.test.ts): the product's reminder
// handler and worker against the database at argv[2], as holder argv[3], its clock starting at
// argv[4] (ISO) when the parent says "go" on stdin. Its notifier writes each post to test_sends in
// a statement of its own (that is the message reaching Teams), then waits argv[5] ms for the
// "answer": the window between the post and the commit. Prints "ready", later {"ran":N}.
import { createInterface } from 'node:readline';
import { SqlAuditLog } from '../../../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceStore } from '../../../../bot/adapters/store/sql-conference.store';
import { SqlJobQueue } from '../../../../bot/adapters/store/sql-job-queue';
import { SqlRemindersSent } from '../../../../bot/adapters/store/sql-reminders-sent';
import { SqlUnitOfWork } from '../../../../bot/adapters/store/sql-unit-of-work';
import { openDatabase } from '../../../../bot/adapters/store/open-database';
import { JOB_KINDS as ALL_KINDS } from '../../../../bot/app/jobs/job-kinds';
/** The reminder kind alone: these tests run only the reminder handler. */
const JOB_KINDS = { [REMINDER_JOB_KIND]: ALL_KINDS[REMINDER_JOB_KIND] };
import { JobWorker } from '../../../../bot/app/jobs/job-worker';
import type { ChatNotifier } from '../../../../bot/app/ports/chat-notifier.port';
import type { Clock } from '../../../../bot/app/ports/clock.port';
import { REMINDER_JOB_KIND } from '../../../../bot/app/reminders/reminder-job';
import { reminderJobHandler } from '../../../../bot/app/reminders/send-reminder.handler';
import { londonDateOf } from '../../../../bot/adapters/clock/system-clock';
import { resolveProfile } from '../../../../bot/domain/policy/resolve-profile';
import { TEST_AUDIT_KEY } from '../../../store/fixtures';

export const DRAIN_LEASE_MS = 3_000;

async function main(): Promise<void> {
  const [databaseUrl, holder, baseIso, delay] = process.argv.slice(2);
  if (!databaseUrl || !holder || !baseIso || !delay) throw new Error('usage: reminder-drain.ts DATABASE_URL HOLDER BASE_ISO SEND_DELAY_MS');
  const db = await openDatabase({ databaseUrl, dataDir: ':memory:' });
  let t0 = Date.now();
  const base = new Date(baseIso).getTime();
  // Real time passing from the base instant, so leases run out as they would.
  const clock: Clock = { now: () => new Date(base + Date.now() - t0), today: () => londonDateOf(new Date(base + Date.now() - t0)) };
  const audit = new SqlAuditLog(db, clock, TEST_AUDIT_KEY);
  const jobs = new SqlJobQueue(db, clock, JOB_KINDS, { leaseMs: DRAIN_LEASE_MS });
  let ran = 0;
  const notifier: ChatNotifier = {
    async sendCard(personId, card) {
      await db.query('INSERT INTO test_sends (person_id, card, holder) VALUES ($1, $2, $3)', [personId, JSON.stringify(card), holder]);
      ran += 1;
      await new Promise((r) => setTimeout(r, Number(delay)));
      return { conversationId: `a:${personId}`, activityId: `${holder}-${ran}` };
    },
    async updateCard() {
      throw new Error('not used');
    },
  };
  const uow = new SqlUnitOfWork(db);
  const deps = {
    store: new SqlConferenceStore(db),
    uow,
    audit,
    alerts: new SqlClerkAlerts(db, audit, clock),
    clock,
    profileFor: resolveProfile,
    notifier,
    remindersSent: new SqlRemindersSent(db),
    jobs,
  };
  const worker = new JobWorker({ ledger: jobs, uow, kinds: JOB_KINDS, holder, batchSize: 5, handlers: { [REMINDER_JOB_KIND]: reminderJobHandler(deps) } });

  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  t0 = Date.now();
  // Until a second of polls finds nothing to claim.
  for (let idle = 0; idle < 20; ) {
    idle = (await worker.runOnce()) === 0 ? idle + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.close();
  await db.close();
  process.stdout.write(`${JSON.stringify({ ran })}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
