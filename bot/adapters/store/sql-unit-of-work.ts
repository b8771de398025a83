// Turns a store transaction into the opaque TransactionHandle use cases pass around, and back.
// Handles are registered only while their transaction is open, so a handle kept past commit (or
// one made up elsewhere) fails loudly instead of running outside any transaction.
import type { TransactionHandle, UnitOfWork } from '../../app/ports/unit-of-work.port';
import type { Database, SqlExecutor } from './database';

export class TransactionHandleError extends Error {
  constructor(readonly code: 'STORE.TRANSACTION_CLOSED' | 'STORE.FOREIGN_TRANSACTION') {
    super(code === 'STORE.TRANSACTION_CLOSED' ? 'transaction handle used after its transaction ended' : 'not a transaction handle of this store');
  }
}

const open = new WeakMap<TransactionHandle, SqlExecutor>();
const ended = new WeakSet<TransactionHandle>();

/** Runs `fn` in a new transaction and gives it both the executor and the matching handle. */
export async function runWithHandle<T>(db: Database, fn: (tx: SqlExecutor, handle: TransactionHandle) => Promise<T>): Promise<T> {
  const handle = Object.freeze({}) as TransactionHandle;
  try {
    return await db.transaction((tx) => {
      open.set(handle, tx);
      return fn(tx, handle);
    });
  } finally {
    open.delete(handle);
    ended.add(handle);
  }
}

export function executorOf(handle: TransactionHandle): SqlExecutor {
  const tx = open.get(handle);
  if (tx) return tx;
  throw new TransactionHandleError(ended.has(handle) ? 'STORE.TRANSACTION_CLOSED' : 'STORE.FOREIGN_TRANSACTION');
}

/** `fn` inside the caller's transaction when a handle is given, else in a transaction of its own. */
export function withTransaction<T>(db: Database, handle: TransactionHandle | undefined, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return handle ? fn(executorOf(handle)) : db.transaction(fn);
}

export class SqlUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Database) {}

  run<T>(fn: (tx: TransactionHandle) => Promise<T>): Promise<T> {
    return runWithHandle(this.db, (_tx, handle) => fn(handle));
  }
}
