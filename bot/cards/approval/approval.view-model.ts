// The named manager's approval card (a late booking, a repeat plan's oversight, a stand-down, a
// rebooking past the last date): the case reference, kind, date and the requester's reason,
// with Approve / Refuse and a note. Never a family name: the conference is named by its reference.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './approval.template.json';

export interface ApprovalCardViewModel {
  title: string;
  facts: { title: string; value: string }[];
  reasonLabel: string;
  reason: string;
  decided: boolean;
  decision: string;
  approveVerb: Extract<Verb, 'approval.approve'>;
  refuseVerb: Extract<Verb, 'approval.refuse'>;
  conferenceId: string;
  approvalId: string;
  actionId: string;
}

const approvalTemplate = new ACData.Template(template);

export function render(viewModel: ApprovalCardViewModel): AdaptiveCardJson {
  return approvalTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
