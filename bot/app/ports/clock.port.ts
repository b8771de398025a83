import type { IsoDate } from '../../domain/calendar/iso-date';

/** The only way application code reads the time (the domain never does). */
export interface Clock {
  now(): Date;
  /** Today's calendar date in Europe/London. */
  today(): IsoDate;
}
