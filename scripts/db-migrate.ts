// npm run db:migrate — applies pending migrations as the schema owner: DATABASE_MIGRATION_URL, else
// DATABASE_URL (a PostgreSQL server) or, when both are unset, the embedded database in DATA_DIR
// (default ./data). Exit 0 done, 1 failure.
import { migrate } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    const applied = await migrate(db);
    console.log(JSON.stringify({ database: db.kind, applied }));
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = err as { code?: string; message?: string };
    console.error(`db:migrate failed: ${e.code ?? 'ERROR'} ${e.message ?? String(err)}`);
    process.exitCode = 1;
  },
);
