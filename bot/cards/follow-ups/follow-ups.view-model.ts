// The follow-ups card (the chair's or clerk's, after the decision): what has been booked from the
// decision, "Book the follow-ups" (again: books nothing new), and each task (T13–T16) with its due
// date and a Done button. Ids, dates and case reference only: never a name.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './follow-ups.template.json';

export interface FollowUpsCardViewModel {
  title: string;
  intro: string;
  /** What happened, or a refusal, in words ('' for none). */
  notice: string;
  booked: { title: string; value: string }[];
  tasks: { text: string; rule: string; open: boolean; doneTitle: string; doneVerb: Extract<Verb, 'follow-ups.done'>; conferenceId: string; actionId: string }[];
  bookTitle: string;
  bookVerb: Extract<Verb, 'follow-ups.book'>;
  conferenceId: string;
  actionId: string;
}

const followUpsTemplate = new ACData.Template(template);

export function render(viewModel: FollowUpsCardViewModel): AdaptiveCardJson {
  return followUpsTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
