// GET /api/v1/conferences/:id (what the viewer may see, and for staff its deadlines, approvals and
// stand-down) and GET /api/v1/deadlines (the booking deadlines due in a date range across the
// conferences the caller may read).
import { decide, type Viewer } from '../../domain/access/access-decision';
import { type ConferenceView, viewOfConference } from '../../domain/access/view-of-conference';
import { bookingAnswer, BOOKING_DEADLINE_RULES } from '../../domain/booking/check-booking-request';
import { CalendarError } from '../../domain/calendar/calendar-error';
import { addCalendarDays } from '../../domain/calendar/civil-date';
import type { IsoDate } from '../../domain/calendar/iso-date';
import type { Approval, Conference, StandDownRecord } from '../../domain/conference/conference';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { computeDeadlines, type Deadline } from '../../domain/timescales/compute-deadlines';
import { TimescaleError } from '../../domain/timescales/timescale-error';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { calendarOf, loadFor } from './booking-context';

export interface ApprovalSummary {
  id: string;
  kind: Approval['kind'];
  approverId: string;
  status: Approval['status'];
  requestedAt: string;
  decidedAt?: string;
}

export interface ConferenceReading {
  view: ConferenceView;
  version: number;
  /** Staff only (deadlines.read): the booking's deadlines, approvals and stand-down. */
  staff?: { deadlines: Deadline[]; approvals: ApprovalSummary[]; standDown?: StandDownRecord; rebookingOf?: string };
}

/** The deadlines of one conference before it is held (empty when they cannot be computed). */
export function conferenceDeadlines(profile: PolicyProfile, c: Conference, today: IsoDate): Deadline[] {
  const calendar = calendarOf(profile);
  const date = c.start.slice(0, 10);
  try {
    if (c.anchors && Object.values(c.anchors).some((d) => d !== undefined)) return bookingAnswer(profile, calendar, c.kind, c.anchors, date, today).deadlines;
    return computeDeadlines(profile, calendar, { conference: date }, { kind: c.kind, today }).filter((d) => BOOKING_DEADLINE_RULES.includes(d.rule));
  } catch (e) {
    if (e instanceof CalendarError || e instanceof TimescaleError) return [];
    throw e;
  }
}

export async function readConference(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<ConferenceReading> {
  const viewer = await requireViewer(deps, actorId, 'conference.read');
  const c = await loadFor(deps, viewer, conferenceId, 'conference.read');
  const view = viewOfConference(viewer, c);
  // decide() allowed the read, so the projection exists; a family entry without own invitation cannot read.
  if (!view) throw new Error('viewOfConference refused a read that decide() allowed');
  if (!decide(viewer, 'deadlines.read', c).ok) return { view, version: c.version };
  return {
    view,
    version: c.version,
    staff: {
      deadlines: conferenceDeadlines(deps.profileFor(c.profileId), c, deps.clock.today()),
      approvals: (c.approvals ?? []).map((a) => ({ id: a.id, kind: a.kind, approverId: a.approverId, status: a.status, requestedAt: a.requestedAt, ...(a.decidedAt && { decidedAt: a.decidedAt }) })),
      ...(c.standDown && { standDown: c.standDown }),
      ...(c.rebookingOf && { rebookingOf: c.rebookingOf }),
    },
  };
}

export interface DueDeadline extends Deadline {
  conferenceId: string;
  caseReference: string;
  conferenceKind: Conference['kind'];
  conferenceStart: string;
}

/** Booking deadlines fall before the conference: conferences up to this many days after `to` are read. */
export const DEADLINE_LOOKAHEAD_DAYS = 62;

export async function listDeadlines(deps: AppDeps, actorId: string | undefined, from: IsoDate, to: IsoDate): Promise<DueDeadline[]> {
  const viewer: Viewer = await requireViewer(deps, actorId, 'deadlines.list');
  await authorise(deps, viewer, 'deadlines.list');
  const today = deps.clock.today();
  const conferences = await deps.store.listStartingBetween(from, addCalendarDays(to, DEADLINE_LOOKAHEAD_DAYS));
  const out: DueDeadline[] = [];
  for (const c of conferences) {
    if ((c.status !== 'draft' && c.status !== 'booked') || !decide(viewer, 'deadlines.read', c).ok) continue;
    for (const d of conferenceDeadlines(deps.profileFor(c.profileId), c, today)) {
      if (d.date >= from && d.date <= to) out.push({ ...d, conferenceId: c.id, caseReference: c.caseReference, conferenceKind: c.kind, conferenceStart: c.start });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.conferenceStart.localeCompare(b.conferenceStart));
}
