// Europe/London wall-clock ↔ UTC instants for report deadlines and access expiry (GMT/BST).
import type { IsoDate } from '../../domain/calendar/iso-date';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function londonParts(at: Date): { date: IsoDate; time: string } {
  const p = Object.fromEntries(LONDON.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** The Europe/London calendar date of an instant. */
export const londonDateOf = (iso: string): IsoDate => londonParts(new Date(iso)).date;

/** The instant of `local` ('YYYY-MM-DDTHH:MM:SS') in Europe/London. */
export function londonToUtc(local: string): Date {
  const guess = new Date(`${local}Z`);
  // London is UTC or UTC+1: the instant whose London wall clock reads `local`.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(guess.getTime() - offsetHours * 3_600_000);
    const p = londonParts(candidate);
    if (`${p.date}T${p.time}` === local) return candidate;
  }
  return guess;
}

/** The last second of that day in London, as an ISO instant. */
export const endOfLondonDay = (date: IsoDate): string => londonToUtc(`${date}T23:59:59`).toISOString();
