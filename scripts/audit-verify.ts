// npm run audit:verify — checks the audit log's hash chain and prints one JSON line:
//   {"ok":true,"entries":N,"headHash":"…"}  or  {"ok":false,…,"firstBad":{"seq":N,"problem":"edited"}}
// Exit 0 intact, 1 tampered, 2 usage or connection error. Reads DATABASE_URL, else DATA_DIR
// (default ./data); `--database-url URL` and `--data-dir DIR` override them.
import { existsSync } from 'node:fs';
import { pendingMigrations } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { verifyAuditChain } from '../bot/adapters/store/sql-audit-log';

function usage(message: string): never {
  console.error(`audit:verify: ${message}\nusage: npm run audit:verify [-- --database-url URL | --data-dir DIR]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { databaseUrl?: string; dataDir: string } {
  let databaseUrl = process.env.DATABASE_URL || undefined;
  let dataDir = process.env.DATA_DIR || './data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--database-url' && value) databaseUrl = value;
    else if (arg === '--data-dir' && value) dataDir = value;
    else usage(`unknown or incomplete argument ${JSON.stringify(arg)}`);
    i++;
  }
  return { databaseUrl, dataDir };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  // Opening a missing folder would create an empty database and call it intact.
  if (!options.databaseUrl && !existsSync(options.dataDir)) usage(`no database at ${options.dataDir} (set DATA_DIR or DATABASE_URL)`);
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(options);
  } catch (err) {
    console.error(`audit:verify: cannot open the database: ${(err as Error).message}`);
    return 2;
  }
  try {
    if ((await pendingMigrations(db)).includes('002-audit-log')) {
      console.error('audit:verify: the database has no audit log yet (run npm run db:migrate)');
      return 2;
    }
    const verdict = await verifyAuditChain(db);
    console.log(JSON.stringify(verdict));
    return verdict.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`audit:verify: ${(err as Error).message}`);
    process.exitCode = 2;
  },
);
