import type { IsoDate } from '../../domain/calendar/iso-date';
import type { Conference } from '../../domain/conference/conference';
import { CodedError } from '../../domain/shared/coded-error';
import type { TransactionHandle } from './unit-of-work.port';

export const STORE_ERROR_CODES = ['STORE.VERSION_CONFLICT'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** Thrown when a save's expected version is stale. */
export class ConcurrencyConflict extends CodedError<'STORE.VERSION_CONFLICT'> {
  constructor(readonly conferenceId: string, readonly expectedVersion: number) {
    super('STORE.VERSION_CONFLICT', `conference ${conferenceId} changed since version ${expectedVersion}`, { conferenceId, expectedVersion });
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
  /** Conferences whose start date (Europe/London) is from `from` to `to` inclusive, by start time. */
  listStartingBetween(from: IsoDate, to: IsoDate): Promise<Conference[]>;
  /** Conferences with an approval still pending for this approver (an Entra object id). */
  listWithPendingApprovalFor(approverId: string): Promise<Conference[]>;
}
