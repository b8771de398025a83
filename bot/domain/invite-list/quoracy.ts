// The quoracy forecast and the clerk's board rows (DOMAIN-RULES §3; 000, 003): children's social
// care plus `profile.quoracy.otherAgencies` other agencies taking part. An agency takes part when
// one of its professionals answered attending or sending a colleague, or its written report has
// arrived. Children's social care takes part through its social worker (the lead professional is
// always there) or a professional of its own who answered attending. Pure: the T9 date is given.
import type { IsoDate } from '../calendar/iso-date';
import { ALWAYS_INVITED, type Agency, AGENCIES, isAgency } from '../conference/agency';
import type { AttendanceAnswer, Conference, Invitee } from '../conference/conference';
import type { QuoracyRule } from '../policy/policy-profile';
import { audienceOf } from './invitee-rules';

export type AgencyAnswer = 'attending' | 'sending-colleague' | 'not-attending' | 'no-answer';

export interface AgencyRow {
  agency: Agency;
  /** Professionals of this agency on the list (not removed). */
  invited: number;
  /** The agency's best answer: attending > sending a colleague > not attending > none yet. */
  answer: AgencyAnswer;
  answered: number;
  /** T9: agency reports reach the convening team by this date (null when the rule is off). */
  reportDue: IsoDate | null;
  reportReceived: boolean;
  /** Received by the T9 date (Sheffield shares reports only with on-time contributors). */
  reportOnTime: boolean | null;
  /** Attending (or a colleague) or reporting: it counts towards quoracy. */
  counts: boolean;
}

export interface QuoracyForecast {
  quorate: boolean;
  socialCare: boolean;
  otherAgenciesRequired: number;
  /** The other agencies taking part so far (sorted as AGENCIES). */
  otherAgenciesCounted: Agency[];
  missing: {
    /** Children's social care is not taking part yet (no social worker on the list). */
    socialCare: boolean;
    /** How many more other agencies must attend or report. */
    otherAgencies: number;
    /** Invited agencies that have not yet answered attending nor sent a report: who to chase. */
    toChase: Agency[];
    /** Health and police are always invited (002): those not on the list at all. */
    notInvited: Agency[];
  };
  agencies: AgencyRow[];
}

const STAFF_ROLES = new Set(['chair', 'social-worker', 'clerk', 'team-manager']);

/** The agency an invitee stands for on the board (staff without one are children's social care). */
export function agencyOfInvitee(i: Pick<Invitee, 'role' | 'agency'>): Agency | null {
  if (audienceOf(i.role) === 'family' || i.role === 'interpreter' || i.role === 'observer') return null;
  if (isAgency(i.agency)) return i.agency;
  return STAFF_ROLES.has(i.role) ? 'childrens-social-care' : null;
}

export function latestAnswer(i: Pick<Invitee, 'attendance'>): AttendanceAnswer | undefined {
  return i.attendance?.at(-1);
}

const RANK: Record<AgencyAnswer, number> = { attending: 3, 'sending-colleague': 2, 'not-attending': 1, 'no-answer': 0 };

export function forecastQuoracy(c: Pick<Conference, 'invitees'>, rule: QuoracyRule, reportDue: IsoDate | null): QuoracyForecast {
  const rows = new Map<Agency, AgencyRow>();
  let socialWorker = false;
  for (const i of c.invitees) {
    if (i.status === 'removed') continue;
    const agency = agencyOfInvitee(i);
    if (agency === null) continue;
    if (i.role === 'social-worker') socialWorker = true;
    const row = rows.get(agency) ?? { agency, invited: 0, answer: 'no-answer', answered: 0, reportDue, reportReceived: false, reportOnTime: null, counts: false };
    row.invited += 1;
    const answer = latestAnswer(i)?.answer;
    if (answer) {
      row.answered += 1;
      if (RANK[answer] > RANK[row.answer]) row.answer = answer;
    }
    if (i.report) {
      row.reportReceived = true;
      row.reportOnTime = (row.reportOnTime ?? false) || i.report.onTime;
    }
    row.counts = row.answer === 'attending' || row.answer === 'sending-colleague' || row.reportReceived;
    rows.set(agency, row);
  }
  const agencies = AGENCIES.filter((a) => rows.has(a)).map((a) => rows.get(a)!);
  const socialCare = socialWorker || (rows.get('childrens-social-care')?.counts ?? false);
  const otherAgenciesCounted = agencies.filter((r) => r.agency !== 'childrens-social-care' && r.counts).map((r) => r.agency);
  const short = Math.max(0, rule.otherAgencies - otherAgenciesCounted.length);
  return {
    quorate: socialCare && short === 0,
    socialCare,
    otherAgenciesRequired: rule.otherAgencies,
    otherAgenciesCounted,
    missing: {
      socialCare: !socialCare,
      otherAgencies: short,
      toChase: agencies.filter((r) => r.agency !== 'childrens-social-care' && !r.counts).map((r) => r.agency),
      notInvited: ALWAYS_INVITED.filter((a) => !rows.has(a)),
    },
    agencies,
  };
}
