// The demo's clock: real time flowing from a chosen instant, moved forward when the story skips
// ahead (from booking day to the conference morning, from the confidential section to the family's
// part). The product reads it through its Clock port, exactly as it reads the system clock; the
// dev sign-in tokens are signed and checked with it too, so they stay valid across a jump.
import { londonDateOf } from '../../bot/adapters/clock/system-clock';
import type { Clock } from '../../bot/app/ports/clock.port';
import type { IsoDate } from '../../bot/domain/calendar/iso-date';

export class DemoClock implements Clock {
  private offsetMs: number;

  constructor(start: Date | string) {
    this.offsetMs = new Date(start).getTime() - Date.now();
    if (Number.isNaN(this.offsetMs)) throw new Error('DEMO.CLOCK_INVALID_START');
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  today(): IsoDate {
    return londonDateOf(this.now());
  }

  /** Moves to an instant (never backwards: the product's records keep their order). */
  jump(to: Date | string): void {
    const target = new Date(to).getTime();
    if (target < this.now().getTime()) throw new Error('DEMO.CLOCK_BACKWARDS');
    this.offsetMs = target - Date.now();
  }
}
