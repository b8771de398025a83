// Prints a digest of many calendar and timescale results; time-zone.test.ts runs it under
// several TZ values and compares. Deterministic inputs, so any difference is a TZ bug.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { addCalendarDays, addMonths } from '../../../bot/domain/calendar/civil-date';
import { PROFILE_IDS } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { ANCHOR_KINDS, type Anchors } from '../../../bot/domain/timescales/anchors';
import { computeDeadlines } from '../../../bot/domain/timescales/compute-deadlines';

export function digest(): string {
  const parts: string[] = [];
  const regions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
  // Every 3rd day of 2026–2028 (clock changes in March and October included).
  for (let k = 0; k < 3 * 366; k += 3) {
    const d = addCalendarDays('2026-01-01', k);
    for (const r of regions) {
      const c = createWorkingCalendar(r);
      parts.push(`${c.isWorkingDay(d)}${c.addWorkingDays(d, 7)}${c.addWorkingDays(d, -10)}${c.countWorkingDays(d, '2027-06-30')}`);
    }
    parts.push(addMonths(d, 3));
    const anchors: Anchors = {};
    for (const kind of ANCHOR_KINDS) anchors[kind] = d;
    const id = PROFILE_IDS[k % PROFILE_IDS.length]!;
    const p = resolveProfile(id);
    for (const dl of computeDeadlines(p, createWorkingCalendar(p.calendar), anchors, { today: d })) parts.push(dl.date + dl.name);
  }
  return `${parts.length}:${parts.join('|')}`;
}

if (require.main === module) process.stdout.write(digest());
