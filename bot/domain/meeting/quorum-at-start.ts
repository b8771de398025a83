// Quorum at the start (DOMAIN-RULES §3; 000, 003): children's social care plus the profile's
// `quoracy.otherAgencies` other agencies present or reporting; core groups: two professional
// members present (004). Present = a matched roster entry in the meeting; reporting = the
// agency's written report received. Agencies as bot/domain/invite-list/quoracy.ts sees them.
import { AGENCIES } from '../conference/agency';
import type { Conference, InviteeRole } from '../conference/conference';
import { agencyOfInvitee } from '../invite-list/quoracy';
import type { QuoracyRule } from '../policy/policy-profile';
import type { LiveMeeting } from './live-meeting';

export interface QuorumAtStart {
  quorate: boolean;
  socialCare: boolean;
  /** Other agencies (not children's social care) with someone present, in AGENCIES order. */
  agenciesPresent: string[];
  /** Other agencies whose written report was received, in AGENCIES order. */
  agenciesReporting: string[];
  /** Other agencies required (ICPC…), or professional members required (core groups: 2). */
  otherAgenciesRequired: number;
  /** How many more are needed. */
  missing: number;
}

/** Core group professional members (004): the lead social worker, managers, professionals (and the chair). */
const CORE_GROUP_PROFESSIONALS: readonly InviteeRole[] = ['chair', 'social-worker', 'team-manager', 'professional'];
/** Children's social care takes part through its social worker, or a colleague of the same service. */
const SOCIAL_CARE_ROLES: readonly InviteeRole[] = ['social-worker', 'team-manager', 'professional'];
export const CORE_GROUP_QUORUM = 2;

export function quorumAtStart(c: Conference, live: Pick<LiveMeeting, 'roster'>, rule: QuoracyRule): QuorumAtStart {
  const presentIds = new Set(live.roster.filter((r) => r.inMeeting && r.inviteeId !== undefined).map((r) => r.inviteeId));
  const invitees = c.invitees.filter((i) => i.status !== 'removed');
  const present = invitees.filter((i) => presentIds.has(i.id));
  const socialCare = present.some((i) => i.role === 'social-worker' || (SOCIAL_CARE_ROLES.includes(i.role) && agencyOfInvitee(i) === 'childrens-social-care'));
  const inOrder = (s: Set<string>): string[] => AGENCIES.filter((a) => s.has(a));
  const others = (list: typeof invitees): Set<string> =>
    new Set(list.map((i) => agencyOfInvitee(i)).filter((a): a is NonNullable<typeof a> => a !== null && a !== 'childrens-social-care'));
  const agenciesPresent = inOrder(others(present));
  const agenciesReporting = inOrder(others(invitees.filter((i) => i.report !== undefined)));
  if (c.kind === 'CORE_GROUP') {
    const members = present.filter((i) => CORE_GROUP_PROFESSIONALS.includes(i.role)).length;
    const missing = Math.max(0, CORE_GROUP_QUORUM - members);
    return { quorate: missing === 0, socialCare, agenciesPresent, agenciesReporting, otherAgenciesRequired: CORE_GROUP_QUORUM, missing };
  }
  const counted = new Set([...agenciesPresent, ...agenciesReporting]).size;
  const missing = Math.max(0, rule.otherAgencies - counted);
  return { quorate: socialCare && missing === 0, socialCare, agenciesPresent, agenciesReporting, otherAgenciesRequired: rule.otherAgencies, missing };
}
