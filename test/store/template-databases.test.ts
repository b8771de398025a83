// The tests' template databases (test/support/template-databases.ts) must be what they replace: a
// fresh initdb (empty), or that plus every migration (migrated), with the product's settings,
// and each one its own instance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, pendingMigrations } from '../../bot/adapters/store/migrate';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { emptyMemoryDatabase, migratedMemoryDatabase, seedDataDir } from '../support/template-databases';

const show = async (db: Awaited<ReturnType<typeof emptyMemoryDatabase>>, name: string) =>
  (await db.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];

describe('template in-memory databases', () => {
  test('empty: no schema yet; migrate applies every migration', async () => {
    const db = await emptyMemoryDatabase();
    try {
      expect((await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t")).rows[0]?.t).toBeNull();
      expect(await migrate(db)).toEqual(loadMigrations().map((m) => m.name));
    } finally {
      await db.close();
    }
  });

  test('migrated: nothing pending, migrate applies nothing, and the tables are there', async () => {
    const db = await migratedMemoryDatabase();
    try {
      expect(await pendingMigrations(db)).toEqual([]);
      expect(await migrate(db)).toEqual([]);
      expect((await db.query('SELECT * FROM conferences')).rows).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test('the product settings apply (as openDatabase gives an in-memory database)', async () => {
    const db = await emptyMemoryDatabase();
    try {
      expect(await show(db, 'shared_buffers')).toBe('16MB');
      expect(await show(db, 'wal_buffers')).toBe('1MB');
    } finally {
      await db.close();
    }
  });

  test('each database is its own: a row written in one is not in the next', async () => {
    const a = await migratedMemoryDatabase();
    const b = await migratedMemoryDatabase();
    try {
      await a.exec('CREATE TABLE scratch (n int); INSERT INTO scratch VALUES (1)');
      expect((await b.query<{ t: string | null }>("SELECT to_regclass('scratch')::text AS t")).rows[0]?.t).toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('template data folders', () => {
  test.each([
    ['empty', loadMigrations().map((m) => m.name)],
    ['migrated', []],
  ] as const)('a %s folder opens as a DATA_DIR (no lock left in it) and migrate applies %j', async (template, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-template-'));
    try {
      await seedDataDir(dir, template);
      const db = await openDatabase({ dataDir: dir });
      try {
        expect(await migrate(db)).toEqual(expected);
        expect(await show(db, 'shared_buffers')).toBe('16MB');
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
