// Prints a digest of many calendar and timescale results; time-zone.test.ts runs it under
// several TZ values and compares. Deterministic inputs, so any difference is a TZ bug.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { addCalendarDays, addMonths } from '../../../bot/domain/calendar/civil-date';
import { PROFILE_IDS } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { ANCHOR_KINDS, type Anchors } from '../../../bot/domain/timescales/anchors';
import { computeDeadlines } from '../../../bot/domain/timescales/compute-deadlines';
import { londonToInstant } from '../../../bot/domain/calendar/london-time';
import { planReminders } from '../../../bot/domain/reminders/reminder-plan';

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
    // Reminder instants (docs/reminders.md): wall clock to UTC by the UK rule, never the host's TZ.
    parts.push(String(londonToInstant(`${d}T01:30`)));
    const conference = {
      id: 'c', caseReference: 'CP-1', kind: 'ICPC' as const, profileId: 'leicestershire' as const, start: `${d}T00:10`, end: `${d}T02:00`,
      organizerId: 'org', status: 'booked' as const, bookingVersion: 1, version: 1, anchors: { 'strategy-discussion': addCalendarDays(d, -12) },
      booking: { chairId: 'ch', socialWorkerId: 'sw', requestedBy: 'cl', durationMinutes: 60, confidentialMinutes: 0 },
      invitees: [{ id: 'p', role: 'professional' as const, displayName: 'x', email: 'x@x.example', status: 'pending' as const, directoryId: 'pd' }],
    };
    for (const r of planReminders(conference, resolveProfile('leicestershire'), createWorkingCalendar('england-and-wales'))) parts.push(`${r.reminder}${r.fireAtMs}${r.closesAtMs}`);
  }
  return `${parts.length}:${parts.join('|')}`;
}

if (require.main === module) process.stdout.write(digest());
