import type { TransactionHandle } from './unit-of-work.port';

/**
 * At most one run of the meeting and invitation use cases per conference at a time. A lease
 * expires (a crashed run blocks nobody for long); a live run renews it inside each step's
 * transaction, so a run whose lease was taken over cannot commit another step.
 */
export interface ConferenceLease {
  /** Takes the lease for `holder` unless another holder's lease is still live. */
  acquire(conferenceId: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends `holder`'s lease inside `tx`; false when it is no longer theirs. */
  renew(conferenceId: string, holder: string, ttlMs: number, tx: TransactionHandle): Promise<boolean>;
  /** Gives the lease up (no effect when it is no longer `holder`'s). */
  release(conferenceId: string, holder: string): Promise<void>;
}
