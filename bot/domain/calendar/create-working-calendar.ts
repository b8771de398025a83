// The working-day calendar of DOMAIN-RULES §1. Each (region, extra closures) pair is indexed
// once and cached: a prefix count of working days gives add, subtract and count in O(1).
import { BANK_HOLIDAYS } from './bank-holidays.generated';
import { CalendarError } from './calendar-error';
import { DAY_COUNT, fromDayNumber, toDayNumber, weekdayOf } from './civil-date';
import type { IsoDate } from './iso-date';
import type { CalendarRegion, WorkingCalendar } from './working-calendar';

export const CALENDAR_REGIONS: readonly CalendarRegion[] = ['england-and-wales', 'scotland', 'northern-ireland'];

class IndexedWorkingCalendar implements WorkingCalendar {
  /** workingUpTo[d] = number of working days among day numbers 0 … d. */
  private readonly workingUpTo: Int32Array;
  /** The day numbers of all working days, ascending. */
  private readonly workingDays: Int32Array;

  constructor(
    readonly region: CalendarRegion,
    /** Bank holidays plus extra closures, sorted and unique (for inspection and tests). */
    readonly closedDates: readonly IsoDate[],
  ) {
    const closed = new Uint8Array(DAY_COUNT);
    for (const date of closedDates) closed[toDayNumber(date)] = 1;
    this.workingUpTo = new Int32Array(DAY_COUNT);
    const days: number[] = [];
    let count = 0;
    for (let d = 0; d < DAY_COUNT; d++) {
      const wd = weekdayOf(d);
      if (wd !== 0 && wd !== 6 && closed[d] === 0) {
        days.push(d);
        count++;
      }
      this.workingUpTo[d] = count;
    }
    this.workingDays = Int32Array.from(days);
  }

  isWorkingDay(date: IsoDate): boolean {
    const d = toDayNumber(date);
    return this.workingUpTo[d]! - (d > 0 ? this.workingUpTo[d - 1]! : 0) === 1;
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new CalendarError('CALENDAR.INVALID_COUNT', `working-day count ${n} is not a whole number`);
    const d = toDayNumber(date);
    if (n === 0) return date;
    const upTo = this.workingUpTo[d]!;
    // n > 0: the nth working day after d is index upTo + n - 1 (days ≤ d take indexes 0 … upTo-1).
    // n < 0: working days strictly before d take indexes 0 … before-1; the |n|th before is before + n.
    const before = upTo - (this.isWorkingIndex(d) ? 1 : 0);
    return this.dayAt(n > 0 ? upTo + n - 1 : before + n);
  }

  /**
   * Forwards: working days in (from, to]. Backwards: −(working days in [to, from)) — walking from
   * `from` towards `to`, `from` not counted and `to` counted — so count(d, add(d, n)) == n always.
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    const f = toDayNumber(from);
    const t = toDayNumber(to);
    if (t >= f) return this.workingUpTo[t]! - this.workingUpTo[f]!;
    return this.before(t) - this.before(f);
  }

  lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
    const upTo = this.workingUpTo[toDayNumber(date)]!;
    return this.dayAt(upTo - 1);
  }

  /** Working days strictly before day d. */
  private before(d: number): number {
    return this.workingUpTo[d]! - (this.isWorkingIndex(d) ? 1 : 0);
  }

  private isWorkingIndex(d: number): boolean {
    return this.workingUpTo[d]! - (d > 0 ? this.workingUpTo[d - 1]! : 0) === 1;
  }

  private dayAt(index: number): IsoDate {
    const day = this.workingDays[index];
    if (day === undefined) {
      throw new CalendarError('CALENDAR.OUT_OF_RANGE', 'the result falls outside the years whose bank holidays are known');
    }
    return fromDayNumber(day);
  }
}

const cache = new Map<string, IndexedWorkingCalendar>();

/**
 * The working calendar of a region plus a deployment's extra closure days (e.g. a council's
 * Christmas closure). Cached per region and closure set, so calling it per request is cheap.
 */
export function createWorkingCalendar(region: CalendarRegion, extraClosures: readonly IsoDate[] = []): WorkingCalendar {
  const holidays = BANK_HOLIDAYS[region];
  if (!holidays) throw new CalendarError('CALENDAR.UNKNOWN_REGION', `unknown calendar region '${String(region)}'`);
  const key = extraClosures.length === 0 ? region : `${region}|${[...extraClosures].sort().join(',')}`;
  let calendar = cache.get(key);
  if (!calendar) {
    for (const date of extraClosures) toDayNumber(date); // invalid or out-of-range closures fail here
    const closed = [...new Set([...holidays, ...extraClosures])].sort();
    calendar = new IndexedWorkingCalendar(region, closed);
    cache.set(key, calendar);
  }
  return calendar;
}
