// The idempotency store's group commit: concurrent claims and completions share multi-row
// statements and still give every caller exactly the answer one statement per key would.
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlIdempotencyStore } from '../../../bot/adapters/store/sql-idempotency.store';
import type { Backend } from '../backends';

/** The same database, counting the statements sent through it. */
function counting(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: {
      kind: db.kind,
      query: (sql, params) => {
        statements.push(sql.trim().split(/\s+/)[0]!.toUpperCase());
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
      transaction: (fn) => db.transaction(fn),
      close: () => db.close(),
    },
  };
}

export function idempotencyBatchingSuite(backend: Backend): void {
  describe('SqlIdempotencyStore batching', () => {
    let base: Database;
    let drop: () => Promise<void>;
    const clock = new ManualClock('2026-06-01T09:00:00.000Z');

    beforeAll(async () => {
      const fresh = await backend.fresh();
      base = fresh.db;
      drop = fresh.drop;
      await migrate(base);
    });
    afterAll(async () => {
      await base.close();
      await drop();
    });

    test('fifty concurrent activities: one INSERT claims all, one UPDATE completes all', async () => {
      const { db, statements } = counting(base);
      const store = new SqlIdempotencyStore(db, clock);
      const keys = Array.from({ length: 50 }, (_, i) => `activity:conv-b:act-${i}`);
      expect(await Promise.all(keys.map((k) => store.claim(k)))).toEqual(keys.map(() => ({ claimed: true })));
      expect(statements).toEqual(['INSERT']);
      await Promise.all(keys.map((k, i) => store.complete(k, { status: 200, n: i })));
      expect(statements).toEqual(['INSERT', 'UPDATE']);
      const { rows } = await base.query<{ n: string }>(`SELECT count(*)::text AS n FROM idempotency_keys WHERE key LIKE 'activity:conv-b:%' AND state = 'done'`);
      expect(rows[0]?.n).toBe('50');
      // Redeliveries each get their own recorded answer.
      const again = await Promise.all(keys.map((k) => new SqlIdempotencyStore(db, clock).claim(k)));
      expect(again).toEqual(keys.map((_, i) => ({ claimed: false, response: { status: 200, n: i } })));
    });

    test('without batching every activity costs its own two statements', async () => {
      const { db, statements } = counting(base);
      const store = new SqlIdempotencyStore(db, clock, { batched: false });
      const keys = ['activity:conv-u:1', 'activity:conv-u:2', 'activity:conv-u:3'];
      await Promise.all(keys.map((k) => store.claim(k)));
      await Promise.all(keys.map((k) => store.complete(k, 'ok')));
      expect(statements).toEqual(['INSERT', 'INSERT', 'INSERT', 'UPDATE', 'UPDATE', 'UPDATE']);
    });

    test('the same key twice in one batch: one claims, the other waits for its answer', async () => {
      const first = new SqlIdempotencyStore(base, clock, { pollMs: 10, waitMs: 5000 });
      const second = new SqlIdempotencyStore(base, clock, { pollMs: 10, waitMs: 5000 });
      const [a, b] = [first.claim('card:conv-d:action-1'), second.claim('card:conv-d:action-1')];
      const winner = await Promise.race([a.then(() => 'a'), b.then(() => 'b')]);
      expect(winner).toBe('a');
      expect(await a).toEqual({ claimed: true });
      await first.complete('card:conv-d:action-1', { card: 'done' });
      expect(await b).toEqual({ claimed: false, response: { card: 'done' } });
    });

    test('one completion the database refuses fails alone; the rest of its batch is recorded', async () => {
      const store = new SqlIdempotencyStore(base, clock);
      const keys = ['activity:conv-f:1', 'activity:conv-f:2', 'activity:conv-f:3'];
      await Promise.all(keys.map((k) => store.claim(k)));
      // jsonb refuses the NUL character: the multi-row UPDATE fails, then each runs on its own.
      const outcomes = await Promise.allSettled([store.complete(keys[0]!, 'fine-1'), store.complete(keys[1]!, 'bad\u0000'), store.complete(keys[2]!, 'fine-3')]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await new SqlIdempotencyStore(base, clock).claim(keys[0]!)).toEqual({ claimed: false, response: 'fine-1' });
      expect(await new SqlIdempotencyStore(base, clock).claim(keys[2]!)).toEqual({ claimed: false, response: 'fine-3' });
      const { rows } = await base.query<{ state: string }>('SELECT state FROM idempotency_keys WHERE key = $1', [keys[1]]);
      expect(rows[0]?.state).toBe('in-progress');
    });

    test('in one batch of completions, a claim that was taken over gets CLAIM_LOST and the others complete', async () => {
      const slow = new SqlIdempotencyStore(base, clock);
      const other = new SqlIdempotencyStore(base, clock);
      await slow.claim('activity:conv-t:old');
      await other.claim('activity:conv-t:fresh');
      clock.advance(61_000);
      const thief = new SqlIdempotencyStore(base, clock);
      expect(await thief.claim('activity:conv-t:old')).toEqual({ claimed: true });
      const outcomes = await Promise.allSettled([slow.complete('activity:conv-t:old', 'late'), other.complete('activity:conv-t:fresh', 'on time')]);
      expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: 'IDEMPOTENCY.CLAIM_LOST' } });
      expect(outcomes[1]).toEqual({ status: 'fulfilled', value: undefined });
      await thief.complete('activity:conv-t:old', 'retry');
      expect(await other.claim('activity:conv-t:old')).toEqual({ claimed: false, response: 'retry' });
    });
  });
}
