// The dates a decision names and the range each may take (DOMAIN-RULES §1–2, §5): the first core
// group within T4 working days of the conference, the review within T2 months (after an initial
// conference) or T3 months (after a review). Each range starts on the first working day after the
// conference; the ends come from computeDeadlines, so the card and the booking agree.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import type { Anchors } from '../timescales/anchors';
import { computeDeadlines } from '../timescales/compute-deadlines';

export interface DateRange {
  /** First working day after the conference. */
  from: IsoDate;
  /** The rule's latest day; absent when the profile has the rule off. */
  to?: IsoDate;
  rule: RuleId;
  /** The rule in words with the profile's value, e.g. "within 10 working days of the conference". */
  text: string;
}

export interface DecisionRanges {
  firstCoreGroup: DateRange;
  review: DateRange;
}

/** A review conference (RCPC); transfer-in and pre-birth conferences are initial ones. */
export const isReviewKind = (kind: ConferenceKind): boolean => kind === 'RCPC';

/** The first review: an RCPC measured from the ICPC (its anchor is the ICPC, not a previous review). */
export function isFirstReview(kind: ConferenceKind, anchors: Anchors | undefined): boolean {
  return kind === 'RCPC' && anchors?.icpc !== undefined && anchors.rcpc === undefined;
}

export function decisionRanges(profile: PolicyProfile, calendar: WorkingCalendar, kind: ConferenceKind, conferenceDate: IsoDate): DecisionRanges {
  const t = profile.timescales;
  const from = calendar.addWorkingDays(conferenceDate, 1);
  // Measured as if this conference were the ICPC (T4, T2) or the previous review (T3).
  const asIcpc = computeDeadlines(profile, calendar, { icpc: conferenceDate });
  const asRcpc = computeDeadlines(profile, calendar, { rcpc: conferenceDate });
  const t4 = asIcpc.find((d) => d.rule === 'T4')?.date;
  const reviewRule: RuleId = isReviewKind(kind) ? 'T3' : 'T2';
  const review = (reviewRule === 'T3' ? asRcpc : asIcpc).find((d) => d.rule === reviewRule)?.date;
  const months = reviewRule === 'T3' ? t.T3 : t.T2;
  return {
    firstCoreGroup: { from, ...(t4 && { to: t4 }), rule: 'T4', text: t.T4 === null ? 'after the conference' : `within ${t.T4} working days of the conference` },
    review: { from, ...(review && { to: review }), rule: reviewRule, text: months === null ? 'after the conference' : `within ${months} months of the conference` },
  };
}
