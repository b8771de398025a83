// A clock that moves only when told: for tests and the benchmark, so that time-dependent rules
// (stale idempotency claims, audit timestamps, deadlines) are exact.
import type { Clock } from '../../app/ports/clock.port';
import type { IsoDate } from '../../domain/calendar/iso-date';
import { londonDateOf } from './system-clock';

export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error('CLOCK.INVALID_START');
  }

  now(): Date {
    return new Date(this.current);
  }

  today(): IsoDate {
    return londonDateOf(this.now());
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
}
