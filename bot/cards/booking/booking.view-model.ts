// The booking card: kind, case reference, anchor, chair and social worker pickers (typeahead on
// the "people" dataset), date, time, length, confidential section; a late reason and a named
// manager when needed. Values are always given back, so a card answered with errors keeps
// everything typed; each error sits beside its field. Strings are data, never template source.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './booking.template.json';

export const BOOKING_CARD_FIELDS = [
  'kind', 'caseReference', 'anchorKind', 'anchorDate', 'chairId', 'socialWorkerId', 'date', 'startTime',
  'durationMinutes', 'confidentialMinutes', 'previousPlanEndedOn', 'lateReason', 'managerId', 'serviceManagerId',
] as const;
export type BookingCardField = (typeof BOOKING_CARD_FIELDS)[number];
export const PEOPLE_FIELDS = ['chairId', 'socialWorkerId', 'managerId', 'serviceManagerId'] as const;
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

export interface BookingCardViewModel {
  title: string;
  intro: string;
  caseReferenceHint: string;
  anchorLabel: string;
  /** Every field's value as typed ('' when empty). */
  values: Record<BookingCardField, string>;
  /** Every field's error ('' when none), shown beside it. */
  errors: Record<BookingCardField, string>;
  /** The picked person for each people picker (so the choice is kept), or none. */
  choices: Record<PeopleField, { title: string; value: string }[]>;
  showLate: boolean;
  showRepeat: boolean;
  hasAnswer: boolean;
  latestLine: string;
  bookingByLine: string;
  deadlines: { date: string; label: string }[];
  missed: { line: string }[];
  notice: string;
  checkVerb: Extract<Verb, 'booking.check'>;
  confirmVerb: Extract<Verb, 'booking.confirm'>;
  actionId: string;
}

const bookingTemplate = new ACData.Template(template);

export function render(viewModel: BookingCardViewModel): AdaptiveCardJson {
  return bookingTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
