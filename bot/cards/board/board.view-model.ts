// The clerk's attendance and report board: per agency, the quoracy forecast and what is missing.
// It refreshes itself for the clerk who asked (refresh.userIds) and on its button.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './board.template.json';

export interface BoardRow {
  agency: string;
  invited: string;
  answer: string;
  report: string;
}

export interface BoardCardViewModel {
  title: string;
  when: string;
  quoracyText: string;
  /** An Adaptive Card text colour: Good when quorate, Attention when not. */
  quoracyColor: 'Good' | 'Attention';
  missingText: string;
  agencyHeading: string;
  answerHeading: string;
  reportHeading: string;
  rows: BoardRow[];
  warnings: { text: string }[];
  footer: string;
  refreshTitle: string;
  refreshVerb: Extract<Verb, 'board.refresh'>;
  /** Entra ids who get the live view (at most 60; the clerk who asked). */
  userIds: string[];
  conferenceId: string;
  actionId: string;
}

const boardTemplate = new ACData.Template(template);

export function render(viewModel: BoardCardViewModel): AdaptiveCardJson {
  return boardTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
