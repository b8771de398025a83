// The stand-down request card ("stand-down <case reference>"): the reason (DOMAIN-RULES §6), the
// rationale and the safeguarding manager who approves it. Nothing is stood down from this card:
// the manager gets the approval card, and only their approval cancels the meeting.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './stand-down.template.json';

interface Choice {
  title: string;
  value: string;
}

export interface StandDownCardViewModel {
  title: string;
  facts: { title: string; value: string }[];
  intro: string;
  /** A refusal or what happened, in words ('' for none). */
  notice: string;
  reasons: Choice[];
  managers: Choice[];
  values: { reason: string; rationale: string; managerId: string };
  askTitle: string;
  askVerb: Extract<Verb, 'stand-down.request'>;
  conferenceId: string;
  actionId: string;
}

const standDownTemplate = new ACData.Template(template);

export function render(viewModel: StandDownCardViewModel): AdaptiveCardJson {
  return standDownTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
