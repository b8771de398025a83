// Read, change and save the live meeting in one transaction, again from a fresh read when another
// event saved first (LiveMeetingConflict): a burst of joins in one meeting never loses one.
import { LiveMeetingConflict } from '../../ports/live-meeting-store.port';
import type { TransactionHandle, UnitOfWork } from '../../ports/unit-of-work.port';

const ATTEMPTS = 8;

export async function withLiveRetry<T>(uow: UnitOfWork, fn: (tx: TransactionHandle) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await uow.run(fn);
    } catch (err) {
      if (!(err instanceof LiveMeetingConflict) || attempt >= ATTEMPTS) throw err;
    }
  }
}
