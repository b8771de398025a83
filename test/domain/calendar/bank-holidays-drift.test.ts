// The committed bank-holiday data against what date-holidays says now: a failure means the
// package changed (new holiday, moved day) — rerun scripts/generate-bank-holidays.ts and review.
import {
  BANK_HOLIDAY_FIRST_YEAR,
  BANK_HOLIDAY_LAST_YEAR,
  BANK_HOLIDAYS,
} from '../../../bot/domain/calendar/bank-holidays.generated';
import type { CalendarRegion } from '../../../bot/domain/calendar/working-calendar';
import { FIRST_YEAR, LAST_YEAR, bankHolidaysFromDateHolidays } from '../../../scripts/generate-bank-holidays';

const REGIONS: CalendarRegion[] = ['england-and-wales', 'scotland', 'northern-ireland'];

test('the range is the generator\'s', () => {
  expect([BANK_HOLIDAY_FIRST_YEAR, BANK_HOLIDAY_LAST_YEAR]).toEqual([FIRST_YEAR, LAST_YEAR]);
});

test.each(REGIONS)('%s matches date-holidays (as Europe/London dates)', (region) => {
  expect([...BANK_HOLIDAYS[region]]).toEqual(bankHolidaysFromDateHolidays(region));
});

test('observances are not bank holidays; summer holidays are not a day early', () => {
  const ew = BANK_HOLIDAYS['england-and-wales'];
  expect(ew).not.toContain('2027-03-07'); // Mother's Day
  expect(ew).not.toContain('2027-03-28'); // Easter Sunday
  expect(ew).toContain('2027-05-31');
  expect(ew).not.toContain('2027-05-30'); // the UTC `start` of the late May bank holiday
  expect(ew).toContain('2027-08-30');
  expect(ew).not.toContain('2027-08-29');
});
