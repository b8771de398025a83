// The core group's rules (DOMAIN-RULES §7; 004): quorate with two professional members attending,
// the plan's actions and safety goals append-only, the next date within T5 (and, where the profile
// has T6, a final core group before the review no earlier than T6 working days before it), the
// minutes template complete before they are circulated, and circulated within T16. Pure.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { InviteeRole } from '../conference/conference';
import type { PolicyProfile } from '../policy/policy-profile';
import { withinInterval } from '../timescales/limits';
import type { CoreGroupRuleCode, MinutesFieldError } from './core-group-codes';
import type { CoreGroupMinutes, MinutesAttendee, PlanItem } from './core-group-minutes';

/** Professional members: the lead social worker, managers and agency professionals (not family, interpreters, observers, clerk). */
const PROFESSIONAL_MEMBER_ROLES: readonly InviteeRole[] = ['chair', 'social-worker', 'team-manager', 'professional'];
export const QUORUM_PROFESSIONALS = 2;

export function isProfessionalMember(role: InviteeRole): boolean {
  return PROFESSIONAL_MEMBER_ROLES.includes(role);
}

export interface CoreGroupQuorum {
  quorate: boolean;
  professionalsAttending: number;
}

/** Quorate when at least two professional members attend (004). */
export function coreGroupQuorum(attendees: readonly MinutesAttendee[]): CoreGroupQuorum {
  const professionalsAttending = new Set(attendees.filter((a) => a.attended && isProfessionalMember(a.role)).map((a) => a.inviteeId)).size;
  return { quorate: professionalsAttending >= QUORUM_PROFESSIONALS, professionalsAttending };
}

/** An item as a save sends it: an existing one by id (unchanged), or a new one without an id. */
export interface SubmittedPlanItem {
  id?: string;
  kind: PlanItem['kind'];
  text: string;
  owner?: string;
}

export type PlanMerge =
  | { ok: true; items: PlanItem[]; added: PlanItem[] }
  | { ok: false; code: Extract<CoreGroupRuleCode, 'CORE_GROUP.PLAN_ITEM_REMOVED' | 'CORE_GROUP.PLAN_ITEM_CHANGED'>; itemId: string; message: string };

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

/**
 * The plan after a save: every agreed item still there word for word (in its order), then the new
 * ones. An item left out, or an existing one with other words, kind or owner, refuses the save:
 * the core group may add to the plan but never remove an agreed action or goal (004).
 */
export function mergePlanItems(
  existing: readonly PlanItem[],
  submitted: readonly SubmittedPlanItem[],
  ctx: { agreedAt: IsoDate; agreedBy: string; newId: () => string },
): PlanMerge {
  const byId = new Map(submitted.filter((s) => s.id !== undefined).map((s) => [s.id!, s]));
  for (const item of existing) {
    const s = byId.get(item.id);
    if (!s) return { ok: false, code: 'CORE_GROUP.PLAN_ITEM_REMOVED', itemId: item.id, message: `The agreed ${item.kind === 'action' ? 'action' : 'safety goal'} ${item.id} cannot be removed: record a disagreement instead.` };
    if (s.kind !== item.kind || !same(s.text, item.text) || !same(s.owner, item.owner)) {
      return { ok: false, code: 'CORE_GROUP.PLAN_ITEM_CHANGED', itemId: item.id, message: `The agreed ${item.kind === 'action' ? 'action' : 'safety goal'} ${item.id} cannot be rewritten: add a new one, or record a disagreement.` };
    }
  }
  const known = new Set(existing.map((i) => i.id));
  const unknownId = submitted.find((s) => s.id !== undefined && !known.has(s.id));
  if (unknownId) return { ok: false, code: 'CORE_GROUP.PLAN_ITEM_CHANGED', itemId: unknownId.id!, message: `There is no agreed item ${unknownId.id}: send a new item without an id.` };
  const added: PlanItem[] = submitted
    .filter((s) => s.id === undefined && s.text.trim() !== '')
    .map((s) => ({ id: ctx.newId(), kind: s.kind, text: s.text.trim(), ...(s.owner?.trim() && { owner: s.owner.trim() }), agreedAt: ctx.agreedAt, agreedBy: ctx.agreedBy }));
  return { ok: true, items: [...existing, ...added], added };
}

export interface NextDateCheck {
  ok: boolean;
  error?: MinutesFieldError;
  /** T5: the latest day for the next core group. */
  latest: IsoDate | null;
  /** T6: the earliest day for the final core group before the review (when it applies). */
  earliestFinal: IsoDate | null;
  /** The next date is on or after the review: this meeting is the last core group before it. */
  lastBeforeReview: boolean;
}

/**
 * The next core group date against T5 (from this meeting) and T6 (the final core group before the
 * review no earlier than N working days before it). The next one is the final one before the review
 * when the one after it would fall due (T5) on or after the review date.
 */
export function checkNextCoreGroupDate(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  heldOn: IsoDate,
  next: IsoDate | undefined,
  reviewDate?: IsoDate,
): NextDateCheck {
  const t = profile.timescales;
  const latest = t.T5 !== null ? withinInterval(calendar, heldOn, t.T5) : null;
  const earliestFinal = t.T6 !== null && reviewDate !== undefined ? calendar.addWorkingDays(reviewDate, -t.T6) : null;
  const lastBeforeReview = reviewDate !== undefined && (next === undefined || next >= reviewDate);
  const answer = (error?: MinutesFieldError): NextDateCheck => ({ ok: !error, ...(error && { error }), latest, earliestFinal, lastBeforeReview });
  const fail = (code: CoreGroupRuleCode, message: string) => answer({ field: 'nextCoreGroupDate', code, message });
  if (next === undefined) return answer();
  if (next <= heldOn) return fail('CORE_GROUP.NEXT_DATE_INVALID', 'The next core group must be after this one.');
  if (!calendar.isWorkingDay(next)) return fail('CORE_GROUP.NEXT_DATE_INVALID', 'The next core group must be on a working day.');
  if (latest !== null && next > latest) return fail('CORE_GROUP.NEXT_DATE_PAST_T5', `The next core group must be held by ${latest} (T5).`);
  if (earliestFinal !== null && reviewDate !== undefined && next < reviewDate && t.T5 !== null && withinInterval(calendar, next, t.T5) >= reviewDate && next < earliestFinal) {
    return fail('CORE_GROUP.NEXT_DATE_BEFORE_T6', `This is the final core group before the review on ${reviewDate}: hold it no earlier than ${earliestFinal} (T6).`);
  }
  return answer();
}

/** T16: the day the minutes must be circulated by (null when the profile has it off). */
export function minutesDueBy(profile: PolicyProfile, calendar: WorkingCalendar, heldOn: IsoDate): IsoDate | null {
  return profile.timescales.T16 !== null ? calendar.addWorkingDays(heldOn, profile.timescales.T16) : null;
}

type MinutesBody = Omit<CoreGroupMinutes, 'conferenceId' | 'planId' | 'savedAt' | 'savedBy' | 'circulatedAt' | 'circulatedBy'>;

/**
 * The template's fields. `save`: what is there must be valid (scaling 0–10, progress only for
 * safety goals of the plan, the next date against T5/T6). `circulate`: everything the template asks
 * for must be there, the meeting quorate, and the recommendations given before a review.
 */
export function checkMinutes(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  m: MinutesBody,
  plan: readonly PlanItem[],
  options: { mode: 'save' | 'circulate'; reviewDate?: IsoDate },
): MinutesFieldError[] {
  const errors: MinutesFieldError[] = [];
  const add = (field: string, code: CoreGroupRuleCode, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, code, message });
  };
  const incomplete = (field: string, message: string) => add(field, 'CORE_GROUP.MINUTES_INCOMPLETE', message);

  for (const key of ['now', 'initialConference', 'lastMeeting'] as const) {
    const v = m.scaling[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 10)) incomplete(`scaling.${key}`, 'Scaling is a whole number from 0 to 10.');
  }
  const goals = plan.filter((i) => i.kind === 'safety-goal');
  for (const p of m.progress) {
    if (!goals.some((g) => g.id === p.itemId)) incomplete('progress', `Progress is recorded against a safety goal of the plan (${p.itemId} is not one).`);
  }
  const ids = new Set<string>();
  for (const a of m.attendees) {
    if (ids.has(a.inviteeId)) incomplete('attendees', `Attendee ${a.inviteeId} is listed twice.`);
    ids.add(a.inviteeId);
  }
  const next = checkNextCoreGroupDate(profile, calendar, m.heldOn, m.nextCoreGroupDate, options.reviewDate);
  if (next.error) add(next.error.field, next.error.code, next.error.message);
  if (options.mode === 'save') return errors;

  if (m.attendees.length === 0) incomplete('attendees', 'List the attendees: consulted, invited, attended and who chaired.');
  else if (!m.attendees.some((a) => a.chair && a.attended)) incomplete('attendees', 'Say who chaired the meeting (an attendee).');
  const quorum = coreGroupQuorum(m.attendees);
  if (m.attendees.length > 0 && !quorum.quorate) add('attendees', 'CORE_GROUP.NOT_QUORATE', `Two professional members must attend for the core group to be quorate (${quorum.professionalsAttending} did).`);
  const text = (field: 'childsWords' | 'familysWords' | 'workingWell' | 'worriedAbout' | 'needsToHappen', message: string) => {
    if (m[field].trim() === '') incomplete(field, message);
  };
  text('childsWords', "Record what the child says (or why their words could not be gathered).");
  text('familysWords', 'Record what the family says.');
  if (m.childSeenInTimescale === undefined) incomplete('childSeenInTimescale', 'Say whether the child was seen within the timescale.');
  if (m.advocateOffered === undefined) incomplete('advocateOffered', 'Say whether an advocate was offered.');
  for (const g of goals) {
    const p = m.progress.find((x) => x.itemId === g.id);
    if (!p || p.progress.trim() === '' || p.nextSteps.trim() === '') incomplete('progress', `Record progress and next steps for every safety goal (${g.id} has none).`);
  }
  if (m.scaling.now === undefined) incomplete('scaling.now', 'Give the scaling now (0–10).');
  text('workingWell', 'Record what is working well.');
  text('worriedAbout', 'Record what we are worried about.');
  text('needsToHappen', 'Record what needs to happen.');
  if (next.lastBeforeReview && (m.recommendationsForReview ?? '').trim() === '') {
    add('recommendationsForReview', 'CORE_GROUP.RECOMMENDATIONS_REQUIRED', 'This is the last core group before the review: record its recommendations for the review.');
  }
  if (m.nextCoreGroupDate === undefined && !next.lastBeforeReview) incomplete('nextCoreGroupDate', 'Give the date of the next core group.');
  return errors;
}
