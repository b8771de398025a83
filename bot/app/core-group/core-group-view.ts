// What the minutes card and GET …/core-group show: the minutes (or an empty template with the
// attendees from the invite list), the child's plan, quorum, the T5/T6 range for the next date,
// the T16 deadline and whether the minutes went out.
import type { Conference } from '../../domain/conference/conference';
import type { ChildPlan, CoreGroupMinutes, MinutesAttendee } from '../../domain/core-group/core-group-minutes';
import { checkNextCoreGroupDate, type CoreGroupQuorum, coreGroupQuorum, minutesDueBy } from '../../domain/core-group/core-group-rules';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { calendarOf } from '../booking/booking-context';
import type { StoredMinutes } from '../ports/core-group-store.port';

export interface CoreGroupView {
  conferenceId: string;
  planId: string;
  heldOn: string;
  /** 0 when nothing is saved yet (send it as If-Match for the first save). */
  version: number;
  minutes: Omit<CoreGroupMinutes, 'conferenceId' | 'planId'> | null;
  /** The attendees the template starts from: the core group's invite list. */
  attendeeTemplate: MinutesAttendee[];
  plan: ChildPlan['items'];
  quorum: CoreGroupQuorum;
  nextDate: { latest: string | null; earliestFinal: string | null; reviewDate: string | null; lastBeforeReview: boolean };
  minutesDueBy: string | null;
  circulated: boolean;
  /** The plan's previous core group (its scaling now is this meeting's "last meeting"). */
  previous: { conferenceId: string; heldOn: string; scalingNow: number | null } | null;
}

export const planIdOf = (c: Conference): string => c.followUpOf?.planId ?? c.id;

export function attendeeTemplate(c: Conference): MinutesAttendee[] {
  return c.invitees
    .filter((i) => i.status !== 'removed' && i.role !== 'interpreter' && i.role !== 'observer')
    .map((i) => ({ inviteeId: i.id, role: i.role, ...(i.agency && { agency: i.agency }), consulted: false, invited: i.status === 'invited', attended: false, chair: false }));
}

export function coreGroupView(c: Conference, profile: PolicyProfile, plan: ChildPlan | null, minutes: StoredMinutes | null, ofPlan: readonly StoredMinutes[] = []): CoreGroupView {
  const heldOn = c.start.slice(0, 10);
  const reviewDate = plan?.reviewDate ?? c.followUpOf?.reviewDate;
  const calendar = calendarOf(profile);
  const next = checkNextCoreGroupDate(profile, calendar, heldOn, minutes?.nextCoreGroupDate, reviewDate);
  const { conferenceId: _c, planId: _p, version: _v, ...body } = minutes ?? ({} as StoredMinutes);
  return {
    conferenceId: c.id,
    planId: planIdOf(c),
    heldOn,
    version: minutes?.version ?? 0,
    minutes: minutes ? body : null,
    attendeeTemplate: attendeeTemplate(c),
    plan: plan?.items ?? [],
    quorum: coreGroupQuorum(minutes?.attendees ?? []),
    nextDate: { latest: next.latest, earliestFinal: next.earliestFinal, reviewDate: reviewDate ?? null, lastBeforeReview: next.lastBeforeReview },
    minutesDueBy: minutesDueBy(profile, calendar, heldOn),
    circulated: minutes?.circulatedAt !== undefined,
    previous: previousOf(c, heldOn, ofPlan),
  };
}

function previousOf(c: Conference, heldOn: string, ofPlan: readonly StoredMinutes[]): CoreGroupView['previous'] {
  const before = ofPlan.filter((m) => m.conferenceId !== c.id && m.heldOn < heldOn).at(-1);
  return before ? { conferenceId: before.conferenceId, heldOn: before.heldOn, scalingNow: before.scaling.now ?? null } : null;
}
