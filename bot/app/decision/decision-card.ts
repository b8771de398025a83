// The decision card's view model from a DecisionView, and the card's inputs back as a draft. The
// card names professionals as the invite list does; family members only by their role (the card
// goes to a chat, and a family name never does). Values come back exactly as entered.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { dialogButtonData } from '../../cards/card-dialogs';
import type { Data } from '../../cards/card-verbs';
import { type DecisionCardViewModel, render } from '../../cards/decision/decision.view-model';
import { render as renderBase } from '../../cards/decision-base/decision-base.view-model';
import { AGENCIES, AGENCY_LABEL } from '../../domain/conference/agency';
import type { AgencyViewEntry, Decision, HarmCategory } from '../../domain/decision/decision';
import { isReviewKind } from '../../domain/decision/decision-ranges';
import type { DecisionField } from '../../domain/decision/decision-rule-codes';
import { kindLabel, longDate } from '../attendance/conference-when';
import { CATEGORY_LABEL, decisionChoices, personLabel } from './decision-choices';
import type { DecisionView, DraftInput } from './decision.use-case';

type CardData = Data<'decision.save'>;

const OUTCOME_LABEL: Record<Decision['outcome'], string> = { 'child-protection-plan': 'Child protection plan', 'child-in-need': 'Child in need plan', 'no-further-action': 'No further action' };

const some = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** The card's inputs as a draft: only what was entered, nothing invented. */
export function draftFromCard(data: CardData): DraftInput {
  const raw = data as Record<string, string | undefined>;
  const views: AgencyViewEntry[] = [];
  const dissent: DraftInput['dissent'] = [];
  for (const agency of AGENCIES) {
    const view = some(raw[`view_${agency}`]);
    const scaling = some(raw[`scaling_${agency}`]);
    if (view) views.push({ agency, view: view as AgencyViewEntry['view'], ...(scaling !== undefined && /^\d{1,2}$/.test(scaling) && { scaling: Number(scaling) }) });
    const reason = some(raw[`dissent_${agency}`]);
    if (reason) dissent.push({ agency, reason });
  }
  const chairView = some(data.chairView);
  const outcomeWithoutPlan = some(data.outcomeWithoutPlan);
  // Review fields are kept whatever the kind (the rules read them for a review conference only).
  const reviewFields = {
    ...(some(data.reviewOutcome) && { outcome: some(data.reviewOutcome) as NonNullable<DraftInput['review']>['outcome'] }),
    ...(some(data.newCategory) && { newCategory: some(data.newCategory) as HarmCategory }),
    ...(data.allActionsComplete === 'true' && { allActionsComplete: true }),
    ...(some(data.endRationale) && { endRationale: some(data.endRationale)! }),
  };
  const review = Object.keys(reviewFields).length > 0 ? { review: reviewFields } : {};
  return {
    views,
    ...(chairView === 'plan' || chairView === 'no-plan' ? { chairView } : {}),
    ...(some(data.chairConcerns) && { chairConcerns: some(data.chairConcerns)! }),
    ...(outcomeWithoutPlan === 'child-in-need' || outcomeWithoutPlan === 'no-further-action' ? { outcomeWithoutPlan } : {}),
    ...(some(data.category) && { category: some(data.category) as HarmCategory }),
    dissent,
    ...(some(data.leadSocialWorker) && { leadSocialWorkerInviteeId: some(data.leadSocialWorker)! }),
    coreGroupInviteeIds: (data.coreGroup ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    ...(some(data.firstCoreGroupDate) && { firstCoreGroupDate: some(data.firstCoreGroupDate)! }),
    ...(some(data.reviewDate) && { reviewDate: some(data.reviewDate)! }),
    ...review,
  };
}

/** The outcome so far, the counts and the profile's rule in words (the card's lines; the tab's form shows the same). */
export function decisionWords(v: DecisionView): { outcome: string; counts: string; rule: string } {
  const o = v.outcome;
  return {
    outcome: v.decision ? `Recorded: ${OUTCOME_LABEL[v.decision.outcome]}.` : outcomeLine(v, isReviewKind(v.loaded.conference.kind)).text,
    counts: `Plan ${o.plan}, no plan ${o.noPlan}, abstaining ${o.abstain} (abstentions are not counted).`,
    rule: v.loaded.profile.decisionRule === 'majority-with-chair-casting-vote'
      ? 'The majority of agency views decides; your view is a casting vote on a tie. If you disagree with the majority, record your concerns: they go in the summary.'
      : 'You decide, having heard every agency. Agencies that disagree are recorded as dissent with their reasons.',
  };
}

function outcomeLine(v: DecisionView, review: boolean): { text: string; color: DecisionCardViewModel['outcomeColor'] } {
  const o = v.outcome;
  const plan = review ? 'the plan continues' : 'a child protection plan';
  const noPlan = review ? 'the plan ends' : 'no child protection plan';
  if (o.result === null) {
    return { text: o.tie ? 'The agencies are equally split: your casting vote decides.' : 'Not decided yet: you decide, having heard every agency.', color: 'Attention' };
  }
  const how = o.decidedBy === 'casting-vote' ? " (a tie settled by the chair's casting vote)" : o.decidedBy === 'chair' ? ' (the chair decides)' : ' (the majority of agency views)';
  return { text: `Outcome so far: ${o.result === 'plan' ? plan : noPlan}${how}.`, color: 'Good' };
}

/** The recorded decision in words, row by row (the card's summary; the tab's form shows the same). */
export function summaryOf(d: Decision, v: DecisionView): { title: string; value: string }[] {
  const invitees = v.loaded.conference.invitees;
  const person = (id: string | undefined) => {
    const i = invitees.find((x) => x.id === id);
    return i ? personLabel(i, invitees) : '';
  };
  const rows: { title: string; value: string }[] = [
    { title: 'Outcome', value: OUTCOME_LABEL[d.outcome] },
    { title: 'Decided by', value: d.decidedBy === 'casting-vote' ? "The chair's casting vote on a tie" : d.decidedBy === 'chair' ? 'The chair' : 'The majority of agency views' },
    { title: 'Views', value: d.views.map((x) => `${AGENCY_LABEL[x.agency as keyof typeof AGENCY_LABEL] ?? x.agency}: ${x.view}${x.scaling !== undefined ? ` (${x.scaling}/10)` : ''}`).join('; ') },
  ];
  if (d.chairConcerns) rows.push({ title: "Chair's concerns", value: d.chairConcerns });
  if (d.category) rows.push({ title: 'Category', value: CATEGORY_LABEL[d.category] });
  if (d.review) rows.push({ title: 'Review', value: d.review.outcome === 'change-category' && d.review.newCategory ? `Change category to ${CATEGORY_LABEL[d.review.newCategory]}` : d.review.outcome === 'end-plan' ? 'End the plan' : 'Continue the plan' });
  for (const x of d.dissent) rows.push({ title: `Dissent: ${AGENCY_LABEL[x.agency as keyof typeof AGENCY_LABEL] ?? x.agency}`, value: x.reason });
  if (d.leadSocialWorkerInviteeId) rows.push({ title: 'Lead social worker', value: person(d.leadSocialWorkerInviteeId) });
  if (d.coreGroupInviteeIds.length > 0) rows.push({ title: 'Core group', value: d.coreGroupInviteeIds.map(person).join('; ') });
  if (d.firstCoreGroupDate) rows.push({ title: 'First core group', value: longDate(d.firstCoreGroupDate) });
  if (d.reviewDate) rows.push({ title: 'Review conference', value: longDate(d.reviewDate) });
  rows.push({ title: 'Recorded', value: d.at });
  return rows;
}

export function decisionCard(v: DecisionView, notice = '', noticeColor: DecisionCardViewModel['noticeColor'] = 'Attention', actionId: string = randomUUID()): AdaptiveCardJson {
  const { conference: c, live, reportingOnly } = v.loaded;
  const review = isReviewKind(c.kind);
  const d = v.draft;
  const e = (f: DecisionField) => v.errors[f]?.message ?? '';
  const line = outcomeLine(v, review);
  const agencies = v.loaded.eligibleAgencies.map((agency) => {
    const entry = d.views.find((x) => x.agency === agency);
    return {
      label: AGENCY_LABEL[agency as keyof typeof AGENCY_LABEL] ?? agency,
      note: reportingOnly.includes(agency) ? 'Sent a report (not in the meeting)' : 'Attended the meeting',
      viewId: `view_${agency}`,
      scalingId: `scaling_${agency}`,
      dissentId: `dissent_${agency}`,
      view: entry?.view ?? '',
      scaling: entry?.scaling !== undefined ? String(entry.scaling) : '',
      dissent: d.dissent.find((x) => x.agency === agency)?.reason ?? '',
      viewError: e(`view.${agency}`),
      scalingError: e(`scaling.${agency}`),
      dissentError: e(`dissent.${agency}`),
    };
  });
  const choices = decisionChoices(v);
  const words = decisionWords(v);
  const vm: DecisionCardViewModel = {
    title: `Decision: ${c.caseReference}`,
    facts: [
      { title: 'Conference', value: `${kindLabel(c)}, ${longDate(c.start)}` },
      { title: 'Stage', value: live.stage },
    ],
    privacy: 'Only you, the chair, see this card. Every press saves what you have entered.',
    notice,
    noticeColor,
    outcomeText: words.outcome,
    outcomeColor: v.decision ? 'Good' : line.color,
    countsText: words.counts,
    ruleText: words.rule,
    recorded: v.decision !== undefined,
    isReview: review,
    summary: v.decision ? summaryOf(v.decision, v) : [],
    agencies,
    labels: {
      agenciesHeading: 'Agency views',
      agenciesHint: 'Agencies in the meeting or that sent a report. Dissent: the reason of an agency whose view differs from the outcome.',
      view: 'View',
      scaling: 'Scaling (0–10)',
      dissent: 'Dissent reason (if its view differs from the outcome)',
      chairHeading: 'The chair',
      chairView: 'Your view',
      chairConcerns: 'Your concerns, if you disagree with the majority (in the summary)',
      noPlanHeading: review ? 'If the plan ends' : 'If no plan',
      outcomeWithoutPlan: 'Child in need or no further action',
      planHeading: review ? 'The plan' : 'If a plan',
      category: review ? 'Category of the plan as it stands' : 'Category of harm',
      leadSocialWorker: 'Lead social worker',
      coreGroup: 'Core group members (professionals and family)',
      firstCoreGroupDate: `First core group date: ${choices.rangeText.firstCoreGroup}`,
      reviewDate: `Review conference date: ${choices.rangeText.review}`,
      reviewHeading: 'Review outcome',
      reviewOutcome: 'Continue, change the category, or end the plan',
      newCategory: 'New category (when changing it)',
      allActionsComplete: 'All actions of the plan are complete',
      endRationale: 'Rationale for ending the plan (if not all actions are complete)',
    },
    values: {
      chairView: d.chairView ?? '',
      chairConcerns: d.chairConcerns ?? '',
      outcomeWithoutPlan: d.outcomeWithoutPlan ?? '',
      category: d.category ?? '',
      leadSocialWorker: d.leadSocialWorkerInviteeId ?? '',
      coreGroup: d.coreGroupInviteeIds.join(','),
      firstCoreGroupDate: d.firstCoreGroupDate ?? '',
      reviewDate: d.reviewDate ?? '',
      reviewOutcome: d.review?.outcome ?? '',
      newCategory: d.review?.newCategory ?? '',
      allActionsComplete: d.review?.allActionsComplete ? 'true' : 'false',
      endRationale: d.review?.endRationale ?? '',
    },
    errors: {
      chairView: e('chairView'),
      chairConcerns: e('chairConcerns'),
      outcomeWithoutPlan: e('outcomeWithoutPlan'),
      category: e('category'),
      leadSocialWorker: e('leadSocialWorker'),
      coreGroup: e('coreGroup'),
      firstCoreGroupDate: e('firstCoreGroupDate'),
      reviewDate: e('reviewDate'),
      reviewOutcome: e('review.outcome'),
      newCategory: e('review.newCategory'),
      endRationale: e('review.endRationale'),
    },
    ranges: {
      firstCoreGroupMin: v.ranges.firstCoreGroup.from,
      firstCoreGroupMax: v.ranges.firstCoreGroup.to ?? '',
      reviewMin: v.ranges.review.from,
      reviewMax: v.ranges.review.to ?? '',
    },
    viewChoices: choices.view,
    scalingChoices: choices.scaling,
    chairViewChoices: choices.chairView,
    outcomeWithoutPlanChoices: choices.outcomeWithoutPlan,
    categoryChoices: choices.category,
    leadChoices: choices.leadSocialWorker,
    coreGroupChoices: choices.coreGroup,
    reviewOutcomeChoices: choices.reviewOutcome,
    saveTitle: 'Save and show the outcome',
    saveVerb: 'decision.save',
    recordTitle: 'Record decision',
    recordVerb: 'decision.record',
    refreshTitle: v.decision ? 'Show the decision' : 'Discard unsaved changes',
    refreshVerb: 'decision.open',
    dialogTitle: 'Open the full form',
    dialogData: dialogButtonData('decision', c.id),
    userIds: [c.booking?.chairId ?? c.invitees.find((i) => i.role === 'chair' && i.status !== 'removed')?.directoryId ?? ''].filter((x) => x !== ''),
    conferenceId: c.id,
    actionId,
  };
  return render(vm);
}

/**
 * The meeting chat's card: nothing confidential; the chair's own card through refresh. Everyone in
 * the meeting chat sees it, the family too: plain words, measured (test/family/family-readability.test.ts).
 */
export function decisionBaseCard(conferenceId: string, chairId: string, actionId: string = randomUUID()): AdaptiveCardJson {
  return renderBase({
    title: 'The decision',
    text: 'The chair is writing down what the meeting has decided. Only the chair can see the decision card. Everyone who was invited will be sent the decision. They will also get what the meeting recommends.',
    openTitle: 'Open (chair only)',
    openVerb: 'decision.open',
    userIds: [chairId],
    conferenceId,
    actionId,
  });
}
