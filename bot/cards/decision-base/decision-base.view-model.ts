// The neutral base card for a meeting chat: it says only that the chair is recording the decision
// (no case detail, no views, nothing confidential). Its refresh names the chair alone in userIds,
// so Teams fetches the chair's own decision card for them (decision.open) and everyone else keeps
// seeing this card.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './decision-base.template.json';

export interface DecisionBaseCardViewModel {
  title: string;
  text: string;
  openTitle: string;
  openVerb: Extract<Verb, 'decision.open'>;
  /** The chair's Entra id only. */
  userIds: string[];
  conferenceId: string;
  actionId: string;
}

const baseTemplate = new ACData.Template(template);

export function render(viewModel: DecisionBaseCardViewModel): AdaptiveCardJson {
  return baseTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
