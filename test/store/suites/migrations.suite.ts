import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, MigrationError, migrate, pendingMigrations } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import type { Backend } from '../backends';
import { sampleConference } from '../fixtures';

const ALL = ['001-conferences', '002-audit-log', '003-idempotency', '004-clerk-alerts', '006-service-role', '007-conference-leases', '008-jobs', '009-conversation-refs', '010-staff-roles', '011-reminders', '012-live-meetings', '014-core-groups', '015-dashboard-indexes'];

export function migrationsSuite(backend: Backend): void {
  describe('migrations', () => {
    test('pending before, none after; a second run applies nothing', async () => {
      const { db, drop } = await backend.fresh();
      try {
        expect(loadMigrations().map((m) => m.name)).toEqual(ALL);
        expect(await pendingMigrations(db)).toEqual(ALL);
        expect(await migrate(db)).toEqual(ALL);
        expect(await pendingMigrations(db)).toEqual([]);
        expect(await migrate(db)).toEqual([]);
        const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
        expect(rows.rows.map((r) => r.name)).toEqual(ALL);
      } finally {
        await db.close();
        await drop();
      }
    });

    test('concurrent runs apply each migration exactly once', async () => {
      const fresh = await backend.fresh();
      // On PostgreSQL: separate pools, as two processes starting at once would have.
      const others = backend.name === 'postgres' ? await Promise.all([fresh.reopen(), fresh.reopen()]) : [fresh.db, fresh.db];
      try {
        const results = await Promise.all([migrate(fresh.db), migrate(others[0]!), migrate(others[1]!)]);
        expect(results.flat().sort()).toEqual(ALL);
        expect(await pendingMigrations(fresh.db)).toEqual([]);
        const head = await fresh.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_head');
        expect(head.rows[0]?.n).toBe(1);
      } finally {
        if (backend.name === 'postgres') for (const o of others) await o.close();
        await fresh.db.close();
        await fresh.drop();
      }
    });

    test('an applied migration whose file changed is refused by name', async () => {
      const { db, drop } = await backend.fresh();
      try {
        const all = loadMigrations();
        await migrate(db, all);
        const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: 'x'.repeat(64) } : m));
        const err = await migrate(db, edited).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(MigrationError);
        expect((err as MigrationError).code).toBe('STORE.MIGRATION_CHANGED');
        expect((err as MigrationError).message).toContain('001-conferences');
      } finally {
        await db.close();
        await drop();
      }
    });

    test('a failing migration rolls back and is not recorded', async () => {
      const { db, drop } = await backend.fresh();
      try {
        const broken = [...loadMigrations(), { name: '900-broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();', checksum: 'b'.repeat(64) }];
        await expect(migrate(db, broken)).rejects.toThrow(/no_such_function/);
        expect(await pendingMigrations(db, broken)).toEqual(['900-broken']);
        const t = await db.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
        expect(t.rows[0]?.t).toBeNull();
      } finally {
        await db.close();
        await drop();
      }
    });
  });
}

/** Embedded only: the data folder keeps everything across close and reopen. */
export function pglitePersistenceSuite(): void {
  test('PGlite data persists across close and reopen of the same DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrate(first);
      await new SqlConferenceStore(first).create(sampleConference('conf-persist'));
      await first.close();

      const second = await openDatabase({ dataDir: dir });
      try {
        expect(await pendingMigrations(second)).toEqual([]);
        expect(await new SqlConferenceStore(second).get('conf-persist')).toEqual({ ...sampleConference('conf-persist'), version: 1 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Embedded only: a second process on the same folder would corrupt it, so it is refused. */
export function pgliteLockSuite(): void {
  test('a DATA_DIR open in a live process is refused; a stale lock is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-pglite-'));
    try {
      // The test runner's parent process is alive and is not this process.
      writeFileSync(join(dir, 'cpc.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'STORE.DATA_DIR_IN_USE' });
      writeFileSync(join(dir, 'cpc.lock'), '999999999');
      const db = await openDatabase({ dataDir: dir });
      expect(readFileSync(join(dir, 'cpc.lock'), 'utf8')).toBe(String(process.pid));
      await db.close();
      expect(existsSync(join(dir, 'cpc.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
