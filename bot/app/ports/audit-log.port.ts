import type { TransactionHandle } from './unit-of-work.port';

/** Structured, non-identifying detail: ids, codes, dates and counts — never names or free text. */
export type AuditDetail = Record<string, string | number | boolean | null | string[] | number[]>;

export interface AuditEntryInput {
  /** Entra object id or Teams id of whoever acted ('system' for the bot itself). */
  actorId: string;
  actorRole: string;
  /** Dotted action code, e.g. 'meeting.created', 'invitation.sent', 'tenant.refused'. */
  action: string;
  conferenceId: string | null;
  detail: AuditDetail;
}

export interface AuditRecord extends AuditEntryInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** Append-only, hash-chained (SHA-256 over canonical JSON). */
export interface AuditLog {
  /** With `tx` (from UnitOfWork.run) the entry commits or rolls back with the state change. */
  append(entry: AuditEntryInput, tx?: TransactionHandle): Promise<AuditRecord>;
}
