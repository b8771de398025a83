import type { TransactionHandle } from './unit-of-work.port';

/**
 * Makes a redelivered activity or a card submitted twice take effect once (keyed by
 * conversation id + activity id, or by card action id). The second delivery gets the
 * first delivery's recorded answer.
 */
export type IdempotencyClaim = { claimed: true } | { claimed: false; response: unknown };

export interface IdempotencyStore {
  /** Claims `key`. If it was already completed, returns its response; if another delivery holds
   *  it, waits (bounded) for that one to complete. */
  claim(key: string): Promise<IdempotencyClaim>;
  /** Records the answer for a claimed key (in the same transaction as the effect where possible). */
  complete(key: string, response: unknown, tx?: TransactionHandle): Promise<void>;
  /** Gives a claim up after a failure so that a retry can run. */
  release(key: string): Promise<void>;
}
