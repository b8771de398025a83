// Everything a decision use case needs about one conference, loaded once: the conference, its
// live meeting, the profile and calendar, the agencies whose views may count, and the chair check.
// Only the chair may open, save or record the decision; anyone else gets an audited refusal.
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { Conference } from '../../domain/conference/conference';
import type { DecisionContext } from '../../domain/decision/validate-decision';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import { MeetingError } from '../../domain/meeting/meeting-errors';
import { quorumAtStart } from '../../domain/meeting/quorum-at-start';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import type { AppDeps } from '../app-deps';
import { BookingError } from '../meetings/booking-errors';
import { DecisionError } from './decision-errors';

export type DecisionDeps = Pick<AppDeps, 'store' | 'live' | 'audit' | 'uow' | 'clock' | 'profileFor'>;

export const DECISION_REFUSED_AUDIT_ACTION = 'decision.refused';

export interface LoadedDecision {
  conference: Conference;
  live: LiveMeeting;
  profile: PolicyProfile;
  calendar: WorkingCalendar;
  /** Children's social care (through its social worker) and the agencies present or reporting. */
  eligibleAgencies: string[];
  /** Which of them sent a report only (not in the meeting): shown beside the agency on the card. */
  reportingOnly: string[];
}

/** The conference's chair: booking.chairId, or the chair invitee's directory id. */
export function isChair(c: Conference, actorId: string): boolean {
  if (c.booking?.chairId === actorId) return true;
  return c.invitees.some((i) => i.role === 'chair' && i.status !== 'removed' && i.directoryId !== undefined && i.directoryId === actorId);
}

/**
 * Agencies whose views count (issue 9): present in the meeting (a matched roster entry) or
 * reporting. Present means joined at any time in this meeting, not only now: an officer who gave
 * the police view and left before the chair pressed Record still counts.
 */
export function eligibleAgencies(c: Conference, live: Pick<LiveMeeting, 'roster'>, profile: PolicyProfile): { eligible: string[]; reportingOnly: string[] } {
  const attended = live.roster.map((r) => ({ ...r, inMeeting: true }));
  const q = quorumAtStart(c, { roster: attended }, profile.quoracy);
  const eligible = [...(q.socialCare ? ['childrens-social-care'] : []), ...new Set([...q.agenciesPresent, ...q.agenciesReporting])];
  return { eligible, reportingOnly: q.agenciesReporting.filter((a) => !q.agenciesPresent.includes(a)) };
}

export function domainContext(d: LoadedDecision): DecisionContext {
  return { profile: d.profile, calendar: d.calendar, conference: d.conference, eligibleAgencies: d.eligibleAgencies };
}

/**
 * The conference and its live meeting for `actorId`, who must be the chair. Refusals: no such
 * conference (CONFERENCE.NOT_FOUND), a core group (DECISION.NOT_A_CONFERENCE), not the chair
 * (DECISION.NOT_THE_CHAIR, audited with ids and codes only), no live meeting (MEETING.NOT_FOUND).
 */
export async function loadDecision(deps: DecisionDeps, actorId: string, conferenceId: string, attempted: string): Promise<LoadedDecision> {
  const conference = await deps.store.get(conferenceId);
  if (!conference) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  if (!isChair(conference, actorId)) {
    await deps.audit.append({
      actorId,
      actorRole: 'unknown',
      action: DECISION_REFUSED_AUDIT_ACTION,
      conferenceId,
      detail: { attempted, code: 'DECISION.NOT_THE_CHAIR' },
    });
    throw new DecisionError('DECISION.NOT_THE_CHAIR', `not the chair of conference ${conferenceId}`, { conferenceId });
  }
  if (conference.kind === 'CORE_GROUP') throw new DecisionError('DECISION.NOT_A_CONFERENCE', `conference ${conferenceId} is a core group`, { conferenceId });
  const live = await deps.live.get(conferenceId);
  if (!live) throw new MeetingError('MEETING.NOT_FOUND', `no live meeting for conference ${conferenceId}`, { conferenceId });
  const profile = deps.profileFor(conference.profileId);
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  const { eligible, reportingOnly } = eligibleAgencies(conference, live, profile);
  return { conference, live, profile, calendar, eligibleAgencies: eligible, reportingOnly };
}
