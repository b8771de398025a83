// Pure calendar arithmetic on 'YYYY-MM-DD' strings through a day number (days since
// 2000-01-01). No Date objects: the host time zone can never shift a day.
import { BANK_HOLIDAY_FIRST_YEAR, BANK_HOLIDAY_LAST_YEAR } from './bank-holidays.generated';
import { CalendarError } from './calendar-error';
import type { IsoDate } from './iso-date';

/** The supported range is the range of the bank-holiday data. */
export const FIRST_YEAR = BANK_HOLIDAY_FIRST_YEAR;
export const LAST_YEAR = BANK_HOLIDAY_LAST_YEAR;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/** Days from 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EPOCH = daysFromCivil(FIRST_YEAR, 1, 1);
/** Number of days in the supported range; day numbers run 0 … DAY_COUNT - 1. */
export const DAY_COUNT = daysFromCivil(LAST_YEAR + 1, 1, 1) - EPOCH;

// Every date of the range formatted once, so results are table look-ups, not allocations.
const ISO: string[] = new Array(DAY_COUNT);
{
  let i = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 1; m <= 12; m++) {
      const prefix = `${y}-${m < 10 ? '0' : ''}${m}-`;
      const n = daysInMonth(y, m);
      for (let d = 1; d <= n; d++) ISO[i++] = prefix + (d < 10 ? '0' : '') + d;
    }
  }
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

interface Civil { y: number; m: number; d: number }

/** Parses strict 'YYYY-MM-DD' into its parts; null when it is not a real calendar date. */
export function parseCivil(value: unknown): Civil | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const ds = [0, 1, 2, 3, 5, 6, 8, 9].map((i) => digit(value, i));
  if (ds.some((x) => x < 0)) return null;
  const [a, b, c, e, f, g, h, k] = ds as [number, number, number, number, number, number, number, number];
  const y = a * 1000 + b * 100 + c * 10 + e;
  const m = f * 10 + g;
  const d = h * 10 + k;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True for a real calendar date written 'YYYY-MM-DD' (any year). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return parseCivil(value) !== null;
}

function civilToDay(c: Civil, original: string): number {
  if (c.y < FIRST_YEAR || c.y > LAST_YEAR) {
    throw new CalendarError('CALENDAR.OUT_OF_RANGE', `date ${original} is outside the supported years ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  return daysFromCivil(c.y, c.m, c.d) - EPOCH;
}

/** Day number of a date; throws CALENDAR.INVALID_DATE or CALENDAR.OUT_OF_RANGE. */
export function toDayNumber(date: IsoDate): number {
  // Fast path without allocation for well-formed, in-range strings; anything else goes the slow way.
  if (typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = digit(date, 0), y1 = digit(date, 1), y2 = digit(date, 2), y3 = digit(date, 3);
    const m0 = digit(date, 5), m1 = digit(date, 6), d0 = digit(date, 8), d1 = digit(date, 9);
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const m = m0 * 10 + m1;
      const d = d0 * 10 + d1;
      if (y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
        return daysFromCivil(y, m, d) - EPOCH;
      }
    }
  }
  const c = parseCivil(date);
  if (!c) throw new CalendarError('CALENDAR.INVALID_DATE', `'${String(date)}' is not a valid YYYY-MM-DD date`);
  return civilToDay(c, date);
}

/** The date of a day number; throws CALENDAR.OUT_OF_RANGE outside the supported years. */
export function fromDayNumber(day: number): IsoDate {
  const iso = ISO[day];
  if (iso === undefined) {
    throw new CalendarError('CALENDAR.OUT_OF_RANGE', `the result falls outside the supported years ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday (2000-01-01 was a Saturday). */
export function weekdayOf(day: number): number {
  return (((day + 6) % 7) + 7) % 7;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The same day of the month N months later, clamped to the last day of a shorter month
 * (DOMAIN-RULES §1: 2026-11-30 + 3 months = 2027-02-28). n may be negative.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  toDayNumber(date); // validates, and rejects a start outside the range
  const c = parseCivil(date)!;
  const total = c.y * 12 + (c.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const d = Math.min(c.d, daysInMonth(y, m));
  return fromDayNumber(daysFromCivil(y, m, d) - EPOCH);
}
