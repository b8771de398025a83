// A decision card's draft as a Decision, or every field error at once (DOMAIN-RULES §5; 001):
// the outcome under the profile's decisionRule, the chair's concerns, the category, dissent with
// reasons, the lead social worker and core group from the invite list, the dates in their ranges,
// child in need / no further action, and for reviews continue / change category / end the plan
// (never a neglect plan at its first review where the profile says so). Pure: the caller gives
// the agencies present or reporting, the calendar and the profile.
import { isValidIsoDate } from '../calendar/civil-date';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Conference, InviteeRole } from '../conference/conference';
import type { PolicyProfile } from '../policy/policy-profile';
import { type AgencyViewEntry, type Decision, type DecisionDraft, type DecisionOutcome, HARM_CATEGORIES, type HarmCategory } from './decision';
import { type ComputedOutcome, computeOutcome } from './decision-outcome';
import { type DateRange, type DecisionRanges, decisionRanges, isFirstReview, isReviewKind } from './decision-ranges';
import type { DecisionField, DecisionFieldErrors, DecisionRuleCode } from './decision-rule-codes';

export interface DecisionContext {
  profile: PolicyProfile;
  calendar: WorkingCalendar;
  conference: Pick<Conference, 'kind' | 'start' | 'anchors' | 'invitees'>;
  /** Agencies present in the meeting (matched roster entries) or that sent a report. */
  eligibleAgencies: readonly string[];
}

/** The decision without who recorded it and when (the use case adds chairId and at). */
export type ValidDecision = Omit<Decision, 'chairId' | 'at'>;

export type DecisionCheck =
  | { ok: true; value: ValidDecision; outcome: ComputedOutcome; ranges: DecisionRanges }
  | { ok: false; errors: DecisionFieldErrors; outcome: ComputedOutcome; ranges: DecisionRanges };

const VIEWS = new Set(['plan', 'no-plan', 'abstain']);
/** Core group: professionals and family (DOMAIN-RULES §5); not the chair, clerk, observers or interpreters. */
const CORE_GROUP_ROLES: ReadonlySet<InviteeRole> = new Set<InviteeRole>([
  'social-worker', 'professional', 'team-manager', 'parent', 'child', 'family-other', 'foster-carer', 'advocate',
]);

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** The conference's date in Europe/London (its wall-clock start: never a UTC timestamp). */
export const conferenceDateOf = (c: Pick<Conference, 'start'>): IsoDate => c.start.slice(0, 10);

/** The allowed range in words, for the card's label and the error beside the field. */
export function rangeText(r: DateRange): string {
  return r.to ? `${r.from} to ${r.to} (${r.rule}: ${r.text})` : `from ${r.from} (${r.rule}: ${r.text})`;
}

/** The draft's agency views that can count: known views of eligible agencies, first entry each. */
export function countableViews(draft: Pick<DecisionDraft, 'views'>, eligible: readonly string[]): AgencyViewEntry[] {
  const seen = new Set<string>();
  return draft.views.filter((v) => {
    if (!eligible.includes(v.agency) || seen.has(v.agency) || !VIEWS.has(v.view)) return false;
    seen.add(v.agency);
    return true;
  });
}

export function validateDecision(draft: DecisionDraft, ctx: DecisionContext): DecisionCheck {
  const { profile, calendar, conference: c } = ctx;
  const errors: DecisionFieldErrors = {};
  const fail = (field: DecisionField, code: DecisionRuleCode, message: string) => {
    errors[field] ??= { code, message };
  };
  const ranges = decisionRanges(profile, calendar, c.kind, conferenceDateOf(c));

  // Views: only agencies present or reporting, once each, every one of them.
  const seen = new Set<string>();
  for (const v of draft.views) {
    if (!ctx.eligibleAgencies.includes(v.agency)) fail(`view.${v.agency}`, 'DECISION.AGENCY_NOT_PRESENT', 'This agency is neither in the meeting nor sent a report: its view cannot be counted.');
    else if (seen.has(v.agency)) fail(`view.${v.agency}`, 'DECISION.AGENCY_DUPLICATED', 'This agency has a view already.');
    else if (!VIEWS.has(v.view)) fail(`view.${v.agency}`, 'DECISION.VIEW_INVALID', 'Choose plan, no plan or abstain.');
    seen.add(v.agency);
    if (v.scaling !== undefined && !(Number.isInteger(v.scaling) && v.scaling >= 0 && v.scaling <= 10)) {
      fail(`scaling.${v.agency}`, 'DECISION.SCALING_INVALID', 'Scaling is a whole number from 0 to 10.');
    }
  }
  for (const agency of ctx.eligibleAgencies) {
    if (!seen.has(agency)) fail(`view.${agency}`, 'DECISION.VIEW_REQUIRED', "Enter this agency's view (plan, no plan or abstain).");
  }
  const views = countableViews(draft, ctx.eligibleAgencies);
  const outcome = computeOutcome(profile.decisionRule, views, draft.chairView);

  if (outcome.result === null) {
    fail('chairView', 'DECISION.CHAIR_VIEW_REQUIRED', outcome.tie
      ? "The agencies' views are equally split: the chair's casting vote decides."
      : 'The chair decides, having heard every agency: give your view.');
  }
  if (outcome.chairDiffers && blank(draft.chairConcerns)) {
    fail('chairConcerns', 'DECISION.CHAIR_CONCERNS_REQUIRED', 'Your view differs from the majority: record your concerns for the summary.');
  }

  // Dissent: every agency whose view differs from the outcome, with its reason.
  const dissent = outcome.result === null ? [] : views.filter((v) => v.view !== 'abstain' && v.view !== outcome.result).map((v) => {
    const reason = draft.dissent.find((d) => d.agency === v.agency)?.reason;
    if (blank(reason)) fail(`dissent.${v.agency}`, 'DECISION.DISSENT_REASON_REQUIRED', "This agency's view differs from the outcome: record its reason.");
    return { agency: v.agency, reason: (reason ?? '').trim() };
  });

  const category = (field: 'category' | 'review.newCategory', value: HarmCategory | undefined, requiredCode: DecisionRuleCode): HarmCategory | undefined => {
    if (value === undefined) {
      fail(field, requiredCode, field === 'category' ? 'Choose the category of harm.' : 'Choose the new category.');
      return undefined;
    }
    if (value === 'multiple' && !profile.allowMultipleCategory) {
      fail(field, 'DECISION.CATEGORY_MULTIPLE_NOT_ALLOWED', 'Choose exactly one category: physical, emotional, sexual abuse or neglect.');
      return undefined;
    }
    if (value !== 'multiple' && !(HARM_CATEGORIES as readonly string[]).includes(value)) {
      fail(field, 'DECISION.CATEGORY_INVALID', 'Choose one of the categories listed.');
      return undefined;
    }
    return value;
  };

  const review = isReviewKind(c.kind);
  const plan = outcome.result === 'plan';
  const base = {
    decidedBy: outcome.decidedBy ?? 'chair',
    views,
    ...(draft.chairView && { chairView: draft.chairView }),
    ...(outcome.chairDiffers && !blank(draft.chairConcerns) && { chairConcerns: draft.chairConcerns!.trim() }),
    dissent,
  } as const;
  let value: ValidDecision | undefined;

  const planDetails = () => {
    const lead = leadSocialWorker(draft, c.invitees, fail);
    const members = coreGroup(draft, c.invitees, fail);
    const firstCoreGroupDate = checkDate('firstCoreGroupDate', draft.firstCoreGroupDate, ranges.firstCoreGroup, calendar, fail);
    const reviewDate = checkDate('reviewDate', draft.reviewDate, ranges.review, calendar, fail);
    // The lead social worker is always in the core group.
    const coreGroupInviteeIds = lead && !members.includes(lead) ? [lead, ...members] : members;
    return { leadSocialWorkerInviteeId: lead, coreGroupInviteeIds, firstCoreGroupDate, reviewDate };
  };
  const withoutPlan = (): DecisionOutcome => {
    if (draft.outcomeWithoutPlan === 'child-in-need' || draft.outcomeWithoutPlan === 'no-further-action') return draft.outcomeWithoutPlan;
    fail('outcomeWithoutPlan', 'DECISION.OUTCOME_WITHOUT_PLAN_REQUIRED', 'No plan: choose child in need or no further action.');
    return 'no-further-action';
  };

  if (!review) {
    if (plan) {
      const cat = category('category', draft.category, 'DECISION.CATEGORY_REQUIRED');
      const d = planDetails();
      value = { ...base, outcome: 'child-protection-plan', ...(cat && { category: cat }), ...definedOnly(d) };
    } else if (outcome.result === 'no-plan') {
      value = { ...base, outcome: withoutPlan(), coreGroupInviteeIds: [] };
    }
  } else {
    // A review: `category` is the plan's category as it stands.
    const current = category('category', draft.category, 'DECISION.CATEGORY_REQUIRED');
    const asked = draft.review?.outcome;
    if (plan) {
      if (asked === undefined) fail('review.outcome', 'DECISION.REVIEW_OUTCOME_REQUIRED', 'The plan continues: choose continue, or change the category.');
      else if (asked === 'end-plan') fail('review.outcome', 'DECISION.REVIEW_OUTCOME_CONFLICT', 'The views are for a plan: it cannot end. Choose continue or change the category.');
      let newCategory: HarmCategory | undefined;
      if (asked === 'change-category') {
        newCategory = category('review.newCategory', draft.review?.newCategory, 'DECISION.NEW_CATEGORY_REQUIRED');
        if (newCategory !== undefined && newCategory === current) {
          fail('review.newCategory', 'DECISION.NEW_CATEGORY_SAME', 'The new category is the same as the current one: choose continue instead.');
        }
      }
      const d = planDetails();
      value = {
        ...base, outcome: 'child-protection-plan', ...(current && { category: current }), ...definedOnly(d),
        review: { outcome: asked === 'change-category' ? 'change-category' : 'continue', ...(newCategory && { newCategory }) },
      };
    } else if (outcome.result === 'no-plan') {
      if (asked !== undefined && asked !== 'end-plan') {
        fail('review.outcome', 'DECISION.REVIEW_OUTCOME_CONFLICT', 'The views are for ending the plan: choose end the plan.');
      }
      if (profile.noNeglectDiscontinueAtFirstReview && isFirstReview(c.kind, c.anchors) && current === 'neglect') {
        fail('review.outcome', 'DECISION.NEGLECT_FIRST_REVIEW', 'A plan under neglect cannot end at its first review.');
      }
      const complete = draft.review?.allActionsComplete === true;
      const rationale = draft.review?.endRationale;
      if (!complete && blank(rationale)) {
        fail('review.endRationale', 'DECISION.END_RATIONALE_REQUIRED', 'Ending the plan: confirm all actions are complete, or give the rationale.');
      }
      value = {
        ...base, outcome: withoutPlan(), ...(current && { category: current }), coreGroupInviteeIds: [],
        review: { outcome: 'end-plan', allActionsComplete: complete, ...(!blank(rationale) && { endRationale: rationale!.trim() }) },
      };
    }
  }

  if (Object.keys(errors).length > 0 || value === undefined) return { ok: false, errors, outcome, ranges };
  return { ok: true, value, outcome, ranges };
}

type Fail = (field: DecisionField, code: DecisionRuleCode, message: string) => void;

function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function leadSocialWorker(draft: DecisionDraft, invitees: Conference['invitees'], fail: Fail): string | undefined {
  const id = draft.leadSocialWorkerInviteeId;
  if (blank(id)) {
    fail('leadSocialWorker', 'DECISION.LEAD_SOCIAL_WORKER_REQUIRED', 'Choose the lead social worker.');
    return undefined;
  }
  const invitee = invitees.find((i) => i.id === id && i.status !== 'removed');
  if (invitee?.role !== 'social-worker') {
    fail('leadSocialWorker', 'DECISION.LEAD_SOCIAL_WORKER_INVALID', 'The lead social worker must be a qualified social worker on the invite list.');
    return undefined;
  }
  return invitee.id;
}

function coreGroup(draft: DecisionDraft, invitees: Conference['invitees'], fail: Fail): string[] {
  const ids = [...new Set(draft.coreGroupInviteeIds)];
  if (ids.length === 0) fail('coreGroup', 'DECISION.CORE_GROUP_REQUIRED', 'Choose the core group: the professionals and family members.');
  const ok = ids.filter((id) => {
    const i = invitees.find((x) => x.id === id && x.status !== 'removed');
    return i !== undefined && CORE_GROUP_ROLES.has(i.role);
  });
  if (ok.length < ids.length) fail('coreGroup', 'DECISION.CORE_GROUP_MEMBER_INVALID', 'Core group members are professionals and family members on the invite list.');
  return ok;
}

function checkDate(field: 'firstCoreGroupDate' | 'reviewDate', value: IsoDate | undefined, range: DateRange, calendar: WorkingCalendar, fail: Fail): IsoDate | undefined {
  const allowed = rangeText(range);
  if (blank(value)) {
    fail(field, 'DECISION.DATE_REQUIRED', `Give the date: ${allowed}.`);
    return undefined;
  }
  if (!isValidIsoDate(value)) {
    fail(field, 'DECISION.DATE_INVALID', `Not a date: ${allowed}.`);
    return undefined;
  }
  let working: boolean;
  try {
    working = calendar.isWorkingDay(value);
  } catch {
    // A year the calendar does not know is far outside any range.
    fail(field, 'DECISION.DATE_OUT_OF_RANGE', `Outside the allowed range: ${allowed}.`);
    return undefined;
  }
  if (value < range.from || (range.to !== undefined && value > range.to)) {
    fail(field, 'DECISION.DATE_OUT_OF_RANGE', `Outside the allowed range: ${allowed}.`);
    return undefined;
  }
  if (!working) {
    fail(field, 'DECISION.DATE_NOT_WORKING_DAY', `Not a working day: ${allowed}.`);
    return undefined;
  }
  return value;
}
