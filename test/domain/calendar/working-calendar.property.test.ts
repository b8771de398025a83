import fc from 'fast-check';
import { addCalendarDays, addMonths, daysInMonth } from '../../../bot/domain/calendar/civil-date';
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { BANK_HOLIDAYS } from '../../../bot/domain/calendar/bank-holidays.generated';
import type { CalendarRegion } from '../../../bot/domain/calendar/working-calendar';
import { HAND_HOLIDAYS, referenceAdd } from '../support/reference-calendar';

const REGIONS: CalendarRegion[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const region = fc.constantFrom(...REGIONS);
const pad = (n: number) => String(n).padStart(2, '0');
/** Any real date 2003–2077 (n up to ±500 working days stays inside the 2000–2080 data). */
const isoDate = fc
  .record({ y: fc.integer({ min: 2003, max: 2077 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`);
const count = fc.integer({ min: -500, max: 500 });
const RUNS = { numRuns: 2000 };

const isWeekend = (iso: string) => {
  const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

test('add n then subtract n returns the start when the start is a working day', () => {
  fc.assert(
    fc.property(region, isoDate, count, (r, d, n) => {
      const cal = createWorkingCalendar(r);
      fc.pre(cal.isWorkingDay(d));
      return cal.addWorkingDays(cal.addWorkingDays(d, n), -n) === d;
    }),
    RUNS,
  );
});

test('a result of add (n ≠ 0) is never a weekend or a bank holiday', () => {
  fc.assert(
    fc.property(region, isoDate, count, (r, d, n) => {
      fc.pre(n !== 0);
      const result = createWorkingCalendar(r).addWorkingDays(d, n);
      return !isWeekend(result) && !BANK_HOLIDAYS[r].includes(result);
    }),
    RUNS,
  );
});

test('count(d, add(d, n)) == n', () => {
  fc.assert(
    fc.property(region, isoDate, count, (r, d, n) => {
      const cal = createWorkingCalendar(r);
      return cal.countWorkingDays(d, cal.addWorkingDays(d, n)) === n;
    }),
    RUNS,
  );
});

test('add agrees with a naive day-by-day reference over the hand-typed 2026–2028 holidays', () => {
  const inWindow = fc
    .integer({ min: 0, max: 3 * 365 - 90 })
    .map((k) => addCalendarDays('2026-02-15', k));
  fc.assert(
    fc.property(fc.constantFrom(...(Object.keys(HAND_HOLIDAYS) as CalendarRegion[])), inWindow, fc.integer({ min: -25, max: 25 }), (r, d, n) => {
      return createWorkingCalendar(r).addWorkingDays(d, n) === referenceAdd(r, d, n);
    }),
    RUNS,
  );
});

test('the last working day on or before d is a working day, ≤ d, with no working day between', () => {
  fc.assert(
    fc.property(region, isoDate, (r, d) => {
      const cal = createWorkingCalendar(r);
      const last = cal.lastWorkingDayOnOrBefore(d);
      return cal.isWorkingDay(last) && last <= d && cal.countWorkingDays(last, d) === 0;
    }),
    RUNS,
  );
});

test('month arithmetic clamps to the last day of a shorter month', () => {
  fc.assert(
    fc.property(isoDate, fc.integer({ min: -12, max: 12 }), (d, n) => {
      const result = addMonths(d, n);
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      const total = y * 12 + (m - 1) + n;
      const ry = Math.floor(total / 12);
      const rm = total - ry * 12 + 1;
      return result === `${ry}-${pad(rm)}-${pad(Math.min(day, daysInMonth(ry, rm)))}`;
    }),
    RUNS,
  );
});
