// The running server purges expired idempotency keys by itself (IDEMPOTENCY_RETENTION_HOURS), on
// an unref'd timer that close() stops before the database closes.
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { type TestServer, startTestServer } from './support/test-server';

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let bot: TestServer;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  bot = await startTestServer({ env: { IDEMPOTENCY_RETENTION_HOURS: '24' }, deps: { clock, idempotencyPurgeIntervalMs: 25 } });
});
afterAll(() => bot.close());

const keys = async () => (await bot.db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((r) => r.key);
const row = (key: string, state: 'done' | 'in-progress', hoursAgo: number) =>
  bot.db.query(
    `INSERT INTO idempotency_keys (key, state, claim_token, claimed_at, completed_at, response)
     VALUES ($1, $2, 't', $3::timestamptz, CASE WHEN $2 = 'done' THEN $3::timestamptz END, CASE WHEN $2 = 'done' THEN '{}'::jsonb END)`,
    [key, state, new Date(clock.now().getTime() - hoursAgo * HOUR).toISOString()],
  );

it('deletes keys older than the configured retention and keeps younger ones', async () => {
  await row('activity:conv-a:old', 'done', 30);
  await row('activity:conv-a:abandoned', 'in-progress', 25);
  await row('activity:conv-a:recent', 'done', 23);
  for (let i = 0; i < 400 && (await keys()).length > 1; i++) await sleep(10);
  expect(await keys()).toEqual(['activity:conv-a:recent']);
  const purged = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'expired idempotency keys purged');
  expect(purged[0]).toMatchObject({ deleted: 2, retentionHours: 24 });

  clock.advance(2 * HOUR);
  for (let i = 0; i < 400 && (await keys()).length > 0; i++) await sleep(10);
  expect(await keys()).toEqual([]);
});

it('close() stops the purge: no run afterwards touches the closed database', async () => {
  await bot.close();
  const before = bot.logs.length;
  await sleep(150);
  const after = bot.logs.slice(before).map((l) => JSON.parse(l) as { msg: string }).map((l) => l.msg);
  expect(after).not.toContain('idempotency purge failed');
});
