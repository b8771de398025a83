import { CodedError } from '../shared/coded-error';

export type TimescaleErrorCode =
  /** An anchor kind the engine does not know. */
  | 'TIMESCALES.UNKNOWN_ANCHOR'
  /** checkProposedDate: an anchor that no rule of that conference kind is measured from. */
  | 'TIMESCALES.ANCHOR_NOT_APPLICABLE'
  /** checkProposedDate: none of the anchors the conference kind needs was given. */
  | 'TIMESCALES.MISSING_ANCHOR'
  | 'TIMESCALES.UNKNOWN_KIND'
  | 'TIMESCALES.INVALID_TIME';

export class TimescaleError extends CodedError<TimescaleErrorCode> {
  constructor(
    code: TimescaleErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}
