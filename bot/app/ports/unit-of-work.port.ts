/**
 * An open database transaction, opaque to use cases: they only pass it on to store ports so that
 * a state change, its audit entry and its idempotency answer commit or roll back together.
 */
export interface TransactionHandle {
  readonly __transactionHandle: 'opaque';
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction; rolls back if it throws. Pass `tx` to every store call inside. */
  run<T>(fn: (tx: TransactionHandle) => Promise<T>): Promise<T>;
}
