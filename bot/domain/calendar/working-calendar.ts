import type { IsoDate } from './iso-date';

export type CalendarRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

/**
 * Working-day arithmetic for one region plus a deployment's extra closure days
 * (DOMAIN-RULES §1). Implementations index holidays once; every call is allocation-light.
 */
export interface WorkingCalendar {
  readonly region: CalendarRegion;
  isWorkingDay(date: IsoDate): boolean;
  /** The nth working day after (n > 0) or before (n < 0) `date`; n = 0 returns `date` itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /** The last working day on or before `date` (a deadline that lands on a closed day moves earlier). */
  lastWorkingDayOnOrBefore(date: IsoDate): IsoDate;
}
