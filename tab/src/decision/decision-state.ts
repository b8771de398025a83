// The form's own state and how it becomes the API's draft. The form keeps what the chair entered
// per agency (a scaling may be chosen before the view); the draft sent is only what was entered —
// no rule is checked here: whether it is a valid decision is the server's answer (`problems`).
import type { DecisionDraft, DecisionReading } from '../shell/api-types';

export interface AgencyEntry {
  view: string;
  scaling: string;
  dissent: string;
}

export interface FormValues {
  agencies: Record<string, AgencyEntry>;
  chairView: string;
  chairConcerns: string;
  outcomeWithoutPlan: string;
  category: string;
  leadSocialWorkerInviteeId: string;
  coreGroupInviteeIds: string[];
  firstCoreGroupDate: string;
  reviewDate: string;
  reviewOutcome: string;
  newCategory: string;
  allActionsComplete: boolean;
  endRationale: string;
}

/** The saved draft as the form's values (every agency that counts gets a row). */
export function valuesOf(reading: DecisionReading): FormValues {
  const d = reading.draft;
  const agencies: Record<string, AgencyEntry> = {};
  for (const { agency } of reading.choices.agencies) {
    const v = d.views.find((x) => x.agency === agency);
    agencies[agency] = {
      view: v?.view ?? '',
      scaling: v?.scaling !== undefined ? String(v.scaling) : '',
      dissent: d.dissent.find((x) => x.agency === agency)?.reason ?? '',
    };
  }
  return {
    agencies,
    chairView: d.chairView ?? '',
    chairConcerns: d.chairConcerns ?? '',
    outcomeWithoutPlan: d.outcomeWithoutPlan ?? '',
    category: d.category ?? '',
    leadSocialWorkerInviteeId: d.leadSocialWorkerInviteeId ?? '',
    coreGroupInviteeIds: [...d.coreGroupInviteeIds],
    firstCoreGroupDate: d.firstCoreGroupDate ?? '',
    reviewDate: d.reviewDate ?? '',
    reviewOutcome: d.review?.outcome ?? '',
    newCategory: d.review?.newCategory ?? '',
    allActionsComplete: d.review?.allActionsComplete === true,
    endRationale: d.review?.endRationale ?? '',
  };
}

type Draft = DecisionDraft;
const filled = (s: string) => s.trim() !== '';

/** The values as the draft the API takes (PUT …/decision/draft, POST …/decision {draft}). */
export function draftOf(v: FormValues): Draft {
  const views: NonNullable<Draft['views']> = [];
  const dissent: NonNullable<Draft['dissent']> = [];
  for (const [agency, e] of Object.entries(v.agencies)) {
    if (filled(e.view)) views.push({ agency, view: e.view as 'plan', ...(filled(e.scaling) && { scaling: Number(e.scaling) }) });
    if (filled(e.dissent)) dissent.push({ agency, reason: e.dissent });
  }
  const review = {
    ...(filled(v.reviewOutcome) && { outcome: v.reviewOutcome as 'continue' }),
    ...(filled(v.newCategory) && { newCategory: v.newCategory as 'neglect' }),
    ...(v.allActionsComplete && { allActionsComplete: true }),
    ...(filled(v.endRationale) && { endRationale: v.endRationale }),
  };
  return {
    views,
    ...(filled(v.chairView) && { chairView: v.chairView as 'plan' }),
    ...(filled(v.chairConcerns) && { chairConcerns: v.chairConcerns }),
    ...(filled(v.outcomeWithoutPlan) && { outcomeWithoutPlan: v.outcomeWithoutPlan as 'child-in-need' }),
    ...(filled(v.category) && { category: v.category as 'neglect' }),
    dissent,
    ...(filled(v.leadSocialWorkerInviteeId) && { leadSocialWorkerInviteeId: v.leadSocialWorkerInviteeId }),
    coreGroupInviteeIds: v.coreGroupInviteeIds,
    ...(filled(v.firstCoreGroupDate) && { firstCoreGroupDate: v.firstCoreGroupDate }),
    ...(filled(v.reviewDate) && { reviewDate: v.reviewDate }),
    ...(Object.keys(review).length > 0 && { review }),
  };
}

export interface Problem {
  field: string;
  code: string;
  message: string;
}

/** A 422's details (parallel lists of fields, codes and messages) as problems. */
export function problemsOfRefusal(details: unknown): Problem[] | null {
  const d = details as { fields?: unknown; codes?: unknown; messages?: unknown } | undefined;
  if (!d || !Array.isArray(d.fields) || !Array.isArray(d.messages)) return null;
  const codes = Array.isArray(d.codes) ? d.codes : [];
  return d.fields.map((field, i) => ({ field: String(field), code: String(codes[i] ?? ''), message: String(d.messages && (d.messages as unknown[])[i]) }));
}

/** The element id of a field's control (fields are 'chairView', 'view.police', 'review.outcome'…). */
export const controlId = (field: string): string => `decision-${field.replace(/[^A-Za-z0-9-]/g, '-')}`;
