// Applies bot/adapters/store/migrations/NNN-name.sql in order, each in its own transaction and
// recorded in schema_migrations. Every step takes a transaction-scoped advisory lock first, so
// two processes starting at once apply each migration exactly once (on PGlite, one connection
// serialises everything anyway).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, SqlExecutor } from './database';
import { openDatabase } from './open-database';

export interface Migration {
  /** File name without '.sql', e.g. '001-conferences'. */
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(
    readonly code: 'STORE.MIGRATIONS_NOT_FOUND' | 'STORE.MIGRATION_CHANGED' | 'STORE.MIGRATION_UNKNOWN' | 'STORE.MIGRATION_NOT_PERMITTED',
    message: string,
  ) {
    super(message);
  }
}

/** Arbitrary constant shared by every process of this product ('cpcmigr' in ASCII). */
const MIGRATION_LOCK_KEY = 0x6370636d69677200n.toString();
const FILE_RE = /^(\d{3})-[a-z0-9-]+\.sql$/;

/** Source tree first; a compiled build (dist/) finds the .sql files beside its sources. */
function migrationsDir(): string {
  const candidates = [join(__dirname, 'migrations'), resolve(__dirname, '../../../../bot/adapters/store/migrations')];
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new MigrationError('STORE.MIGRATIONS_NOT_FOUND', `no migrations folder in ${candidates.join(' or ')}`);
  return found;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE_RE.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Created only when missing: CREATE … IF NOT EXISTS needs CREATE on the schema, which the service role lacks. */
async function ensureTable(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (rows[0]?.t) return;
  await tx.exec(`CREATE TABLE schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

async function applied(ex: SqlExecutor): Promise<Map<string, string>> {
  const { rows } = await ex.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations');
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

function check(done: Map<string, string>, all: Migration[]): void {
  for (const m of all) {
    const sum = done.get(m.name);
    if (sum !== undefined && sum !== m.checksum) {
      throw new MigrationError('STORE.MIGRATION_CHANGED', `migration ${m.name} was edited after it was applied; add a new migration instead`);
    }
  }
  const known = new Set(all.map((m) => m.name));
  for (const name of done.keys()) {
    if (!known.has(name)) throw new MigrationError('STORE.MIGRATION_UNKNOWN', `the database has migration ${name}, which this build does not know (newer build?)`);
  }
}

/**
 * Applies pending migrations; returns the names applied by this call. With nothing pending it
 * needs only SELECT, so the service role (DATABASE_URL) may run it at start-up.
 */
export async function migrate(db: Database, all: Migration[] = loadMigrations()): Promise<string[]> {
  const appliedNow: string[] = [];
  for (const m of all) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await ensureTable(tx);
      const done = await applied(tx);
      check(done, all);
      if (done.has(m.name)) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      return true;
    }).catch((err: unknown) => {
      // 42501 insufficient_privilege: the service role (DATABASE_URL) with a migration pending.
      if ((err as { code?: unknown }).code !== '42501') throw err;
      throw new MigrationError('STORE.MIGRATION_NOT_PERMITTED', `migration ${m.name} needs the schema owner: set DATABASE_MIGRATION_URL or run npm run db:migrate as the owner (${(err as Error).message})`);
    });
    if (ran) appliedNow.push(m.name);
  }
  return appliedNow;
}

/** Names of migrations not yet applied (the readiness probe fails while any are pending). */
export async function pendingMigrations(db: SqlExecutor, all: Migration[] = loadMigrations()): Promise<string[]> {
  const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!rows[0]?.t) return all.map((m) => m.name);
  const done = await applied(db);
  return all.filter((m) => !done.has(m.name)).map((m) => m.name);
}

/**
 * Start-up: migrations run as the schema owner (DATABASE_MIGRATION_URL) on a short-lived
 * connection, the service then serves on `service` (DATABASE_URL, a restricted role). With no
 * separate owner URL — or on PGlite, which has one user — they run on `service` itself.
 */
export async function migrateAsOwner(service: Database, ownerUrl: string | null, serviceUrl: string | null): Promise<string[]> {
  if (service.kind !== 'postgres' || !ownerUrl || ownerUrl === serviceUrl) return migrate(service);
  const owner = await openDatabase({ databaseUrl: ownerUrl, dataDir: ':memory:', maxConnections: 1 });
  try {
    return await migrate(owner);
  } finally {
    await owner.close();
  }
}
