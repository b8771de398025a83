// GET /api/v1/reports/timeliness?from&to: the timeliness measures over the conferences held (or
// booked) from `from` to `to`, for the conferences the caller may read the deadlines of — the
// same reach as GET /api/v1/deadlines. Each conference is measured under its own profile.
import { decide } from '../../domain/access/access-decision';
import { addCalendarDays, addMonths } from '../../domain/calendar/civil-date';
import type { IsoDate } from '../../domain/calendar/iso-date';
import { summarise, type TimelinessRow, type TimelinessSummary, timelinessOf } from '../../domain/timeliness/timeliness';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { calendarOf } from '../booking/booking-context';

export interface TimelinessReport {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  measures: TimelinessSummary[];
  rows: TimelinessRow[];
}

/** No period given: the year up to today (a day after the same date last year, to today). */
export function defaultPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(addMonths(today, -12), 1), to: today };
}

export async function timelinessReport(deps: AppDeps, actorId: string | undefined, period: { from?: IsoDate; to?: IsoDate }): Promise<TimelinessReport> {
  const viewer = await requireViewer(deps, actorId, 'deadlines.list');
  await authorise(deps, viewer, 'deadlines.list');
  const today = deps.clock.today();
  const { from, to } = period.from && period.to ? { from: period.from, to: period.to } : defaultPeriod(today);
  const readable = (await deps.store.listStartingBetween(from, to)).filter((c) => decide(viewer, 'deadlines.read', c).ok);
  // A year is thousands of conferences: their live meetings in one read, not one each.
  const live = await deps.live.getMany(readable.filter((c) => c.kind !== 'CORE_GROUP').map((c) => c.id));
  const rows: TimelinessRow[] = [];
  for (const c of readable) {
    const profile = deps.profileFor(c.profileId);
    const meeting = c.kind === 'CORE_GROUP' ? undefined : live.get(c.id);
    rows.push(...timelinessOf(profile, calendarOf(profile), c, { decisionRecorded: meeting?.decision !== undefined, ...(meeting?.record && { record: meeting.record }) }, today));
  }
  return { from, to, today, measures: summarise(rows), rows };
}
