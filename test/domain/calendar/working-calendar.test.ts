import { CalendarError } from '../../../bot/domain/calendar/calendar-error';
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { CalendarRegion } from '../../../bot/domain/calendar/working-calendar';
import { eachDate, HAND_HOLIDAYS, referenceIsWorkingDay } from '../support/reference-calendar';

const REGIONS = Object.keys(HAND_HOLIDAYS) as CalendarRegion[];
const ew = createWorkingCalendar('england-and-wales');

describe.each(REGIONS)('%s: every day of 2026–2028 against the gov.uk list', (region) => {
  test('isWorkingDay matches weekday-and-not-a-bank-holiday', () => {
    const cal = createWorkingCalendar(region);
    const wrong = eachDate('2026-01-01', '2028-12-31').filter((d) => cal.isWorkingDay(d) !== referenceIsWorkingDay(region, d));
    expect(wrong).toEqual([]);
  });
});

describe('bank-holiday edges (DOMAIN-RULES §1)', () => {
  test.each([
    // [region, date, working?]
    ['england-and-wales', '2026-12-28', false], // Boxing Day substitute
    ['england-and-wales', '2027-12-27', false], // Christmas Day substitute
    ['england-and-wales', '2027-12-28', false], // Boxing Day substitute
    ['england-and-wales', '2028-01-03', false], // New Year's Day substitute
    ['england-and-wales', '2027-03-29', false], // Easter Monday
    ['england-and-wales', '2027-05-31', false], // late May
    ['england-and-wales', '2027-08-30', false], // late August
    ['england-and-wales', '2027-08-02', true],
    ['england-and-wales', '2026-01-02', true],
    ['england-and-wales', '2026-11-30', true],
    ['england-and-wales', '2026-03-17', true],
    ['scotland', '2026-01-02', false], // 2 January
    ['scotland', '2027-01-04', false], // 2 January substitute
    ['scotland', '2026-11-30', false], // St Andrew's Day
    ['scotland', '2026-08-03', false], // first Monday of August
    ['scotland', '2026-08-31', true], // not a Scottish holiday
    ['scotland', '2027-03-29', true], // no Easter Monday in Scotland
    ['northern-ireland', '2026-03-17', false], // St Patrick's Day
    ['northern-ireland', '2027-07-12', false], // 12 July
    ['northern-ireland', '2026-07-13', false], // 12 July (a Sunday) substitute
    ['northern-ireland', '2026-01-02', true],
  ] as const)('%s %s working: %s', (region, date, working) => {
    expect(createWorkingCalendar(region).isWorkingDay(date)).toBe(working);
  });

  test('St Andrew\'s Day substitute in Scotland (2026 is a Monday; 2027 a Tuesday; 2025 a Sunday)', () => {
    const sc = createWorkingCalendar('scotland');
    expect(sc.isWorkingDay('2025-12-01')).toBe(false);
    expect(sc.isWorkingDay('2027-11-30')).toBe(false);
    expect(ew.isWorkingDay('2025-12-01')).toBe(true);
  });
});

describe('add, subtract, count (england-and-wales)', () => {
  test.each([
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-24', 2, '2026-12-30'],
    ['2026-12-31', 1, '2027-01-04'],
    ['2027-12-24', 1, '2027-12-29'],
    ['2027-12-31', 1, '2028-01-04'],
    ['2027-03-25', 1, '2027-03-30'],
    ['2027-01-04', -1, '2026-12-31'],
    ['2027-01-04', -7, '2026-12-21'],
    ['2026-12-29', -1, '2026-12-24'],
    ['2026-12-25', 1, '2026-12-29'], // day 0 on a holiday
    ['2026-12-26', -1, '2026-12-24'],
    ['2026-12-26', 0, '2026-12-26'], // n = 0 returns the date itself, working or not
    ['2026-12-14', 15, '2027-01-07'],
    ['2028-04-13', 1, '2028-04-18'],
    ['2028-05-26', 1, '2028-05-30'],
    ['2028-08-25', 1, '2028-08-29'],
  ])('%s %+i → %s', (from, n, expected) => {
    expect(ew.addWorkingDays(from, n)).toBe(expected);
  });

  test.each([
    ['2026-12-24', '2026-12-31', 3],
    ['2026-12-31', '2026-12-24', -3],
    ['2026-12-24', '2026-12-24', 0],
    ['2026-12-25', '2026-12-29', 1],
    ['2026-12-14', '2027-01-07', 15],
    ['2026-01-01', '2026-12-31', 253], // 261 weekdays − 8 weekday holidays,
    ['2027-01-01', '2027-12-31', 253], // 261 − 8,
    ['2028-01-01', '2028-12-31', 252], // 260 − 8,
  ])('count(%s, %s) = %i', (from, to, expected) => {
    expect(ew.countWorkingDays(from, to)).toBe(expected);
  });

  test.each([
    ['2027-02-28', '2027-02-26'],
    ['2027-02-26', '2027-02-26'],
    ['2028-05-29', '2028-05-26'],
    ['2027-01-01', '2026-12-31'],
    ['2026-12-28', '2026-12-24'],
  ])('last working day on or before %s is %s', (date, expected) => {
    expect(ew.lastWorkingDayOnOrBefore(date)).toBe(expected);
  });

  test('a count that is not whole is refused', () => {
    expect(() => ew.addWorkingDays('2026-12-24', 1.5)).toThrow(CalendarError);
  });

  test('results outside the data range are errors with a code', () => {
    const err = (() => {
      try {
        ew.addWorkingDays('2080-12-20', 30);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CalendarError);
    expect((err as CalendarError).code).toBe('CALENDAR.OUT_OF_RANGE');
    expect(() => ew.lastWorkingDayOnOrBefore('2000-01-02')).toThrow(/outside/);
    expect(ew.addWorkingDays('2080-12-28', 1)).toBe('2080-12-30'); // a Saturday → the Monday
  });
});

describe('extra closures', () => {
  test('a council closure is not a working day, and is cached per set', () => {
    const closures = ['2026-12-29', '2026-12-30', '2026-12-31'];
    const council = createWorkingCalendar('england-and-wales', closures);
    expect(council.isWorkingDay('2026-12-29')).toBe(false);
    expect(council.addWorkingDays('2026-12-24', 1)).toBe('2027-01-04');
    expect(council.countWorkingDays('2026-12-24', '2027-01-04')).toBe(1);
    expect(createWorkingCalendar('england-and-wales', [...closures].reverse())).toBe(council);
    expect(createWorkingCalendar('england-and-wales')).toBe(ew);
    expect(ew.isWorkingDay('2026-12-29')).toBe(true); // the plain calendar is untouched
  });

  test('an invalid closure date is refused', () => {
    expect(() => createWorkingCalendar('england-and-wales', ['2026-02-30'])).toThrow(CalendarError);
    expect(() => createWorkingCalendar('nowhere' as CalendarRegion)).toThrow(/unknown calendar region/);
  });
});

describe('count backwards mirrors add', () => {
  test.each([
    ['2027-01-01', '2026-12-31', -1], // from a holiday: one step back lands on the 31st
    ['2026-12-28', '2026-12-24', -1],
    ['2027-01-04', '2026-12-21', -7],
    ['2026-12-26', '2026-12-26', 0],
  ])('count(%s, %s) = %i', (from, to, expected) => {
    expect(ew.countWorkingDays(from, to)).toBe(expected);
    expect(ew.addWorkingDays(from, expected)).toBe(to);
  });
});
