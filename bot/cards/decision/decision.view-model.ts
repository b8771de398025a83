// The chair's decision card (issue 9; DOMAIN-RULES §5): each agency present or reporting with its
// view, scaling and dissent; the outcome computed so far; the chair's view and concerns; the
// outcome without a plan; the category, lead social worker, core group and the two dates with
// their allowed ranges; for reviews continue / change category / end the plan. Sent only to the
// chair (1:1 chat, or the user-specific view of the neutral base card in a meeting chat).
// Every error sits beside its field; the values come back as they were entered.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { DialogButtonData } from '../card-dialogs';
import type { Verb } from '../card-verbs';
import template from './decision.template.json';

interface Choice {
  title: string;
  value: string;
}

export interface DecisionAgencyRow {
  label: string;
  /** "In the meeting" or "Sent a report". */
  note: string;
  /** Input ids: view_<agency>, scaling_<agency>, dissent_<agency>. */
  viewId: string;
  scalingId: string;
  dissentId: string;
  view: string;
  scaling: string;
  dissent: string;
  viewError: string;
  scalingError: string;
  dissentError: string;
}

type Fields = 'chairView' | 'chairConcerns' | 'outcomeWithoutPlan' | 'category' | 'leadSocialWorker' | 'coreGroup'
  | 'firstCoreGroupDate' | 'reviewDate' | 'reviewOutcome' | 'newCategory' | 'allActionsComplete' | 'endRationale';

export interface DecisionCardViewModel {
  title: string;
  facts: { title: string; value: string }[];
  privacy: string;
  /** What happened, or a refusal, in words ('' for none). */
  notice: string;
  noticeColor: 'Good' | 'Attention' | 'Default';
  outcomeText: string;
  outcomeColor: 'Good' | 'Attention' | 'Default';
  countsText: string;
  ruleText: string;
  /** Recorded: the summary instead of the form. */
  recorded: boolean;
  isReview: boolean;
  summary: { title: string; value: string }[];
  agencies: DecisionAgencyRow[];
  labels: Record<Fields | 'agenciesHeading' | 'agenciesHint' | 'view' | 'scaling' | 'dissent' | 'chairHeading' | 'noPlanHeading' | 'planHeading' | 'reviewHeading', string>;
  values: Record<Fields, string>;
  errors: Record<Exclude<Fields, 'allActionsComplete'>, string>;
  ranges: { firstCoreGroupMin: string; firstCoreGroupMax: string; reviewMin: string; reviewMax: string };
  viewChoices: Choice[];
  scalingChoices: Choice[];
  chairViewChoices: Choice[];
  outcomeWithoutPlanChoices: Choice[];
  categoryChoices: Choice[];
  leadChoices: Choice[];
  coreGroupChoices: Choice[];
  reviewOutcomeChoices: Choice[];
  saveTitle: string;
  saveVerb: Extract<Verb, 'decision.save'>;
  recordTitle: string;
  recordVerb: Extract<Verb, 'decision.record'>;
  refreshTitle: string;
  refreshVerb: Extract<Verb, 'decision.open'>;
  /** "Open the full form": the decision page in a Teams dialog (task/fetch, bot/cards/card-dialogs.ts). */
  dialogTitle: string;
  dialogData: DialogButtonData<'decision'>;
  /** The chair alone: Teams refreshes the card for them when it is shown again (a fresh actionId each time). */
  userIds: string[];
  conferenceId: string;
  actionId: string;
}

const decisionTemplate = new ACData.Template(template);

export function render(viewModel: DecisionCardViewModel): AdaptiveCardJson {
  return decisionTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
