// A professional's attendance card in their 1:1 chat with the bot: the question (attending / not
// attending / sending a colleague, picked from the directory or by name and role) or, once
// answered, the answer with "Change my answer". Case reference, kind, date and time only: never
// a child's or family member's name. Exactly one of `ask` and `answered` has its one entry.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './attendance.template.json';

interface CardIds {
  conferenceId: string;
  inviteeId: string;
  /** Unique per rendered card, so that a double press is recognised. */
  actionId: string;
}

export interface AttendanceAsk extends CardIds {
  question: string;
  reportHint: string;
  colleagueHeading: string;
  colleaguePickerLabel: string;
  colleagueNameLabel: string;
  colleagueRoleLabel: string;
  attendingTitle: string;
  notAttendingTitle: string;
  sendColleagueTitle: string;
  attendingVerb: Extract<Verb, 'attendance.attending'>;
  notAttendingVerb: Extract<Verb, 'attendance.not-attending'>;
  sendColleagueVerb: Extract<Verb, 'attendance.send-colleague'>;
}

export interface AttendanceAnswered extends CardIds {
  text: string;
  detail: string;
  changeTitle: string;
  changeVerb: Extract<Verb, 'attendance.change'>;
}

export interface AttendanceCardViewModel {
  title: string;
  facts: { title: string; value: string }[];
  ask: AttendanceAsk[];
  answered: AttendanceAnswered[];
  /** Not attending: the signed link to send the agency's report (one entry, or none). */
  reports: { title: string; url: string }[];
  footer: string;
}

const attendanceTemplate = new ACData.Template(template);

export function render(viewModel: AttendanceCardViewModel): AdaptiveCardJson {
  return attendanceTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
