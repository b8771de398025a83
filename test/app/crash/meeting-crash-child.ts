// The whole product server in a process of its own, so the meeting crash test can SIGKILL it
// mid-conference: local mode, the real SQL store (PGlite in a folder, or PostgreSQL), the real
// Teams adapters sending to the parent's connector stub, scripted Graph. Prints "READY <url>"
// once listening; on SIGTERM it closes cleanly (so the parent may open a PGlite folder after).
// Input: MEETING_CRASH_CHILD (JSON: dataDir or databaseUrl, and extra env settings).
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { loadConfig } from '../../../bot/config/load-config';
import { startServer } from '../../../bot/main';
import { LOCAL_MODE } from '../../../scripts/local/sandbox-defaults';
import { FakeMailer, FakeMeetings } from '../../invitations/booking-fakes';
import { StaticDirectory } from '../../support/static-directory';

export interface MeetingCrashChildInput {
  dataDir?: string;
  databaseUrl?: string;
  env: Record<string, string>;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.env.MEETING_CRASH_CHILD ?? '{}') as MeetingCrashChildInput;
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'warn', PLAYGROUND: '0', ...input.env }, LOCAL_MODE);
  const database = await openDatabase(input.databaseUrl ? { databaseUrl: input.databaseUrl, dataDir: ':memory:' } : { dataDir: input.dataDir! });
  await migrate(database);
  const server = await startServer(config, { database, graph: { meetings: new FakeMeetings(), mailer: new FakeMailer(), installer: null }, directory: new StaticDirectory() });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
  process.stdout.write(`READY ${server.url}\n`);
}

main().catch((err) => {
  process.stderr.write(`MEETING_CRASH_CHILD.FAILED ${(err as { code?: string }).code ?? (err as Error).message}\n`);
  process.exit(3);
});
