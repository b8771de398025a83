// The help card: an Adaptive Card 1.5 template filled from a typed view model. The view model's
// strings are data, never template source, so text in them is shown as written.
import * as ACData from 'adaptivecards-templating';
import template from './help-card.template.json';

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
  /** Unique per rendered card, so that a double press of its button is recognised. */
  actionId: string;
}

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const HELP_CARD_VERB = 'help.show';

// Parsing the template costs ten times its expansion: parse once, expand per card.
const helpTemplate = new ACData.Template(template);

export function renderHelpCard(viewModel: HelpCardViewModel): AdaptiveCardJson {
  return helpTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
