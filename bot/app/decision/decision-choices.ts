// What the chair chooses from, for the card and the tab's form alike (one list, not two): the
// agencies whose views count, the views, the categories the profile allows, the lead social
// workers and core group members from the invite list. Professionals are named as the invite
// list names them; family members only by their role (DOMAIN-RULES: a family name never goes to
// a chat), so the form shows exactly what the card shows.
import { AGENCY_LABEL, isAgency } from '../../domain/conference/agency';
import { FAMILY_SIDE_ROLES, type Invitee, type InviteeRole } from '../../domain/conference/conference';
import { HARM_CATEGORIES, type HarmCategory } from '../../domain/decision/decision';
import { isReviewKind } from '../../domain/decision/decision-ranges';
import { rangeText } from '../../domain/decision/validate-decision';
import type { DecisionView } from './decision.use-case';

export interface Choice {
  title: string;
  value: string;
}

export interface DecisionChoices {
  agencies: { agency: string; label: string; reportingOnly: boolean }[];
  view: Choice[];
  scaling: Choice[];
  chairView: Choice[];
  outcomeWithoutPlan: Choice[];
  category: Choice[];
  leadSocialWorker: Choice[];
  coreGroup: Choice[];
  reviewOutcome: Choice[];
  /** Each date's allowed range in words (as in the card's label and the rule's error). */
  rangeText: { firstCoreGroup: string; review: string };
}

export const CATEGORY_LABEL: Record<HarmCategory, string> = { physical: 'Physical abuse', emotional: 'Emotional abuse', sexual: 'Sexual abuse', neglect: 'Neglect', multiple: 'Multiple' };
const ROLE_LABEL: Partial<Record<InviteeRole, string>> = {
  parent: 'Parent or carer', child: 'The child', 'family-other': 'Family member', 'foster-carer': 'Foster carer', advocate: 'Advocate',
  'social-worker': 'Social worker', 'team-manager': 'Team manager', professional: 'Professional',
};
const CORE_GROUP_ROLES: readonly InviteeRole[] = ['social-worker', 'professional', 'team-manager', 'parent', 'child', 'family-other', 'foster-carer', 'advocate'];

export const agencyLabel = (agency: string): string => (isAgency(agency) ? AGENCY_LABEL[agency] : agency);

/** An invitee as the card names them: professionals by name and agency, family by role only. */
export function personLabel(i: Invitee, invitees: readonly Invitee[]): string {
  if (FAMILY_SIDE_ROLES.includes(i.role)) {
    const same = invitees.filter((x) => x.role === i.role && x.status !== 'removed');
    const n = same.length > 1 ? ` ${same.indexOf(i) + 1}` : '';
    return `${ROLE_LABEL[i.role] ?? 'Family member'}${n}`;
  }
  const agency = isAgency(i.agency) ? `, ${AGENCY_LABEL[i.agency]}` : '';
  return `${i.displayName} (${ROLE_LABEL[i.role] ?? i.role}${agency})`;
}

export function decisionChoices(v: DecisionView): DecisionChoices {
  const { conference: c, profile, reportingOnly } = v.loaded;
  const review = isReviewKind(c.kind);
  const active = c.invitees.filter((i) => i.status !== 'removed');
  const categories = [...HARM_CATEGORIES, ...(profile.allowMultipleCategory ? (['multiple'] as const) : [])];
  return {
    agencies: v.loaded.eligibleAgencies.map((agency) => ({ agency, label: agencyLabel(agency), reportingOnly: reportingOnly.includes(agency) })),
    view: [{ title: 'Plan', value: 'plan' }, { title: 'No plan', value: 'no-plan' }, { title: 'Abstain', value: 'abstain' }],
    scaling: [{ title: 'Not given', value: '' }, ...Array.from({ length: 11 }, (_, n) => ({ title: String(n), value: String(n) }))],
    chairView: [{ title: review ? 'The plan continues' : 'Child protection plan', value: 'plan' }, { title: review ? 'End the plan' : 'No plan', value: 'no-plan' }],
    outcomeWithoutPlan: [{ title: 'Child in need plan', value: 'child-in-need' }, { title: 'No further action', value: 'no-further-action' }],
    category: categories.map((k) => ({ title: CATEGORY_LABEL[k], value: k })),
    leadSocialWorker: active.filter((i) => i.role === 'social-worker').map((i) => ({ title: personLabel(i, active), value: i.id })),
    coreGroup: active.filter((i) => CORE_GROUP_ROLES.includes(i.role)).map((i) => ({ title: personLabel(i, active), value: i.id })),
    reviewOutcome: [{ title: 'Continue the plan', value: 'continue' }, { title: 'Change the category', value: 'change-category' }, { title: 'End the plan', value: 'end-plan' }],
    rangeText: { firstCoreGroup: rangeText(v.ranges.firstCoreGroup), review: rangeText(v.ranges.review) },
  };
}
