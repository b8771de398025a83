// The chair's alert card (issue 9 "Guidance and alerts to the chair"): what is wrong, in which
// stage, who by role and agency, and an Acknowledge button. No child or family name: the only
// name it may carry is the Teams display name of an unknown joiner, which the chair needs to
// recognise them (Teams shows that name to everyone in the meeting already).
import * as ACData from 'adaptivecards-templating';
import type { AlertKind, MeetingStage } from '../../domain/meeting/live-meeting';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './meeting-alert.template.json';

export interface MeetingAlertCardInput {
  conferenceId: string;
  alertId: string;
  actionId: string;
  caseReference: string;
  kind: AlertKind;
  stage: MeetingStage;
  /** e.g. "Parent" or "Professional (police)"; absent for an unknown joiner or a recording. */
  who?: string;
  /** Unknown joiner only: the name Teams shows for them. */
  teamsDisplayName?: string;
  /** London wall-clock HH:mm of the raising. */
  raisedAt: string;
  /** 1 for the first delivery, 2… for repeats. */
  delivery: number;
  acknowledged?: { at: string };
  cleared?: boolean;
}

export interface MeetingAlertCardViewModel {
  label: string;
  headline: string;
  facts: { title: string; value: string }[];
  whatToDo: string;
  notice: string;
  footer: string;
  showAcknowledge: boolean;
  ackVerb: Extract<Verb, 'meeting.alert-ack'>;
  conferenceId: string;
  alertId: string;
  actionId: string;
}

export const ALERT_HEADLINE: Record<AlertKind, string> = {
  'family-in-confidential': 'A family-side participant is in the professionals-only part',
  'excluded-in-window': 'Someone is present during a part they are excluded from',
  'unknown-joiner': 'Someone the bot cannot match to the invite list has joined',
  'advocate-in-withheld-part': "An advocate is present during a part withheld from the child",
  'not-in-looked-after-part': 'Someone not in the looked-after part is present',
  'outside-own-slot': 'A family member is present outside their own slot',
  'recording-started': 'Recording has started',
  'transcription-started': 'Transcription has started',
};

const WHAT_TO_DO: Record<AlertKind, string> = {
  'family-in-confidential': 'Ask them to leave until the family section, or remove them in Teams (People, the person, Remove from meeting).',
  'excluded-in-window': 'Ask them to leave for this part, or remove them in Teams (People, the person, Remove from meeting).',
  'unknown-joiner': 'Check who they are. Match them to an invitee on the run sheet, or remove them in Teams.',
  'advocate-in-withheld-part': 'Ask the advocate to leave for this part, or remove them in Teams.',
  'not-in-looked-after-part': 'Ask them to leave for the looked-after part, or remove them in Teams.',
  'outside-own-slot': 'Ask them to leave until their slot, or remove them in Teams.',
  'recording-started': 'Check the recording is agreed. Stop it in Teams (More, Record and transcribe, Stop recording) if not.',
  'transcription-started': 'Check the transcription is agreed. Stop it in Teams (More, Record and transcribe, Stop transcription) if not.',
};

const STAGE_LABEL: Record<MeetingStage, string> = {
  'pre-meeting': 'Pre-meeting',
  confidential: 'Confidential section',
  family: 'Family section',
  decision: 'Decision',
  'looked-after': 'Looked-after part',
  closed: 'Closed',
};

export function meetingAlertViewModel(input: MeetingAlertCardInput): MeetingAlertCardViewModel {
  const facts = [
    { title: 'Case reference', value: input.caseReference },
    { title: 'Stage', value: STAGE_LABEL[input.stage] },
    ...(input.who ? [{ title: 'Who', value: input.who }] : []),
    ...(input.teamsDisplayName ? [{ title: 'Name shown in Teams', value: input.teamsDisplayName }] : []),
    { title: 'Raised', value: input.raisedAt },
  ];
  const open = !input.acknowledged && !input.cleared;
  return {
    label: input.delivery > 1 && open ? `Meeting alert (reminder ${input.delivery - 1})` : 'Meeting alert',
    headline: ALERT_HEADLINE[input.kind],
    facts,
    whatToDo: WHAT_TO_DO[input.kind],
    notice: input.acknowledged ? `Acknowledged at ${input.acknowledged.at}.` : input.cleared ? 'This no longer applies.' : '',
    footer: open ? 'Repeated until you acknowledge it or the person leaves. Times are UK time.' : 'Times are UK time.',
    showAcknowledge: open,
    ackVerb: 'meeting.alert-ack',
    conferenceId: input.conferenceId,
    alertId: input.alertId,
    actionId: input.actionId,
  };
}

const alertTemplate = new ACData.Template(template);

export function render(viewModel: MeetingAlertCardViewModel): AdaptiveCardJson {
  return alertTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
