import { CalendarError } from '../../../bot/domain/calendar/calendar-error';
import { addCalendarDays, addMonths, fromDayNumber, isValidIsoDate, toDayNumber } from '../../../bot/domain/calendar/civil-date';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof CalendarError ? e.code : `not a CalendarError: ${String(e)}`;
  }
  return undefined;
};

describe('ISO dates', () => {
  test.each([
    ['2026-02-28', true], ['2026-02-30', false], ['2028-02-29', true], ['2027-02-29', false], ['2100-02-29', false],
    ['2000-02-29', true], ['2026-04-31', false], ['2026-13-01', false], ['2026-00-10', false], ['2026-2-3', false],
    ['2026-02-03T00:00', false], ['20260203', false], ['', false], ['2026-1a-01', false], ['2026/02/03', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
    expect(codeOf(() => toDayNumber(value))).toBe(valid ? undefined : 'CALENDAR.INVALID_DATE');
  });

  test('non-strings are invalid', () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(codeOf(() => toDayNumber(undefined as unknown as string))).toBe('CALENDAR.INVALID_DATE');
  });

  test('real dates outside 2000–2080 are an error with a code, never a guess', () => {
    expect(codeOf(() => toDayNumber('1999-12-31'))).toBe('CALENDAR.OUT_OF_RANGE');
    expect(codeOf(() => toDayNumber('2081-01-01'))).toBe('CALENDAR.OUT_OF_RANGE');
    expect(codeOf(() => addCalendarDays('2080-12-31', 1))).toBe('CALENDAR.OUT_OF_RANGE');
    expect(codeOf(() => addMonths('2080-11-15', 2))).toBe('CALENDAR.OUT_OF_RANGE');
    expect(toDayNumber('2000-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2080-12-31'))).toBe('2080-12-31');
  });
});

describe('addMonths clamps to the month end (DOMAIN-RULES §1)', () => {
  test.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-15', 3, '2026-08-15'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-12-31', 6, '2027-06-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-02-28', 0, '2026-02-28'],
  ])('%s + %i months = %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });
});

test('addCalendarDays crosses month, year and leap day', () => {
  expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(addCalendarDays('2028-02-29', 1)).toBe('2028-03-01');
  expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
  expect(addCalendarDays('2026-11-20', 42)).toBe('2027-01-01');
});
