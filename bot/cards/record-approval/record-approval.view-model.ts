// The chair's card for redacted copies of the record: each copy that leaves out a part for the
// person's own exclusion or slot, by role and invitee id (never a name), the parts left out, its
// status, a Preview link and — until approved — "Approve and send".
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './record-approval.template.json';

export interface RecordApprovalButton {
  title: string;
  approveVerb: Extract<Verb, 'record.approve-redacted'>;
  conferenceId: string;
  inviteeId: string;
  actionId: string;
}

export interface RecordApprovalLine {
  /** e.g. "Parent (inv-father)". */
  who: string;
  /** e.g. "Leaves out: confidential section, family section, decision". */
  leavesOut: string;
  status: string;
  previewTitle: string;
  previewUrl: string;
  /** One entry until approved, then none. */
  approve: RecordApprovalButton[];
}

export interface RecordApprovalCardViewModel {
  title: string;
  intro: string;
  lines: RecordApprovalLine[];
  footer: string;
}

const approvalTemplate = new ACData.Template(template);

export function render(viewModel: RecordApprovalCardViewModel): AdaptiveCardJson {
  return approvalTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
