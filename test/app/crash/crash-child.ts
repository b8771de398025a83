// A booking use case run in a process of its own, so a test can SIGKILL it mid-step: the real
// SQL store on PostgreSQL and the real Graph adapter against the parent's sandbox. Prints READY
// once its ports are built and DONE when the use case returns. Input: argv op and conference id,
// and CRASH_CHILD (JSON: database URL, Graph settings, the sandbox's CA, the clock, the lease TTL).
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import { createGraphAdapters } from '../../../bot/adapters/graph/create-graph-adapters';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlAuditLog } from '../../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceLease } from '../../../bot/adapters/store/sql-conference-lease';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import type { BookingDeps } from '../../../bot/app/meetings/booking-deps';
import { syncBooking } from '../../../bot/app/meetings/change-booking.use-case';
import type { GraphConfig } from '../../../bot/config/graph-config';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

export interface CrashChildInput {
  databaseUrl: string;
  graph: GraphConfig;
  caPem: string;
  now: string;
  leaseTtlMs: number;
  auditKeyHex: string;
}

export type CrashChildOp = 'book' | 'sync';

async function main(): Promise<void> {
  const [op, conferenceId] = process.argv.slice(2) as [CrashChildOp, string];
  const input = JSON.parse(process.env.CRASH_CHILD ?? '{}') as CrashChildInput;
  const db = await openDatabase({ databaseUrl: input.databaseUrl, dataDir: ':memory:' });
  const clock = new ManualClock(input.now);
  const audit = new SqlAuditLog(db, clock, Buffer.from(input.auditKeyHex, 'hex'));
  const graph = createGraphAdapters(input.graph, { caPem: input.caPem, retryDelaySeconds: 0, sleep: async () => undefined });
  const deps: BookingDeps = {
    store: new SqlConferenceStore(db),
    uow: new SqlUnitOfWork(db),
    lease: new SqlConferenceLease(db, clock),
    meetings: graph.meetings,
    mailer: graph.mailer,
    alerts: new SqlClerkAlerts(db, audit, clock),
    audit,
    clock,
    profileFor: (id) => resolveProfile(id),
    mailSender: input.graph.mailSender,
    leaseTtlMs: input.leaseTtlMs,
  };
  process.stdout.write('READY\n');
  if (op === 'book') await bookMeeting(deps, conferenceId);
  else await syncBooking(deps, conferenceId);
  process.stdout.write('DONE\n');
  graph.close();
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`CRASH_CHILD.FAILED ${(err as { code?: string }).code ?? (err as Error).message}\n`);
  process.exit(3);
});
