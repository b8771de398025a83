// The record's two cards. A recipient's card (their 1:1 chat): a few facts of their own copy and
// the signed link to download it. The chair's card: each copy that leaves out a part for the
// person's own exclusion or slot, by role and the parts left out, with Preview and Approve. Case
// reference, roles, dates and outcomes only: the view models have no field for a person's name.
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';

export interface RecordCardViewModel {
  caseReference: string;
  facts: { title: string; value: string }[];
  note?: string;
  downloadUrl: string;
}

export function recordCard(vm: RecordCardViewModel): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: 'Decision and recommendations', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: vm.facts },
      ...(vm.note ? [{ type: 'TextBlock', text: vm.note, wrap: true, isSubtle: true }] : []),
      { type: 'TextBlock', text: 'The full record is in the PDF. The link works for 28 days and only opens your copy.', wrap: true, isSubtle: true },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Download the record (PDF)', url: vm.downloadUrl }],
  };
}

export interface RedactedCopyLine {
  inviteeId: string;
  /** e.g. "Parent" — a role, never a name. */
  role: string;
  /** e.g. "confidential section, family section, decision". */
  leavesOut: string;
  previewUrl: string;
  approved: boolean;
  /** e.g. "sent", "awaiting your approval". */
  state: string;
}

export interface RedactedApprovalViewModel {
  conferenceId: string;
  caseReference: string;
  lines: RedactedCopyLine[];
  actionId: string;
  approveVerb: Extract<Verb, 'record.approve-redacted'>;
}

export function redactedApprovalCard(vm: RedactedApprovalViewModel): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: `Redacted copies of the record: ${vm.caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'These people were excluded from part of the meeting (or attended only their own slot). Their copy leaves those parts out and goes only once you approve it.', wrap: true },
      ...vm.lines.map((l) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `${l.role} (${l.inviteeId})`, weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: `Leaves out: ${l.leavesOut}`, wrap: true },
          { type: 'TextBlock', text: `Status: ${l.state}`, wrap: true, isSubtle: true },
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.OpenUrl', title: 'Preview this copy', url: l.previewUrl },
              ...(l.approved
                ? []
                : [{ type: 'Action.Execute', title: 'Approve and send', verb: vm.approveVerb, data: { conferenceId: vm.conferenceId, inviteeId: l.inviteeId, actionId: vm.actionId } }]),
            ],
          },
        ],
      })),
    ],
  };
}
