import { CodedError } from '../shared/coded-error';

export type CalendarErrorCode =
  /** Not a real 'YYYY-MM-DD' calendar date (2026-02-30, 2026-2-3, '') */
  | 'CALENDAR.INVALID_DATE'
  /** A real date outside the years whose bank holidays are known: never guess. */
  | 'CALENDAR.OUT_OF_RANGE'
  /** A working-day count that is not a whole number. */
  | 'CALENDAR.INVALID_COUNT'
  | 'CALENDAR.UNKNOWN_REGION';

/** A domain error with a stable code; the edges map the code, never the message. */
export class CalendarError extends CodedError<CalendarErrorCode> {
  constructor(
    code: CalendarErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}
