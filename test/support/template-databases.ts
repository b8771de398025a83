// PGlite databases for tests, started from a template instead of a fresh initdb. PGlite's initdb
// is most of the cost of a new database (measured: 6.2 s of CPU for initdb + migrate, against
// 1.2 s to load the migrated folder from a tarball), and the suites open over a hundred of them.
// The templates — PGlite's own dumpDataDir tarballs for in-memory databases, and cleanly closed
// data folders for the tests of DATA_DIR — are made once and kept in .tmp/pglite-templates under
// a key of the PGlite version, its settings and the migrations' checksums, so a changed migration
// or an upgrade makes new ones. Each database is still its own: only the starting files are shared.
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../bot/adapters/store/database';
import { loadMigrations, migrate } from '../../bot/adapters/store/migrate';
import { openDatabase, PGLITE_SETTINGS, pgliteDatabase } from '../../bot/adapters/store/open-database';

type Template = 'empty' | 'migrated';

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, '.tmp', 'pglite-templates');

function templateKey(): string {
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  const h = createHash('sha256').update(version).update(JSON.stringify(PGLITE_SETTINGS));
  for (const m of loadMigrations()) h.update(`${m.name}:${m.checksum};`);
  return h.digest('hex').slice(0, 16);
}

const create = (loadDataDir?: Blob) => PGlite.create({ postgresqlconf: [...PGLITE_SETTINGS], ...(loadDataDir ? { loadDataDir } : {}) });

/** A checkpoint first, so a database loaded from the tarball starts without WAL replay. */
async function dump(pg: PGlite): Promise<Buffer> {
  await pg.exec('CHECKPOINT');
  return Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
}

function writeAtomically(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

interface Paths {
  tar: Record<Template, string>;
  dir: Record<Template, string>;
}

async function build(paths: Paths): Promise<void> {
  const pg = await create();
  const empty = await dump(pg);
  await migrate(pgliteDatabase(pg));
  const migrated = await dump(pg);
  await pg.close();
  // Folders through the product's own path for a new DATA_DIR (initdb in a child), closed cleanly.
  const work = `${paths.dir.empty}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  await (await openDatabase({ dataDir: work })).close();
  const emptyDir = `${work}-copy`;
  cpSync(work, emptyDir, { recursive: true });
  const db = await openDatabase({ dataDir: work });
  await migrate(db);
  await db.close();
  for (const [from, to] of [[emptyDir, paths.dir.empty], [work, paths.dir.migrated]] as const) {
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
  }
  writeAtomically(paths.tar.empty, empty);
  writeAtomically(paths.tar.migrated, migrated); // last: its presence means every template is there
}

/**
 * Made by jest's globalSetup (test/support/global-setup.ts) before any test, outside the tests'
 * timeouts; a test run without it (another config) makes them on first use. One process builds
 * (a lock file), the others wait for its files.
 * A lock older than ten minutes is taken to be left by a killed process (a build takes seconds;
 * about a minute on a machine loaded many times over).
 */
export async function ensureTemplates(): Promise<Paths> {
  const key = templateKey();
  const paths: Paths = {
    tar: { empty: join(DIR, `${key}-empty.tar`), migrated: join(DIR, `${key}-migrated.tar`) },
    dir: { empty: join(DIR, `${key}-empty.dir`), migrated: join(DIR, `${key}-migrated.dir`) },
  };
  const ready = () => existsSync(paths.tar.migrated) && existsSync(paths.tar.empty) && existsSync(paths.dir.empty) && existsSync(paths.dir.migrated);
  if (ready()) return paths;
  mkdirSync(DIR, { recursive: true });
  const lock = join(DIR, `${key}.lock`);
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 600_000) unlinkSync(lock);
      else await new Promise((r) => setTimeout(r, 100));
      if (ready()) return paths;
      continue;
    }
    try {
      if (!ready()) await build(paths);
      return paths;
    } finally {
      unlinkSync(lock);
    }
  }
}

let paths: Promise<Paths> | undefined;
const loaded: Partial<Record<Template, Promise<Blob>>> = {};

/** A tarball, read once per test file that uses it (jest gives each file its own module registry). */
function tarball(template: Template): Promise<Blob> {
  paths ??= ensureTemplates();
  const p = paths;
  loaded[template] ??= p.then((found) => new Blob([readFileSync(found.tar[template])]));
  return loaded[template];
}

/** A new in-memory database as initdb leaves it (not migrated): the same as openDatabase({ dataDir: ':memory:' }). */
export async function emptyMemoryDatabase(): Promise<Database> {
  return pgliteDatabase(await create(await tarball('empty')));
}

/** A new in-memory database with every migration applied: the same as openDatabase(':memory:') then migrate(). */
export async function migratedMemoryDatabase(): Promise<Database> {
  return pgliteDatabase(await create(await tarball('migrated')));
}

/**
 * Fills `dir` (new or empty) with a data folder as openDatabase({ dataDir: dir }) leaves it on first
 * use — empty, or migrated too — so that opening it skips initdb. The tests of a new folder's
 * first start (test/store/pglite-memory.test.ts, the migrations suite) do not use it.
 */
export async function seedDataDir(dir: string, template: Template): Promise<void> {
  paths ??= ensureTemplates();
  cpSync((await paths).dir[template], dir, { recursive: true });
}
