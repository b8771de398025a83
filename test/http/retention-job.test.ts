// The running server queues the daily retention job at start (one, whatever the number of starts)
// and its worker runs it when due: expired idempotency keys go, with their audit entry, and the
// next day's run is queued in the same transaction.
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { type TestServer, startTestServer } from './support/test-server';

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let bot: TestServer;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  bot = await startTestServer({ env: { IDEMPOTENCY_RETENTION_HOURS: '24', JOB_POLL_MS: '100' }, deps: { clock } });
});
afterAll(() => bot.close());

const keys = async () => (await bot.db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((r) => r.key);
const retentionJobs = async () =>
  (await bot.db.query<{ status: string; run_at: string }>("SELECT status, to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI') AS run_at FROM jobs WHERE kind = 'retention.run' ORDER BY id")).rows;
const row = (key: string, state: 'done' | 'in-progress', hoursAgo: number) =>
  bot.db.query(
    `INSERT INTO idempotency_keys (key, state, claim_token, claimed_at, completed_at, response)
     VALUES ($1, $2, 't', $3::timestamptz, CASE WHEN $2 = 'done' THEN $3::timestamptz END, CASE WHEN $2 = 'done' THEN '{}'::jsonb END)`,
    [key, state, new Date(clock.now().getTime() - hoursAgo * HOUR).toISOString()],
  );

it('queues one run for 02:00 UTC, runs it when due, audits what it deleted and queues the next', async () => {
  expect(await retentionJobs()).toEqual([{ status: 'pending', run_at: '2026-03-03T02:00' }]);
  await row('activity:conv-a:old', 'done', 30);
  await row('activity:conv-a:abandoned', 'in-progress', 25);
  await row('activity:conv-a:recent', 'done', 2);

  clock.set('2026-03-03T02:00:00.000Z');
  for (let i = 0; i < 300 && (await retentionJobs()).length < 2; i++) await sleep(20);
  expect(await retentionJobs()).toEqual([
    { status: 'done', run_at: '2026-03-03T02:00' },
    { status: 'pending', run_at: '2026-03-04T02:00' },
  ]);
  // 17 hours later the "recent" key is 19 hours old: kept
  expect(await keys()).toEqual(['activity:conv-a:recent']);
  const audited = await bot.db.query<{ actor_id: string; detail: unknown }>("SELECT actor_id, detail::text AS detail FROM audit_log WHERE action = 'retention.idempotency-purged'");
  expect(audited.rows).toHaveLength(1);
  expect(audited.rows[0]!.actor_id).toBe('retention-job');
  expect(JSON.parse(String(audited.rows[0]!.detail))).toEqual({ deleted: 2, before: '2026-03-02T02:00:00.000Z', retentionHours: 24 });
});
