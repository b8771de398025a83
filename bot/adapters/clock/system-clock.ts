// The real clock. today() is the calendar date in Europe/London computed by Intl from the
// instant, never a slice of a UTC ISO string (00:30 BST on 1 June is still 31 May in UTC).
import type { Clock } from '../../app/ports/clock.port';
import type { IsoDate } from '../../domain/calendar/iso-date';

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/London calendar date of an instant, as 'YYYY-MM-DD'. */
export function londonDateOf(instant: Date): IsoDate {
  const parts = LONDON_DATE.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => {
    const value = parts.find((p) => p.type === type)?.value;
    if (!value) throw new Error(`CLOCK.NO_${type.toUpperCase()}`);
    return value;
  };
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonDateOf(new Date()),
};
