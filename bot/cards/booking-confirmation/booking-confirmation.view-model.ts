// The card that answers "Book": case reference, kind, date and time, who was invited (staff and
// professionals by role and name; never a family member) and what happens next.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './booking-confirmation.template.json';

export interface BookingConfirmationViewModel {
  title: string;
  facts: { title: string; value: string }[];
  /** Staff and professionals only ("Chair: …"); family members are never listed here. */
  invited: { line: string }[];
  next: string;
  newTitle: string;
  /** Opens a fresh booking card. */
  newVerb: Extract<Verb, 'booking.new'>;
  actionId: string;
}

const confirmationTemplate = new ACData.Template(template);

export function render(viewModel: BookingConfirmationViewModel): AdaptiveCardJson {
  return confirmationTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
