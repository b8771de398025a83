// A clock several processes share: a small JSON file holds an instant and the real time it was
// set at, and now() is that instant plus the real time since, so time runs as it would (leases
// run out) and the test moves every process at once by rewriting the file (atomically: a rename).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { londonDateOf } from '../../../bot/adapters/clock/system-clock';
import type { Clock } from '../../../bot/app/ports/clock.port';
import type { IsoDate } from '../../../bot/domain/calendar/iso-date';

interface Setting {
  at: number;
  setAt: number;
}

export function setFileClock(path: string, instant: Date | string): void {
  const setting: Setting = { at: new Date(instant).getTime(), setAt: Date.now() };
  writeFileSync(`${path}.next`, JSON.stringify(setting));
  renameSync(`${path}.next`, path);
}

export class FileClock implements Clock {
  constructor(private readonly path: string) {}

  now(): Date {
    const { at, setAt } = JSON.parse(readFileSync(this.path, 'utf8')) as Setting;
    return new Date(at + Date.now() - setAt);
  }

  today(): IsoDate {
    return londonDateOf(this.now());
  }
}
