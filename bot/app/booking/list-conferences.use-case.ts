// GET /api/v1/conferences?from&to (the clerk's dashboard): the conferences starting in a date range
// that the caller may read, each with its deadlines' statuses; and GET …/:id/deadlines, the same
// statuses for one conference. Staff and managers only (deadlines.list / deadlines.read).
import { decide, type Viewer } from '../../domain/access/access-decision';
import { deadlineStatuses, type DeadlineWithStatus } from '../../domain/booking/deadline-status';
import { addCalendarDays } from '../../domain/calendar/civil-date';
import type { IsoDate } from '../../domain/calendar/iso-date';
import type { Approval, Conference } from '../../domain/conference/conference';
import { FOLLOW_UP_NAMES } from '../../domain/follow-ups/follow-ups';
import { ruleTexts } from '../../domain/timescales/rule-texts';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { calendarOf, loadFor } from './booking-context';
import { conferenceDeadlines } from './read-conference.use-case';

export interface ConferenceListing {
  conference: Conference;
  deadlines: DeadlineWithStatus[];
  /** Approvals still waiting (late booking, repeat plan, stand-down, rebooking). */
  pendingApprovals: Approval[];
}

/** Every deadline of one conference with its status, follow-up tasks (T13–T16) included. */
export function statusesOf(deps: Pick<AppDeps, 'profileFor' | 'clock'>, c: Conference): DeadlineWithStatus[] {
  const profile = deps.profileFor(c.profileId);
  const today = deps.clock.today();
  const texts = ruleTexts(profile.timescales).single;
  const followUps = (c.followUps?.tasks ?? []).map((t) => ({ rule: t.rule, name: FOLLOW_UP_NAMES[t.rule], date: t.due, text: texts[t.rule] ?? FOLLOW_UP_NAMES[t.rule], ...(t.doneAt && { doneAt: t.doneAt }) }));
  return deadlineStatuses(c, conferenceDeadlines(profile, c, today), calendarOf(profile), today, followUps);
}

const listingOf = (deps: AppDeps, c: Conference): ConferenceListing => ({
  conference: c,
  deadlines: statusesOf(deps, c),
  pendingApprovals: (c.approvals ?? []).filter((a) => a.status === 'pending'),
});

/** Without a range: today (Europe/London, the server's clock) and the next DEFAULT_RANGE_DAYS days. */
export const DEFAULT_RANGE_DAYS = 56;

export async function listConferences(
  deps: AppDeps,
  actorId: string | undefined,
  range: { from?: IsoDate; to?: IsoDate },
): Promise<{ from: IsoDate; to: IsoDate; today: IsoDate; conferences: ConferenceListing[] }> {
  const viewer: Viewer = await requireViewer(deps, actorId, 'deadlines.list');
  await authorise(deps, viewer, 'deadlines.list');
  const today = deps.clock.today();
  const from = range.from ?? (range.to !== undefined && range.to < today ? range.to : today);
  const to = range.to ?? addCalendarDays(from, DEFAULT_RANGE_DAYS);
  const conferences = await deps.store.listStartingBetween(from, to);
  // Read access is decided per conference and never audited here: a list simply leaves out the rest.
  return { from, to, today, conferences: conferences.filter((c) => decide(viewer, 'deadlines.read', c).ok).map((c) => listingOf(deps, c)) };
}

export async function conferenceDeadlineStatuses(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<ConferenceListing> {
  const viewer = await requireViewer(deps, actorId, 'deadlines.read');
  return listingOf(deps, await loadFor(deps, viewer, conferenceId, 'deadlines.read'));
}
