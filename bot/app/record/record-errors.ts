// Every code the record area can end with (docs/meeting/record.md); the edges' tables map each.
import { CodedError } from '../../domain/shared/coded-error';

export const RECORD_ERROR_CODES = [
  /** No decision recorded yet for this conference (no live meeting, or the chair has not submitted the card). */
  'RECORD.NO_DECISION',
  /** Only the chair and the clerk issue the record and read its delivery status. */
  'RECORD.NOT_ALLOWED',
  /** Only the conference's chair approves a redacted copy. */
  'RECORD.NOT_THE_CHAIR',
  /** No copy of the record is planned for this invitee. */
  'RECORD.RECIPIENT_NOT_FOUND',
  /** This invitee's copy leaves nothing out for their own exclusion or slot: there is nothing to approve. */
  'RECORD.NOT_A_REDACTED_COPY',
  /** The deployment has no document renderer (a wiring mistake). */
  'RECORD.NOT_CONFIGURED',
] as const;

export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];

export class RecordError extends CodedError<RecordErrorCode> {}
