// PGlite's memory settings and the first start of a new DATA_DIR (initdb in a child process).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, PGLITE_SETTINGS } from '../../bot/adapters/store/open-database';

describe('PGlite memory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpc-pglite-mem-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const show = async (db: Awaited<ReturnType<typeof openDatabase>>, name: string) =>
    (await db.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];

  test('a new DATA_DIR is initialised (in a child) and opened with the small buffers', async () => {
    expect(PGLITE_SETTINGS).toEqual(['shared_buffers=16MB', 'wal_buffers=1MB']);
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      expect(await show(db, 'shared_buffers')).toBe('16MB');
      expect(await show(db, 'wal_buffers')).toBe('1MB');
      await db.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);');
    } finally {
      await db.close();
    }
    // Reopened (no initdb this time): the data is there and the settings still apply.
    const again = await openDatabase({ dataDir: dir, pgliteSettings: ['shared_buffers=8MB'] });
    try {
      expect((await again.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      expect(await show(again, 'shared_buffers')).toBe('8MB');
    } finally {
      await again.close();
    }
  }, 120_000);

  test('an in-memory database gets the same settings', async () => {
    const db = await openDatabase({ dataDir: ':memory:' });
    try {
      expect(await show(db, 'shared_buffers')).toBe('16MB');
    } finally {
      await db.close();
    }
  });
});
