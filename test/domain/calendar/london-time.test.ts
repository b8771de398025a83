// Europe/London wall clock ↔ instant by the UK rule, checked against the platform's tz database
// for every day of the calendar's range, and at the edges of each clock change.
import { FIRST_YEAR, LAST_YEAR } from '../../../bot/domain/calendar/civil-date';
import { addWallClockMinutes, instantToLondon, isBritishSummerTime, londonToInstant } from '../../../bot/domain/calendar/london-time';

const FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function intlLondon(ms: number): string {
  const p = Object.fromEntries(FORMAT.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

test('09:00 and 16:00 on every day of the range are the instants the tz database gives', () => {
  let days = 0;
  const bad: string[] = [];
  for (let ms = Date.UTC(FIRST_YEAR, 0, 1, 12); ms < Date.UTC(LAST_YEAR, 11, 31, 12); ms += 86_400_000) {
    const date = intlLondon(ms).slice(0, 10);
    for (const time of ['09:00', '16:00', '00:00']) {
      const local = `${date}T${time}`;
      const instant = londonToInstant(local);
      if (intlLondon(instant) !== local || instantToLondon(instant) !== local) bad.push(local);
    }
    days += 1;
  }
  expect(bad).toEqual([]);
  expect(days).toBeGreaterThan(29_000);
});

test.each([
  // [local, UTC instant]
  ['2026-03-29T00:30', '2026-03-29T00:30:00.000Z'],
  ['2026-03-29T00:59', '2026-03-29T00:59:00.000Z'],
  // 01:00–01:59 does not exist on the spring day: read on the clock before the change
  ['2026-03-29T01:30', '2026-03-29T01:30:00.000Z'],
  ['2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
  ['2026-03-29T09:00', '2026-03-29T08:00:00.000Z'],
  ['2026-10-25T00:59', '2026-10-24T23:59:00.000Z'],
  // 01:00–01:59 happens twice on the autumn day: the first time (BST)
  ['2026-10-25T01:30', '2026-10-25T00:30:00.000Z'],
  ['2026-10-25T02:00', '2026-10-25T02:00:00.000Z'],
  ['2026-10-25T09:00', '2026-10-25T09:00:00.000Z'],
  ['2026-06-01T00:30', '2026-05-31T23:30:00.000Z'],
])('%s in London is %s', (local, iso) => {
  expect(new Date(londonToInstant(local)).toISOString()).toBe(iso);
});

test('every hour across both 2026 changes reads back as the tz database shows it', () => {
  for (const start of [Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 9, 24, 20)]) {
    for (let h = 0; h < 12; h++) {
      const ms = start + h * 3_600_000;
      expect(instantToLondon(ms)).toBe(intlLondon(ms));
    }
  }
  expect(isBritishSummerTime(Date.UTC(2026, 2, 29, 0, 59))).toBe(false);
  expect(isBritishSummerTime(Date.UTC(2026, 2, 29, 1, 0))).toBe(true);
  expect(isBritishSummerTime(Date.UTC(2026, 9, 25, 0, 59))).toBe(true);
  expect(isBritishSummerTime(Date.UTC(2026, 9, 25, 1, 0))).toBe(false);
});

test('wall-clock minutes cross midnight both ways and refuse a malformed time', () => {
  expect(addWallClockMinutes('2026-11-30T00:10', -30)).toBe('2026-11-29T23:40');
  expect(addWallClockMinutes('2026-11-30T23:50', 15)).toBe('2026-12-01T00:05');
  expect(addWallClockMinutes('2026-11-30T10:00', -45)).toBe('2026-11-30T09:15');
  expect(() => londonToInstant('2026-11-30 10:00')).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }));
  expect(() => londonToInstant('2026-02-30T10:00')).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }));
});
