// Opens the one database the bot uses: embedded PGlite in DATA_DIR by default, a PostgreSQL
// server (node-postgres Pool) when DATABASE_URL is set. Both speak the same SQL and migrations.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { Database, SqlExecutor } from './database';

export interface OpenDatabaseOptions {
  /** postgres://… — when set, a PostgreSQL server is used and dataDir is ignored. */
  databaseUrl?: string;
  /** Folder for the embedded database, or ':memory:' for a throwaway one (tests). */
  dataDir: string;
  /** Pool size for PostgreSQL (default 10). */
  maxConnections?: number;
  /** PGlite's postgresql.conf settings (default PGLITE_SETTINGS: small buffers, see below). */
  pgliteSettings?: string[];
}

/**
 * PGlite's defaults are a server's (shared_buffers 128MB, wal_buffers 4MB): in one process
 * beside the bot they cost about 130 MB of resident memory. The bot's data is small (a few
 * thousand conferences, keys and audit entries), so 16 MB of buffers hold it; measured: RSS
 * after opening 206 → 77 MB above the process's own, no change in CPU per statement.
 */
export const PGLITE_SETTINGS: readonly string[] = ['shared_buffers=16MB', 'wal_buffers=1MB'];

export class DataDirInUse extends Error {
  readonly code = 'STORE.DATA_DIR_IN_USE';
  constructor(dir: string, pid: number) {
    super(`the embedded database in ${dir} is open in process ${pid}; stop it first (PGlite allows one process per folder)`);
  }
}

/**
 * PGlite has no cross-process locking and two processes on one folder corrupt it (say, the bot
 * and `npm run audit:verify`): a pid file refuses the second one. A stale file (dead pid) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const path = join(dir, 'cpc.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirInUse(dir, pid);
      unlinkSync(path);
    }
  }
  throw new Error('STORE.DATA_DIR_LOCK_FAILED');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres({ connectionString: options.databaseUrl, max: options.maxConnections ?? 10 });
  return openPglite(options.dataDir, options);
}

/**
 * A new folder needs PGlite's initdb, which leaves about 700 MB resident in the process that ran
 * it (WebAssembly memory is never given back). Run it in a short-lived child process (this one
 * holds the folder's lock meanwhile) and open the initialised folder here: measured 843 → 174 MB
 * after a first start, for about 0.2 s more. The child gets an empty environment: it needs none
 * (absolute paths only), and the service's secrets stay out of it.
 */
function initdbInChild(dir: string): Promise<void> {
  const script = `require(process.argv[1]).PGlite.create(process.argv[2]).then((pg) => pg.close()).catch((e) => { console.error(e && e.message); process.exit(1); })`;
  return new Promise((done, fail) => {
    execFile(process.execPath, ['-e', script, require.resolve('@electric-sql/pglite'), dir], { env: {}, timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`STORE.INITDB_FAILED: ${String(stderr).trim().slice(-500) || error.message}`));
      else done();
    });
  });
}

async function openPglite(dataDir: string, options: OpenDatabaseOptions): Promise<Database> {
  let pg: PGlite;
  let unlock: () => void = () => undefined;
  if (dataDir === ':memory:') {
    pg = await PGlite.create({ postgresqlconf: [...(options.pgliteSettings ?? PGLITE_SETTINGS)] });
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      if (!existsSync(join(dir, 'PG_VERSION'))) await initdbInChild(dir);
      pg = await PGlite.create(dir, { postgresqlconf: [...(options.pgliteSettings ?? PGLITE_SETTINGS)] });
    } catch (err) {
      unlock();
      throw err;
    }
  }
  return pgliteDatabase(pg, unlock);
}

/**
 * The Database over one PGlite instance (unlock runs after close). Exported for the tests, which
 * start their in-memory databases from a migrated template (PGlite's loadDataDir) instead of
 * paying initdb for each one.
 */
export function pgliteDatabase(pg: PGlite, unlock: () => void = () => undefined): Database {
  const wrap = (ex: PGlite | Transaction): SqlExecutor => ({
    async query<R>(sql: string, params?: unknown[]) {
      const r = await ex.query<R>(sql, params);
      // affectedRows is 0 for a SELECT; node-postgres counts the rows then, and so do we.
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql: string) {
      await ex.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    // PGlite's own transaction API: it holds the single connection until commit or rollback.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(config: PoolConfig): Promise<Database> {
  const pool = new Pool(config);
  // An idle client that loses its connection must not crash the process; the next query retries.
  pool.on('error', () => undefined);
  // Fail fast (and with the server's message) when the URL is wrong.
  const probe = await pool.connect();
  probe.release();

  const wrap = (ex: Pool | PoolClient): SqlExecutor => ({
    async query<R>(sql: string, params?: unknown[]) {
      const r = await ex.query(sql, params);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await ex.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError; // the connection is unusable: destroy it rather than reuse it
        }
        throw err;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    close: () => pool.end(),
  };
}
