import type { Conference } from '../../domain/conference/conference';
import type { TransactionHandle } from './unit-of-work.port';

/** Thrown (as a value with a stable code) when a save's expected version is stale. */
export class ConcurrencyConflict extends Error {
  readonly code = 'STORE.VERSION_CONFLICT';
  constructor(readonly conferenceId: string, readonly expectedVersion: number) {
    super(`conference ${conferenceId} changed since version ${expectedVersion}`);
  }
}

export interface ConferenceStore {
  /** `tx` (optional, from UnitOfWork.run): read inside that transaction. */
  get(id: string, tx?: TransactionHandle): Promise<Conference | null>;
  /** Inserts a new conference at version 1 and returns it. */
  create(conference: Omit<Conference, 'version'>, tx?: TransactionHandle): Promise<Conference>;
  /**
   * Saves the whole aggregate (conference + invitees + meeting) in one transaction if the stored
   * version equals `conference.version`; returns it with version + 1, else throws ConcurrencyConflict.
   */
  save(conference: Conference, tx?: TransactionHandle): Promise<Conference>;
}
