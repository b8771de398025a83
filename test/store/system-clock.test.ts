import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { londonDateOf, systemClock } from '../../bot/adapters/clock/system-clock';

describe('Europe/London dates from instants', () => {
  test.each([
    ['2026-05-31T23:30:00.000Z', '2026-06-01'], // 00:30 BST: already the next day in London
    ['2026-06-01T22:59:59.999Z', '2026-06-01'],
    ['2026-06-01T23:00:00.000Z', '2026-06-02'],
    ['2026-12-31T23:30:00.000Z', '2026-12-31'], // GMT: London equals UTC
    ['2027-01-01T00:00:00.000Z', '2027-01-01'],
    ['2026-03-29T00:59:59.000Z', '2026-03-29'], // clocks go forward at 01:00 UTC
    ['2026-10-24T23:30:00.000Z', '2026-10-25'], // last BST night
  ])('%s is %s in London', (instant, date) => {
    expect(londonDateOf(new Date(instant))).toBe(date);
  });

  test('systemClock.today() is the London date of now, not a UTC slice', () => {
    const before = londonDateOf(new Date());
    const today = systemClock.today();
    const after = londonDateOf(new Date());
    expect([before, after]).toContain(today);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('ManualClock moves only when told', () => {
    const clock = new ManualClock('2026-05-31T23:30:00.000Z');
    expect(clock.today()).toBe('2026-06-01');
    clock.advance(-60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2026-05-31T22:30:00.000Z');
    expect(clock.today()).toBe('2026-05-31');
    expect(() => new ManualClock('not a date')).toThrow('CLOCK.INVALID_START');
  });
});
