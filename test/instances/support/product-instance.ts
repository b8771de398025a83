// One product instance of the two-instance test (two-instances.test.ts), in a process of its own:
// the local launcher's composition of startServer (local mode, the real Graph and Teams adapters)
// on the PostgreSQL database in INSTANCE_DATABASE_URL, migrated at start as production does (the
// migrations' advisory lock lets two instances start at once), the clock the test moves
// (INSTANCE_CLOCK_FILE). The Graph sandbox and the Teams connector double run in the test.
// Prints "READY <url>"; SIGTERM closes it gracefully.
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { loadConfig } from '../../../bot/config/load-config';
import { startServer } from '../../../bot/main';
import { LOCAL_MODE } from '../../../scripts/local/sandbox-defaults';
import { FileClock } from './file-clock';

async function main(): Promise<void> {
  const { INSTANCE_DATABASE_URL: databaseUrl, INSTANCE_CLOCK_FILE: clockFile, ...env } = process.env;
  if (!databaseUrl || !clockFile) throw new Error('INSTANCE.USAGE: INSTANCE_DATABASE_URL and INSTANCE_CLOCK_FILE are required');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'warn', PLAYGROUND: '0', ...env }, LOCAL_MODE);
  const database = await openDatabase({ databaseUrl, dataDir: ':memory:' });
  await migrate(database);
  const server = await startServer(config, { database, clock: new FileClock(clockFile) });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
  process.stdout.write(`READY ${server.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`INSTANCE.FAILED ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(3);
});
