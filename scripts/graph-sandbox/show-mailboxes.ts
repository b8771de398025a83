// npm run sandbox:mail [-- --url http://127.0.0.1:5443]: each sandbox mailbox (subject, received
// time, attachments, each .ics's METHOD/SEQUENCE/DTSTART) and the calendars.
import { openDatabase } from '../../bot/adapters/store/open-database';
import { renderText, type SandboxSnapshot, snapshot } from './mailbox-report';
import { createSandboxSchema, SandboxStore } from './sandbox-store';

async function main(): Promise<void> {
  const urlFlag = process.argv.indexOf('--url');
  if (urlFlag >= 0) {
    const base = process.argv[urlFlag + 1];
    if (!base) throw new Error('--url needs the sandbox URL, e.g. --url https://127.0.0.1:5443');
    const r = await fetch(`${base.replace(/\/$/, '')}/_sandbox/state.json`);
    if (!r.ok) throw new Error(`the sandbox answered ${r.status}`);
    process.stdout.write(renderText((await r.json()) as SandboxSnapshot));
    return;
  }
  // The embedded database is single-process: stop the sandbox first (or use --url).
  const db = await openDatabase({ dataDir: process.env.GRAPH_SANDBOX_DATA_DIR ?? '.tmp/graph-sandbox/db', databaseUrl: process.env.DATABASE_URL });
  try {
    await createSandboxSchema(db);
    process.stdout.write(renderText(await snapshot(new SandboxStore(db))));
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(`sandbox:mail: ${(e as Error).message}`);
  process.exit(1);
});
