// The help card: an Adaptive Card 1.5 template filled from a typed view model. The view model's
// strings are data, never template source, so text in them is shown as written.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './help.template.json';

export interface HelpCapability {
  heading: string;
  description: string;
  /** Said on the card so that nobody relies on a feature this version does not have yet. */
  status: string;
}

export interface HelpCardViewModel {
  title: string;
  intro: string;
  capabilities: HelpCapability[];
  footer: string;
  refreshTitle: string;
  /** The button's verb, from the verb table. */
  showVerb: Extract<Verb, 'help.show'>;
  /** Unique per rendered card, so that a double press of its button is recognised. */
  actionId: string;
}

// Parsing the template costs ten times its expansion: parse once, expand per card.
const helpTemplate = new ACData.Template(template);

export function render(viewModel: HelpCardViewModel): AdaptiveCardJson {
  return helpTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
