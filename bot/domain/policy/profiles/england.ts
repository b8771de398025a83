import type { PolicyProfile } from '../policy-profile';
import { DEFAULT_MEETING_LOCKDOWN } from './default-meeting-lockdown';

/** The national baseline (Working Together to Safeguard Children), DOMAIN-RULES §2 column "england". */
export const ENGLAND: PolicyProfile = {
  id: 'england',
  calendar: 'england-and-wales',
  extraClosures: [],
  timescales: {
    T1: 15, T2: 3, T3: 6, T4: 10,
    T5: { unit: 'weeks', n: 6 },
    T6: null,
    T7: { ICPC: 7, RCPC: 7 },
    T8: null, T9: 3,
    T10: { ICPC: 2, RCPC: 5 },
    T10b: 1, T11: 2, T12: 1, T13: null, T14: 15, T15: null, T16: 15, T17: 10,
    T18: { fromWeek: 30, toWeek: 32 },
    T19: 15, T20: 15, T21: null, T22: null, T23: null, T24: 15,
  },
  decisionRule: 'chair-decides',
  allowMultipleCategory: false,
  noNeglectDiscontinueAtFirstReview: false,
  meeting: DEFAULT_MEETING_LOCKDOWN,
  quoracy: { otherAgencies: 2 },
  reports: { shareReportsOnlyWithOnTimeContributors: false, reportAccessDaysAfterConference: 0, maxReportBytes: 20 * 1024 * 1024 },
  // Mosaic and LCS ids are numbers, sometimes with a letter prefix: never a name or an address.
  caseReference: { pattern: '[A-Z]{0,3}[0-9]{4,10}', description: 'a Mosaic or LCS id: 4–10 digits, optionally after up to 3 capital letters' },
};
