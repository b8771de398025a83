// The meeting and invitation use cases on the real store: SqlConferenceStore, SqlAuditLog (with
// its personal-data guard), SqlClerkAlerts, SqlUnitOfWork and the conference lease, on a fresh
// database of the given back end (PGlite always; PostgreSQL on the postgres leg). Graph is the
// scripted FakeMeetings / FakeMailer from test/invitations.
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlAuditLog } from '../../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceLease } from '../../../bot/adapters/store/sql-conference-lease';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import type { BookingDeps } from '../../../bot/app/meetings/booking-deps';
import type { Conference } from '../../../bot/domain/conference/conference';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { FakeMailer, FakeMeetings } from '../../invitations/booking-fakes';
import type { Backend } from '../../store/backends';
import { TEST_AUDIT_KEY } from '../../store/fixtures';

/** A SqlConferenceStore that fails its nth save (1-based), as a crash between two steps would. */
export class CrashingStore extends SqlConferenceStore {
  saves = 0;
  crashOnSave?: number;
  override async save(...args: Parameters<SqlConferenceStore['save']>): Promise<Conference> {
    this.saves += 1;
    if (this.crashOnSave === this.saves) throw new Error('CRASH');
    return super.save(...args);
  }
}

export interface SqlKit {
  db: Database;
  deps: BookingDeps & { store: CrashingStore; meetings: FakeMeetings; mailer: FakeMailer; audit: SqlAuditLog; alerts: SqlClerkAlerts; clock: ManualClock };
  actions(conferenceId?: string): Promise<string[]>;
  auditDetails(action: string, conferenceId?: string): Promise<unknown[]>;
  openAlerts(conferenceId?: string): Promise<{ conferenceId: string; code: string; severity: string; detail: unknown }[]>;
  /** New Graph fakes, the clock back at its start, no crash planned: for the next test on this database. */
  reset(): void;
  stop(): Promise<void>;
}

const START = '2026-11-23T10:00:00.000Z';

export async function startSqlKit(backend: Backend): Promise<SqlKit> {
  const fresh = await backend.fresh();
  const db = fresh.db;
  await migrate(db);
  const clock = new ManualClock(START);
  const audit = new SqlAuditLog(db, clock, TEST_AUDIT_KEY);
  const alerts = new SqlClerkAlerts(db, audit, clock);
  const deps = {
    store: new CrashingStore(db),
    uow: new SqlUnitOfWork(db),
    lease: new SqlConferenceLease(db, clock),
    meetings: new FakeMeetings(),
    mailer: new FakeMailer(),
    alerts,
    audit,
    clock,
    profileFor: (id: string) => resolveProfile(id),
    mailSender: { email: 'conference-team@council.example', name: 'Conference team' },
  };
  return {
    db,
    deps,
    actions: async (id = 'conf-1') => (await audit.forConference(id)).map((e) => e.action),
    auditDetails: async (action, id = 'conf-1') => (await audit.forConference(id)).filter((e) => e.action === action).map((e) => e.detail),
    openAlerts: async (id = 'conf-1') => (await alerts.open(id)).map(({ conferenceId, code, severity, detail }) => ({ conferenceId, code, severity, detail })),
    reset() {
      deps.meetings = new FakeMeetings();
      deps.mailer = new FakeMailer();
      deps.clock.set(START);
      deps.store.saves = 0;
      deps.store.crashOnSave = undefined;
    },
    async stop() {
      await db.close();
      await fresh.drop();
    },
  };
}
