// How a conference's date and time are written on cards, e-mails and the confirmation page
// ("Monday 1 June 2026", "10:00 to 12:00"), and when a link for it stops working (the end of the
// conference day in Europe/London). Case references and times only: never a name.
import type { Conference } from '../../domain/conference/conference';
import { KIND_LABEL } from '../invitations/family-invitation-email';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
}

export function timeRange(c: Pick<Conference, 'start' | 'end'>): string {
  return `${c.start.slice(11, 16)} to ${c.end.slice(11, 16)}`;
}

export function kindLabel(c: Pick<Conference, 'kind'>): string {
  const label = KIND_LABEL[c.kind];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** London's offset from UTC (minutes) at an instant. */
function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The instant the conference day ends in Europe/London (the next day's 00:00 there). */
export function endOfConferenceDay(c: Pick<Conference, 'start'>): Date {
  const [y, m, d] = c.start.slice(0, 10).split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d + 1, 0, 0);
  return new Date(midnightUtc - londonOffsetMinutes(new Date(midnightUtc)) * 60_000);
}
