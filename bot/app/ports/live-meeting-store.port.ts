import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import { CodedError } from '../../domain/shared/coded-error';
import type { TransactionHandle } from './unit-of-work.port';

/** Thrown when a save's expected version is stale (another event got there first: re-read, re-apply). */
export class LiveMeetingConflict extends CodedError<'STORE.VERSION_CONFLICT'> {
  constructor(readonly conferenceId: string, readonly expectedVersion: number) {
    super('STORE.VERSION_CONFLICT', `live meeting of ${conferenceId} changed since version ${expectedVersion}`, { conferenceId, expectedVersion });
  }
}

/** The live meeting of each conference (migration 012): one row per conference. */
export interface LiveMeetingStore {
  get(conferenceId: string, tx?: TransactionHandle): Promise<LiveMeeting | null>;
  /** Many at once (the timeliness report reads a year of them): those that exist, by conference id. */
  getMany(conferenceIds: readonly string[]): Promise<Map<string, LiveMeeting>>;
  /** Inserts at version 1; LiveMeetingConflict (expectedVersion 0) when one exists already. */
  create(live: Omit<LiveMeeting, 'version'>, tx?: TransactionHandle): Promise<LiveMeeting>;
  /** Saves if the stored version equals `live.version`; returns it with version + 1. */
  save(live: LiveMeeting, tx?: TransactionHandle): Promise<LiveMeeting>;
  /** Conferences whose live meeting has an alert not yet cleared (the repeat worker, a restart). */
  listWithOpenAlerts(): Promise<string[]>;
}
