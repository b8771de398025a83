// The invite list card in chat: the list with who is missing (health or police, 002), one remove
// button per invitee, and a form to add one invitee at a time. Errors are shown beside their
// fields and every value entered is kept in its field.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { DialogButtonData } from '../card-dialogs';
import type { Verb } from '../card-verbs';
import template from './invite-list.template.json';

export const INVITE_FORM_FIELDS = ['role', 'audience', 'agency', 'displayName', 'email', 'phone', 'interpreterLanguage', 'ageBand', 'advocateOffered', 'policeCheckReason', 'slotFrom', 'slotTo', 'exclusionFrom', 'exclusionTo', 'exclusionGrounds', 'notInvitedReason'] as const;
export type InviteFormField = (typeof INVITE_FORM_FIELDS)[number];

export interface Choice {
  title: string;
  value: string;
}

export interface InviteListCardViewModel {
  title: string;
  when: string;
  /** A line at the top (a stale card, the invitee just added); '' for none. */
  notice: string;
  warnings: { text: string }[];
  listHeading: string;
  rows: { inviteeId: string; name: string; detail: string; removeTitle: string; removeVerb: Extract<Verb, 'invite-list.remove'>; actionId: string }[];
  formHeading: string;
  formHint: string;
  labels: Record<InviteFormField, string>;
  /** What was entered (kept after an error); '' for empty. */
  values: Record<InviteFormField, string>;
  /** The error beside each field; '' for none. */
  errors: Record<InviteFormField, string>;
  roleChoices: Choice[];
  audienceChoices: Choice[];
  agencyChoices: Choice[];
  ageBandChoices: Choice[];
  advocateChoices: Choice[];
  addTitle: string;
  addVerb: Extract<Verb, 'invite-list.add'>;
  removeVerb: Extract<Verb, 'invite-list.remove'>;
  /** "Send invitations": everyone pending on the event, the family e-mails, the attendance cards. */
  sendTitle: string;
  sendVerb: Extract<Verb, 'invitations.send'>;
  /** "Open the full form": the invite list page in a Teams dialog (task/fetch, bot/cards/card-dialogs.ts). */
  dialogTitle: string;
  dialogData: DialogButtonData<'invite-list'>;
  conferenceId: string;
  /** The list version shown (sent back as If-Match). */
  version: number;
  actionId: string;
}

const inviteListTemplate = new ACData.Template(template);

export function render(viewModel: InviteListCardViewModel): AdaptiveCardJson {
  return inviteListTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
