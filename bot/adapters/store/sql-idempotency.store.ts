// IdempotencyStore on SQL. claim() inserts the key with ON CONFLICT DO NOTHING: exactly one
// delivery wins. A second delivery of a completed key gets the recorded answer; of a key still in
// progress, it polls (bounded) until the first one completes; a claim older than staleAfterMs is
// taken over (the turn that held it crashed). Claims carry a token, so a slow first turn whose
// claim was taken over cannot overwrite or release the new owner's claim.
// The first claim attempt and complete() without a transaction go through a per-database batcher
// (idempotency-batcher.ts): concurrent activities share one multi-row statement, same semantics.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../app/ports/clock.port';
import type { IdempotencyClaim, IdempotencyStore } from '../../app/ports/idempotency.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { Database, SqlExecutor } from './database';
import { type IdempotencyBatcher, idempotencyBatcherOf } from './idempotency-batcher';
import { executorOf } from './sql-unit-of-work';

export interface SqlIdempotencyOptions {
  /** An in-progress claim older than this is considered abandoned (default 60 000 ms). */
  staleAfterMs?: number;
  /** How long a second claimer waits for the first to complete (default 10 000 ms). */
  waitMs?: number;
  /** Poll interval while waiting (default 50 ms). */
  pollMs?: number;
  /** Group concurrent claims and completions into multi-row statements (default true). */
  batched?: boolean;
}

export class IdempotencyError extends Error {
  constructor(
    readonly code: 'IDEMPOTENCY.IN_PROGRESS_TIMEOUT' | 'IDEMPOTENCY.CLAIM_LOST',
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SqlIdempotencyStore implements IdempotencyStore {
  private readonly staleAfterMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;
  /** Tokens of the claims this instance holds, with when they were taken (keys are never logged:
   *  they hold conversation ids). */
  private readonly tokens = new Map<string, { token: string; at: number }>();
  private readonly batcher: IdempotencyBatcher | null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    options: SqlIdempotencyOptions = {},
  ) {
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.waitMs = options.waitMs ?? 10_000;
    this.pollMs = options.pollMs ?? 50;
    this.batcher = options.batched === false ? null : idempotencyBatcherOf(db);
  }

  async claim(key: string): Promise<IdempotencyClaim> {
    const giveUpAt = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      const token = randomUUID();
      const now = this.clock.now();
      if (attempt === 0 && this.batcher) {
        // The common case (a new key): one row of a shared multi-row INSERT.
        if (await this.batcher.claim({ key, token, at: now.toISOString() })) return this.hold(key, token);
      } else {
        const inserted = await this.db.query(
          `INSERT INTO idempotency_keys (key, state, claim_token, claimed_at) VALUES ($1, 'in-progress', $2, $3::timestamptz)
           ON CONFLICT (key) DO NOTHING`,
          [key, token, now.toISOString()],
        );
        if (inserted.rowCount === 1) return this.hold(key, token);
      }

      const cutoff = new Date(now.getTime() - this.staleAfterMs).toISOString();
      const takenOver = await this.db.query(
        `UPDATE idempotency_keys SET claim_token = $2, claimed_at = $3::timestamptz
         WHERE key = $1 AND state = 'in-progress' AND claimed_at <= $4::timestamptz`,
        [key, token, now.toISOString(), cutoff],
      );
      if (takenOver.rowCount === 1) return this.hold(key, token);

      // As text, parsed here: drivers differ in whether they parse jsonb, and a recorded string
      // answer ("ok") must not be parsed twice.
      const { rows } = await this.db.query<{ state: string; response: string | null }>('SELECT state, response::text AS response FROM idempotency_keys WHERE key = $1', [key]);
      const row = rows[0];
      if (row?.state === 'done') return { claimed: false, response: row.response === null ? null : JSON.parse(row.response) };
      // row missing: released between our statements; loop and claim it.
      if (row && Date.now() >= giveUpAt) {
        throw new IdempotencyError('IDEMPOTENCY.IN_PROGRESS_TIMEOUT', `another delivery still holds the key after ${this.waitMs} ms`);
      }
      if (row) await sleep(this.pollMs);
    }
  }

  /** `response` must survive JSON (it is what the second delivery gets back). */
  async complete(key: string, response: unknown, tx?: TransactionHandle): Promise<void> {
    const json = JSON.stringify(response ?? null);
    const at = this.clock.now().toISOString();
    let done: boolean;
    if (!tx && this.batcher) {
      done = await this.batcher.complete({ key, token: this.tokenOf(key), response: json, at });
    } else {
      const ex = tx ? executorOf(tx) : this.db;
      const r = await ex.query(
        `UPDATE idempotency_keys SET state = 'done', response = $2::jsonb, completed_at = $3::timestamptz
         WHERE key = $1 AND state = 'in-progress' AND claim_token = $4`,
        [key, json, at, this.tokenOf(key)],
      );
      done = r.rowCount === 1;
    }
    if (!done) throw new IdempotencyError('IDEMPOTENCY.CLAIM_LOST', 'the claim was released or taken over before completion');
    // Inside a caller's transaction the completion may still roll back: keep the token until pruned.
    if (!tx) this.tokens.delete(key);
  }

  async release(key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE key = $1 AND state = 'in-progress' AND claim_token = $2`, [key, this.tokenOf(key)]);
    this.tokens.delete(key);
  }

  /** Retention: forgets completed keys older than `before` (redeliveries come within minutes). */
  async purgeCompletedBefore(before: Date): Promise<number> {
    const r = await this.db.query(`DELETE FROM idempotency_keys WHERE state = 'done' AND completed_at < $1::timestamptz`, [before.toISOString()]);
    return r.rowCount;
  }

  /** Retention (the daily retention job, bot/app/retention): completed keys, and claims abandoned by a crashed turn
   *  (in progress, taken before `before`: far older than staleAfterMs), older than `before`. */
  purgeExpired(before: Date): Promise<number> {
    return purgeExpiredKeys(this.db, before);
  }

  private hold(key: string, token: string): IdempotencyClaim {
    const now = Date.now();
    if (this.tokens.size >= 1000) {
      // Bounded memory: a claim this old has been taken over or finished long ago.
      for (const [k, t] of this.tokens) if (now - t.at > 2 * this.staleAfterMs) this.tokens.delete(k);
    }
    this.tokens.set(key, { token, at: now });
    return { claimed: true };
  }

  /** Claims made by another instance (or before a restart) have no token here; '' never matches. */
  private tokenOf(key: string): string {
    return this.tokens.get(key)?.token ?? '';
  }
}

/** Completed keys and abandoned claims older than `before`, deleted; also the retention job's step, inside its transaction. */
export async function purgeExpiredKeys(db: SqlExecutor, before: Date): Promise<number> {
  const r = await db.query(
    `DELETE FROM idempotency_keys
     WHERE (state = 'done' AND completed_at < $1::timestamptz) OR (state = 'in-progress' AND claimed_at < $1::timestamptz)`,
    [before.toISOString()],
  );
  return r.rowCount;
}
