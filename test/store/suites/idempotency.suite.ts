import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { IdempotencyError, SqlIdempotencyStore } from '../../../bot/adapters/store/sql-idempotency.store';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import type { Backend } from '../backends';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function idempotencySuite(backend: Backend): void {
  describe('SqlIdempotencyStore', () => {
    let db: Database;
    let drop: () => Promise<void>;
    let clock: ManualClock;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      db = fresh.db;
      drop = fresh.drop;
      await migrate(db);
      clock = new ManualClock('2026-06-01T09:00:00.000Z');
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    test('claim, complete, then a redelivery gets the recorded answer', async () => {
      const store = new SqlIdempotencyStore(db, clock);
      expect(await store.claim('conv-1|act-1')).toEqual({ claimed: true });
      await store.complete('conv-1|act-1', { card: 'help', n: 1 });
      expect(await store.claim('conv-1|act-1')).toEqual({ claimed: false, response: { card: 'help', n: 1 } });
      expect(await new SqlIdempotencyStore(db, clock).claim('conv-1|act-1')).toEqual({ claimed: false, response: { card: 'help', n: 1 } });
    });

    test('release after a failure lets a retry claim the key again', async () => {
      const store = new SqlIdempotencyStore(db, clock);
      expect(await store.claim('conv-1|act-2')).toEqual({ claimed: true });
      await store.release('conv-1|act-2');
      expect(await store.claim('conv-1|act-2')).toEqual({ claimed: true });
      await store.complete('conv-1|act-2', null);
      expect(await store.claim('conv-1|act-2')).toEqual({ claimed: false, response: null });
    });

    test('a concurrent second claimer waits and gets the first answer', async () => {
      const first = new SqlIdempotencyStore(db, clock);
      const second = new SqlIdempotencyStore(db, clock, { pollMs: 10, waitMs: 5000 });
      expect(await first.claim('card-7')).toEqual({ claimed: true });
      const waiting = second.claim('card-7');
      await sleep(150);
      await first.complete('card-7', { decided: 'cp-plan' });
      expect(await waiting).toEqual({ claimed: false, response: { decided: 'cp-plan' } });
    });

    test('ten deliveries racing for one key: one claims, the others get its answer', async () => {
      const stores = Array.from({ length: 10 }, () => new SqlIdempotencyStore(db, clock, { pollMs: 10, waitMs: 5000 }));
      const outcomes = await Promise.all(
        stores.map(async (s, i) => {
          const c = await s.claim('race-key');
          if (c.claimed) {
            await sleep(50);
            await s.complete('race-key', { winner: i });
          }
          return c;
        }),
      );
      const winners = outcomes.filter((o) => o.claimed);
      expect(winners).toHaveLength(1);
      const winner = outcomes.indexOf(winners[0]!);
      for (const o of outcomes) if (!o.claimed) expect(o.response).toEqual({ winner });
    });

    test('a waiter gives up with a stable code when the holder never finishes in time', async () => {
      const holder = new SqlIdempotencyStore(db, clock);
      await holder.claim('slow-key');
      const impatient = new SqlIdempotencyStore(db, clock, { pollMs: 10, waitMs: 100 });
      const err = await impatient.claim('slow-key').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IdempotencyError);
      expect((err as IdempotencyError).code).toBe('IDEMPOTENCY.IN_PROGRESS_TIMEOUT');
      await holder.release('slow-key');
    });

    test('a stale claim (crashed turn) is re-claimable, and the old holder cannot complete it', async () => {
      const crashed = new SqlIdempotencyStore(db, clock);
      expect(await crashed.claim('crash-key')).toEqual({ claimed: true });
      clock.advance(59_000);
      expect(await new SqlIdempotencyStore(db, clock, { waitMs: 50, pollMs: 10 }).claim('crash-key').catch((e: IdempotencyError) => e.code)).toBe(
        'IDEMPOTENCY.IN_PROGRESS_TIMEOUT',
      );
      clock.advance(2_000);
      const retry = new SqlIdempotencyStore(db, clock);
      expect(await retry.claim('crash-key')).toEqual({ claimed: true });
      await expect(crashed.complete('crash-key', { from: 'crashed' })).rejects.toMatchObject({ code: 'IDEMPOTENCY.CLAIM_LOST' });
      await crashed.release('crash-key'); // no effect: not its claim any more
      await retry.complete('crash-key', { from: 'retry' });
      expect(await crashed.claim('crash-key')).toEqual({ claimed: false, response: { from: 'retry' } });
    });

    test('complete inside the effect transaction rolls back with it', async () => {
      const store = new SqlIdempotencyStore(db, clock, { waitMs: 50, pollMs: 10 });
      await store.claim('tx-key');
      await expect(
        new SqlUnitOfWork(db).run(async (tx) => {
          await store.complete('tx-key', { ok: true }, tx);
          throw new Error('effect failed');
        }),
      ).rejects.toThrow('effect failed');
      const row = await db.query<{ state: string }>('SELECT state FROM idempotency_keys WHERE key = $1', ['tx-key']);
      expect(row.rows[0]?.state).toBe('in-progress');
      await new SqlUnitOfWork(db).run((tx) => store.complete('tx-key', { ok: true }, tx));
      expect(await store.claim('tx-key')).toEqual({ claimed: false, response: { ok: true } });
    });

    test('completed keys older than a cut-off are purged', async () => {
      const store = new SqlIdempotencyStore(db, clock);
      await store.claim('old-key');
      await store.complete('old-key', 1);
      clock.advance(3_600_000);
      expect(await store.purgeCompletedBefore(new Date(clock.now().getTime() - 60_000))).toBeGreaterThanOrEqual(1);
      expect(await store.claim('old-key')).toEqual({ claimed: true });
    });

    describe('purgeExpired (what the retention job deletes, docs/operations.md#retention)', () => {
      const HOUR = 3_600_000;
      const keysLike = async (prefix: string) =>
        (await db.query<{ key: string }>('SELECT key FROM idempotency_keys WHERE key LIKE $1 ORDER BY key', [`${prefix}%`])).rows.map((r) => r.key);

      test('purges completed keys and abandoned claims older than the retention, keeps the rest', async () => {
        const retentionClock = new ManualClock('2026-01-05T09:00:00.000Z');
        const store = new SqlIdempotencyStore(db, retentionClock, { batched: false });
        // 80 hours ago: completed, and a claim whose turn crashed (never completed)
        await store.claim('ret-old-done');
        await store.complete('ret-old-done', { n: 1 });
        await store.claim('ret-old-abandoned');
        retentionClock.advance(79 * HOUR);
        // 1 hour ago: completed; and one in progress now
        await store.claim('ret-new-done');
        await store.complete('ret-new-done', { n: 2 });
        retentionClock.advance(HOUR);
        await store.claim('ret-new-in-progress');

        const cutoff = () => new Date(retentionClock.now().getTime() - 72 * HOUR);
        expect(await store.purgeExpired(cutoff())).toBe(2);
        expect(await keysLike('ret-')).toEqual(['ret-new-done', 'ret-new-in-progress']);
        expect(await store.claim('ret-new-done')).toEqual({ claimed: false, response: { n: 2 } });
        // 73 hours on, both are past the retention
        retentionClock.advance(73 * HOUR);
        expect(await store.purgeExpired(cutoff())).toBe(2);
        expect(await keysLike('ret-')).toEqual([]);
      });
    });
  });
}
