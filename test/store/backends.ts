// The back ends every store suite runs against: embedded PGlite in memory always, and a real
// PostgreSQL server when TEST_DATABASE_URL is set (scripts/with-postgres.sh sets it). Each
// fresh() gives an empty database of its own, so suites and jest workers never share state.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Database } from '../../bot/adapters/store/database';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { emptyMemoryDatabase } from '../support/template-databases';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Opens a new, empty database (not migrated). */
  fresh(): Promise<{ db: Database; url?: string; reopen(): Promise<Database>; drop(): Promise<void> }>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const pglite: Backend = {
  name: 'pglite',
  async fresh() {
    const db = await emptyMemoryDatabase(); // what openDatabase({ dataDir: ':memory:' }) gives, without initdb
    return { db, reopen: () => Promise.reject(new Error('in-memory PGlite cannot be reopened')), drop: async () => undefined };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async fresh() {
    const name = `cpc_t_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const db = await openDatabase({ databaseUrl, dataDir: ':memory:' });
    return {
      db,
      url: databaseUrl,
      reopen: () => openDatabase({ databaseUrl, dataDir: ':memory:' }),
      drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  },
};

/**
 * TEST_BACKENDS (comma-separated names) keeps only those: the test command's PostgreSQL leg sets
 * `postgres`, since its utc leg has already run every suite on PGlite.
 */
const only = process.env.TEST_BACKENDS?.split(',').map((n) => n.trim()).filter((n) => n !== '');
export const BACKENDS: Backend[] = (process.env.TEST_DATABASE_URL ? [pglite, postgres] : [pglite]).filter((b) => !only || only.includes(b.name));
