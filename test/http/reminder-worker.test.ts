// The server runs the job worker: a reminder due in its database reaches the notifier without
// anyone asking, every JOB_POLL_MS; close() lets the reminder in flight finish (its sent record and
// the job's completion committed) before the database closes. A file database, reopened after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlJobQueue } from '../../bot/adapters/store/sql-job-queue';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import { JOB_KINDS } from '../../bot/app/jobs/job-kinds';
import type { ChatNotifier } from '../../bot/app/ports/chat-notifier.port';
import { scheduleReminders } from '../../bot/app/reminders/schedule-reminders';
import { loadConfig } from '../../bot/config/load-config';
import { resolveProfile } from '../../bot/domain/policy/resolve-profile';
import { startServer } from '../../bot/main';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { IDS, reminderConference } from '../app/reminders/support/reminder-fixture';
import { seedDataDir } from '../support/template-databases';

it('posts a due reminder on its own, and close() finishes it before the database closes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-reminder-worker-'));
  try {
    await seedDataDir(dir, 'migrated'); // as openDatabase + migrate leave a new folder, without initdb
    const db = await openDatabase({ dataDir: dir });
    const store = new SqlConferenceStore(db);
    const scheduledAt = new ManualClock('2026-11-23T10:00:00.000Z');
    const booked = { ...reminderConference('conf-srv'), status: 'booked' as const };
    booked.invitees = booked.invitees.map((i) => ({ ...i, status: 'invited' as const }));
    await new SqlUnitOfWork(db).run(async (tx) => scheduleReminders({ jobs: new SqlJobQueue(db, scheduledAt, JOB_KINDS), clock: scheduledAt, profileFor: resolveProfile }, await store.create(booked, tx), tx));

    // T9 is due at 09:00 on 4 December: two professionals
    const posted: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let entered: () => void = () => undefined;
    const inPost = new Promise<void>((r) => (entered = r));
    const notifier: ChatNotifier = {
      async sendCard(personId) {
        posted.push(personId);
        entered();
        await held;
        return { conversationId: `a:${personId}`, activityId: `act-${posted.length}` };
      },
      async updateCard() {
        throw new Error('not used');
      },
    };
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: '0', JOB_POLL_MS: '100' }, LOCAL_MODE);
    expect(config.jobPollMs).toBe(100);
    const logDestination = new Writable({ write: (_c, _e, cb) => cb() });
    const server = await startServer(config, { database: db, clock: new ManualClock('2026-12-04T09:00:00.000Z'), notifier, logDestination });
    await inPost;
    const closing = server.close();
    release();
    await closing;
    await expect(db.query('SELECT 1')).rejects.toThrow();

    const again = await openDatabase({ dataDir: dir });
    try {
      const jobs = await again.query<{ dedup_key: string; status: string }>("SELECT dedup_key, status FROM jobs WHERE dedup_key LIKE 'conf-srv:T9:%' ORDER BY dedup_key");
      expect(jobs.rows).toEqual([
        { dedup_key: `conf-srv:T9:${IDS.police}:v1`, status: 'done' },
        { dedup_key: `conf-srv:T9:${IDS.school}:v1`, status: 'done' },
      ]);
      expect(posted.sort()).toEqual([IDS.police, IDS.school]);
      const sent = await again.query<{ recipient: string }>('SELECT recipient FROM reminders_sent ORDER BY recipient');
      expect(sent.rows.map((r) => r.recipient)).toEqual([IDS.police, IDS.school]);
      // the later reminders are not due on this clock: still pending
      expect((await again.query("SELECT 1 FROM jobs WHERE status = 'pending' AND kind = 'reminder.due'")).rowCount).toBe(5);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('JOB_POLL_MS defaults to 5 s and refuses what is not a sensible interval', () => {
  expect(loadConfig({ PORT: '0', PLAYGROUND: '0' }, LOCAL_MODE).jobPollMs).toBe(5000);
  expect(() => loadConfig({ PORT: '0', PLAYGROUND: '0', JOB_POLL_MS: '10' }, LOCAL_MODE)).toThrow(/JOB_POLL_MS/);
  expect(() => loadConfig({ PORT: '0', PLAYGROUND: '0', JOB_POLL_MS: 'soon' }, LOCAL_MODE)).toThrow(/JOB_POLL_MS/);
});
