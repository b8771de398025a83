import type { TransactionHandle } from './unit-of-work.port';

/**
 * Makes a redelivered activity or a card pressed twice take effect once. Two kinds of key (the
 * Teams adapter builds them; docs/cards.md): one per activity (conversation + activity id), for
 * redelivery, and one per card press (conversation + verb + acting user + the card's actionId),
 * so that two people pressing one card each get their own effect. The second delivery gets the
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
