// Europe/London wall-clock times as instants, by the UK's own rule (since 1996: BST from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Pure arithmetic on
// day numbers, never the host's time zone or a Date, so the answer is the same under any TZ.
import { CalendarError } from './calendar-error';
import { addCalendarDays, DAY_COUNT, fromDayNumber, toDayNumber, weekdayOf } from './civil-date';
import type { IsoDate, LocalDateTime } from './iso-date';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Days from 1970-01-01 to civil-date's day 0 (1 January of its first year). */
const UNIX_DAY_OF_DAY_ZERO = (() => {
  const y = Number(fromDayNumber(0).slice(0, 4));
  let days = 0;
  for (let year = 1970; year < y; year++) days += (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  return days;
})();

/** Milliseconds since 1970-01-01T00:00Z of 00:00 UTC on `date`. */
function utcMidnight(date: IsoDate): number {
  return (toDayNumber(date) + UNIX_DAY_OF_DAY_ZERO) * DAY;
}

/** The last Sunday of a month (March or October) of `year`. */
function lastSunday(year: number, month: 3 | 10): IsoDate {
  const last = toDayNumber(`${year}-${month === 3 ? '03' : '10'}-31`);
  return fromDayNumber(last - weekdayOf(last));
}

/** True when `instant` (ms since the epoch) is in British Summer Time. */
export function isBritishSummerTime(instant: number): boolean {
  // Just outside the range (the hours either side of it) is mid-winter: GMT.
  const day = Math.floor(instant / DAY) - UNIX_DAY_OF_DAY_ZERO;
  if (day < 0 || day >= DAY_COUNT) return false;
  const year = Number(londonParts(instant, 0).date.slice(0, 4));
  const starts = utcMidnight(lastSunday(year, 3)) + 60 * MINUTE;
  const ends = utcMidnight(lastSunday(year, 10)) + 60 * MINUTE;
  return instant >= starts && instant < ends;
}

function londonParts(instant: number, offsetMinutes: number): { date: IsoDate; minutes: number } {
  const shifted = instant + offsetMinutes * MINUTE;
  const day = Math.floor(shifted / DAY);
  return { date: fromDayNumber(day - UNIX_DAY_OF_DAY_ZERO), minutes: Math.floor((shifted - day * DAY) / MINUTE) };
}

/**
 * The instant (ms since the epoch) of a Europe/London wall-clock time. A time that does not exist
 * (01:30 on the day the clocks go forward) is read on the clock before the change (02:30 BST); a
 * time that happens twice (01:30 on the day they go back) is the first, in BST.
 */
export function londonToInstant(local: LocalDateTime): number {
  const m = LOCAL.exec(local);
  if (!m) throw new CalendarError('CALENDAR.INVALID_DATE', `'${local}' is not a YYYY-MM-DDTHH:mm time`);
  const asUtc = utcMidnight(m[1]!) + (Number(m[2]) * 60 + Number(m[3])) * MINUTE;
  const inSummer = asUtc - 60 * MINUTE;
  return isBritishSummerTime(inSummer) ? inSummer : asUtc;
}

/** The Europe/London wall-clock time of an instant (ms since the epoch). */
export function instantToLondon(instant: number): LocalDateTime {
  const { date, minutes } = londonParts(instant, isBritishSummerTime(instant) ? 60 : 0);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${date}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}

/** `HH:mm` on `date`, as a LocalDateTime (validates both). */
export function atLocalTime(date: IsoDate, hhmm: string): LocalDateTime {
  addCalendarDays(date, 0);
  const local = `${date}T${hhmm}`;
  if (!LOCAL.test(local)) throw new CalendarError('CALENDAR.INVALID_DATE', `'${hhmm}' is not a HH:mm time`);
  return local;
}

/** Wall-clock arithmetic: `minutes` (may be negative) added to the time on the wall. */
export function addWallClockMinutes(local: LocalDateTime, minutes: number): LocalDateTime {
  const m = LOCAL.exec(local);
  if (!m) throw new CalendarError('CALENDAR.INVALID_DATE', `'${local}' is not a YYYY-MM-DDTHH:mm time`);
  const total = Number(m[2]) * 60 + Number(m[3]) + minutes;
  const days = Math.floor(total / 1440);
  const rest = total - days * 1440;
  const hh = Math.floor(rest / 60);
  const mm = rest % 60;
  return `${addCalendarDays(m[1]!, days)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}
