// The service's database role (migration 006): the bot, connected as a login role that is a member
// of cpc_service, does its ordinary work and appends to the audit log, but cannot change,
// delete or truncate entries, nor disable, drop or replace the audit triggers. On PostgreSQL it
// connects as that login role; on PGlite (one connection) the session switches with SET ROLE.
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate, migrateAsOwner, pendingMigrations } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlAuditLog, verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import type { Backend } from '../backends';
import { sampleConference, TEST_AUDIT_KEY } from '../fixtures';
import { TEST_JOB_KINDS } from '../support/job-kinds';

const REPLACE_FUNCTION = `CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`;

export function serviceRoleSuite(backend: Backend): void {
  describe('the service role', () => {
    let owner: Database;
    let service: Database;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      owner = fresh.db;
      await migrate(owner);
      if (backend.name === 'postgres') {
        // What the deploying admin does (docs/storage.md), with an invented role name.
        const login = `cpc_t_bot_${randomBytes(4).toString('hex')}`;
        await owner.exec(`CREATE ROLE ${login} LOGIN PASSWORD 'test-only-password'; GRANT cpc_service TO ${login};`);
        const url = new URL(fresh.url!);
        url.username = login;
        url.password = 'test-only-password';
        service = await openDatabase({ databaseUrl: url.toString(), dataDir: ':memory:' });
        cleanup = async () => {
          await service.close();
          await owner.exec(`DROP OWNED BY ${login}; DROP ROLE ${login}`);
          await owner.close();
          await fresh.drop();
        };
      } else {
        await owner.exec('SET ROLE cpc_service');
        service = owner;
        cleanup = () => owner.close();
      }
      const who = await service.query<{ u: string }>('SELECT current_user AS u');
      expect(who.rows[0]?.u).not.toBe('postgres');
    });
    afterAll(() => cleanup());

    test('appends through SqlAuditLog, reads the log, and does its ordinary work', async () => {
      const clock = new ManualClock('2026-06-01T09:00:00.000Z');
      const log = new SqlAuditLog(service, clock, TEST_AUDIT_KEY);
      const rec = await log.append({ actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-role', detail: { n: 1 } });
      expect(rec.seq).toBe(1);
      expect((await log.forConference('conf-role')).map((r) => r.seq)).toEqual([1]);
      expect(await verifyAuditChain(service, TEST_AUDIT_KEY)).toMatchObject({ ok: true, entries: 1 });
      // Conferences (read/write), clerk alerts (a bigserial: the sequence) and the readiness probe.
      const store = new SqlConferenceStore(service);
      await store.create(sampleConference('conf-role'));
      expect((await store.get('conf-role'))?.version).toBe(1);
      await new SqlClerkAlerts(service, log, clock).alertClerk({ conferenceId: 'conf-role', code: 'INVITATION.LATE', severity: 'warning', detail: { invitees: ['inv-1'] } });
      expect(await pendingMigrations(service)).toEqual([]);
    });

    test('enqueues, claims, completes and fails jobs (008: default privileges, the id sequence)', async () => {
      const clock = new ManualClock('2026-06-01T09:00:00.000Z');
      const queue = new SqlJobQueue(service, clock, TEST_JOB_KINDS, { maxAttempts: 1 });
      const uow = new SqlUnitOfWork(service);
      for (const n of [1, 2]) await uow.run((tx) => queue.enqueue({ kind: 'test.count', payload: { n }, runAt: clock.now(), dedupKey: `role-${n}` }, tx));
      const [a, b] = await queue.claim('role-worker', 10);
      await uow.run((tx) => queue.complete(a!.id, 'role-worker', tx));
      expect(await queue.fail(b!.id, 'role-worker', 'TEST.BOOM')).toBe('failed');
      const rows = await service.query<{ status: string }>('SELECT status FROM jobs ORDER BY id');
      expect(rows.rows.map((r) => r.status)).toEqual(['done', 'failed']);
      await service.exec('DELETE FROM jobs');
    });

    test.each([
      ['UPDATE', "UPDATE audit_log SET action = 'x.y' WHERE seq = 1", /permission denied/],
      ['DELETE', 'DELETE FROM audit_log', /permission denied/],
      ['TRUNCATE', 'TRUNCATE audit_log', /permission denied/],
      ['DISABLE TRIGGER', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update', /must be owner/],
      ['DISABLE TRIGGER USER', 'ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/],
      ['DROP TRIGGER', 'DROP TRIGGER audit_log_no_update ON audit_log', /must be owner/],
      ['replacing the trigger function', REPLACE_FUNCTION, /must be owner|permission denied/],
      ['changing the trigger function', 'ALTER FUNCTION audit_log_refuse_change() RENAME TO gone', /must be owner|permission denied/],
      ['dropping the trigger function', 'DROP FUNCTION audit_log_refuse_change() CASCADE', /must be owner/],
      ['DROP TABLE', 'DROP TABLE audit_log', /must be owner/],
      ['DELETE on the head', 'DELETE FROM audit_head', /permission denied/],
      ['TRUNCATE on the head', 'TRUNCATE audit_head', /permission denied/],
      ['moving the head back', 'UPDATE audit_head SET seq = 0', /forward one entry/],
      ['disabling the head trigger', 'ALTER TABLE audit_head DISABLE TRIGGER USER', /must be owner/],
      ['recording a migration', "INSERT INTO schema_migrations (name, checksum) VALUES ('999-x', 'x')", /permission denied/],
      ['creating a table', 'CREATE TABLE sneaky (id int)', /permission denied/],
    ])('%s is refused', async (_label, sql, message) => {
      await expect(service.exec(sql)).rejects.toThrow(message);
      expect(await verifyAuditChain(service, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
    });
  });

  if (backend.name !== 'postgres') return;
  test('start-up migrates as the owner on a connection of its own, closes it, and serves as the service role', async () => {
    const fresh = await backend.fresh();
    await fresh.db.close(); // only the start-up's own connections from here on
    const login = `cpc_t_bot_${randomBytes(4).toString('hex')}`;
    const admin = await fresh.reopen();
    await admin.exec(`CREATE ROLE ${login} LOGIN`);
    await admin.close();
    const url = new URL(fresh.url!);
    url.username = login;
    const serviceUrl = url.toString();
    const service = await openDatabase({ databaseUrl: serviceUrl, dataDir: ':memory:' });
    let owner: Database | undefined;
    try {
      // The service role cannot migrate (no CREATE on the schema): the owner's URL is what works.
      await expect(migrate(service)).rejects.toMatchObject({ code: 'STORE.MIGRATION_NOT_PERMITTED', message: expect.stringContaining('DATABASE_MIGRATION_URL') });
      expect(await migrateAsOwner(service, fresh.url!, serviceUrl)).toContain('006-service-role');
      const others = await service.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user');
      expect(others.rows[0]?.n).toBe(0);
      owner = await fresh.reopen();
      await owner.exec(`GRANT cpc_service TO ${login}`);
      // Once migrated (say by `npm run db:migrate` in the deployment), the service's own start-up step passes.
      expect(await migrate(service)).toEqual([]);
      const rec = await new SqlAuditLog(service, new ManualClock('2026-06-01T09:00:00.000Z'), TEST_AUDIT_KEY).append({ actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: null, detail: {} });
      expect(rec.seq).toBe(1);
      await expect(service.exec('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    } finally {
      await service.close();
      owner ??= await fresh.reopen();
      await owner.exec(`DROP OWNED BY ${login}; DROP ROLE ${login}`);
      await owner.close();
      await fresh.drop();
    }
  }, 60_000);
}
