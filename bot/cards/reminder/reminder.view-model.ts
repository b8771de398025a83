// The reminder card: a deadline, the case reference and the rule's wording. Never a name: the
// view model has no field that could carry one (only the case reference identifies the case).
import * as ACData from 'adaptivecards-templating';
import { toDayNumber, weekdayOf } from '../../domain/calendar/civil-date';
import type { IsoDate, LocalDateTime } from '../../domain/calendar/iso-date';
import type { AdaptiveCardJson } from '../adaptive-card';
import template from './reminder.template.json';

export interface ReminderCardViewModel {
  headline: string;
  caseReference: string;
  /** e.g. "Initial child protection conference, Monday 30 November 2026 at 10:00". */
  meeting: string;
  /** e.g. "16:00 on Tuesday 24 November 2026" or "end of Tuesday 24 November 2026". */
  deadline: string;
  recipientPart: string;
  ruleText: string;
  footer: string;
}

export interface ReminderCardInput {
  headline: string;
  caseReference: string;
  kindLabel: string;
  start: LocalDateTime;
  deadline: { date: IsoDate; time: string | null };
  recipientRole: 'clerk' | 'social-worker' | 'chair' | 'professional' | 'manager';
  ruleText: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tuesday 24 November 2026" from a Europe/London date, without a Date object. */
export function longDate(date: IsoDate): string {
  return `${DAYS[weekdayOf(toDayNumber(date))]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

const PART: Record<ReminderCardInput['recipientRole'], string> = {
  clerk: 'Conference clerk',
  'social-worker': 'Lead social worker',
  chair: 'Conference chair',
  professional: 'Invited professional',
  manager: 'Team manager',
};

export function reminderViewModel(input: ReminderCardInput): ReminderCardViewModel {
  const label = input.kindLabel.charAt(0).toUpperCase() + input.kindLabel.slice(1);
  const when = input.deadline.time === null ? `end of ${longDate(input.deadline.date)}` : `${input.deadline.time} on ${longDate(input.deadline.date)}`;
  return {
    headline: input.headline,
    caseReference: input.caseReference,
    meeting: `${label}, ${longDate(input.start.slice(0, 10))} at ${input.start.slice(11, 16)}`,
    deadline: when,
    recipientPart: PART[input.recipientRole],
    ruleText: `The rule: ${input.ruleText}.`,
    footer: 'Sent once by the conference bot. Times are UK time.',
  };
}

const reminderTemplate = new ACData.Template(template);

export function render(viewModel: ReminderCardViewModel): AdaptiveCardJson {
  return reminderTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
