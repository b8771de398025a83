// The chair's run sheet card (1:1 chat; refreshed on open for the chair only): the stage, who must
// leave (Remove), open alerts (Acknowledge), who to admit now and who must wait, unknown joiners to
// match by hand, quorum at the start (proceed with a reason, or ask to stand down) and the stage
// buttons the stage machine allows. Verbs: meeting.* (bot/cards/card-verbs.ts).
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './run-sheet.template.json';

interface Choice {
  title: string;
  value: string;
}

export interface RunSheetCardViewModel {
  title: string;
  /** What just happened or a refusal, in words ('' for none). */
  notice: string;
  noticeColor: 'Good' | 'Attention' | 'Default';
  facts: { title: string; value: string }[];
  mustLeave: { text: string; instructions: string; participantId: string; removeVerb: Extract<Verb, 'meeting.remove'> }[];
  alerts: { id: string; text: string; acknowledged: boolean; ackVerb: Extract<Verb, 'meeting.alert-ack'> }[];
  admitNow: { text: string }[];
  mustWait: { text: string }[];
  unknownJoiners: Choice[];
  matchChoices: Choice[];
  quorumPending: boolean;
  quorumText: string;
  reconveneDays: string;
  managers: Choice[];
  nextChange: string;
  commands: { command: string; label: string; stageVerb: Extract<Verb, 'meeting.stage'> }[];
  refreshVerb: Extract<Verb, 'meeting.run-sheet-refresh'>;
  matchVerb: Extract<Verb, 'meeting.match'>;
  removeVerb: Extract<Verb, 'meeting.remove'>;
  proceedVerb: Extract<Verb, 'meeting.proceed'>;
  /** The lifecycle's own stand-down request (reason not-quorate). */
  standDownVerb: Extract<Verb, 'stand-down.request'>;
  /** Entra ids who get the live view on open (the chair). */
  userIds: string[];
  conferenceId: string;
  actionId: string;
}

const runSheetTemplate = new ACData.Template(template);

export function render(viewModel: RunSheetCardViewModel): AdaptiveCardJson {
  return runSheetTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
