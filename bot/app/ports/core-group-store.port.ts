import type { ChildPlan, CoreGroupMinutes } from '../../domain/core-group/core-group-minutes';
import { CodedError } from '../../domain/shared/coded-error';
import type { TransactionHandle } from './unit-of-work.port';

export type StoredMinutes = CoreGroupMinutes & { version: number };

/** A save whose expected version is stale (someone else saved first: read again). */
export class CoreGroupConflict extends CodedError<'STORE.VERSION_CONFLICT'> {
  constructor(readonly id: string, readonly expectedVersion: number) {
    super('STORE.VERSION_CONFLICT', `${id} changed since version ${expectedVersion}`, { id, expectedVersion });
  }
}

/** The child's plans and the core groups' minutes (migration 014). */
export interface CoreGroupStore {
  getPlan(planId: string, tx?: TransactionHandle): Promise<ChildPlan | null>;
  /** version 0: create (CoreGroupConflict if it exists); otherwise saves if the stored version matches. */
  savePlan(plan: ChildPlan, tx?: TransactionHandle): Promise<ChildPlan>;
  getMinutes(conferenceId: string, tx?: TransactionHandle): Promise<StoredMinutes | null>;
  /** version 0: create; otherwise optimistic like savePlan. `dueBy`: the T16 date (null when off). */
  saveMinutes(minutes: StoredMinutes, dueBy: string | null, tx?: TransactionHandle): Promise<StoredMinutes>;
  /** Every core group's minutes for a plan, oldest meeting first (the last meeting's scaling). */
  minutesOfPlan(planId: string, tx?: TransactionHandle): Promise<StoredMinutes[]>;
}
