// Report deadlines and access expiry in Europe/London, on the domain's one GMT/BST rule
// (bot/domain/calendar/london-time.ts): never the machine's time zone.
import type { IsoDate } from '../../domain/calendar/iso-date';
import { instantToLondon, londonToInstant } from '../../domain/calendar/london-time';

/** The Europe/London calendar date of an ISO instant. */
export const londonDateOf = (iso: string): IsoDate => instantToLondon(Date.parse(iso)).slice(0, 10);

/** The last second of that day in London, as an ISO instant. */
export const endOfLondonDay = (date: IsoDate): string => new Date(londonToInstant(`${date}T23:59`) + 59_000).toISOString();
