// The approval card for one approval of one conference, pending or decided.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { render as renderApprovalCard } from '../../cards/approval/approval.view-model';
import type { Approval, ApprovalKind, Conference } from '../../domain/conference/conference';
import { KIND_LABEL } from '../invitations/family-invitation-email';

export const APPROVAL_TITLE: Record<ApprovalKind, string> = {
  'late-booking': 'Approve a conference past its statutory latest date',
  'repeat-plan-oversight': 'Record your oversight of a repeat plan',
  'stand-down': 'Approve standing a conference down',
  'rebooking-past-last-date': 'Approve a rebooking past the last date',
};

const DECIDED_TITLE: Record<ApprovalKind, string> = {
  'late-booking': 'a conference past its statutory latest date',
  'repeat-plan-oversight': 'oversight of a repeat plan',
  'stand-down': 'standing a conference down',
  'rebooking-past-last-date': 'a rebooking past the last date',
};

const REASON_LABEL: Record<ApprovalKind, string> = {
  'late-booking': 'Reason given',
  'repeat-plan-oversight': 'Why oversight is needed',
  'stand-down': 'Rationale',
  'rebooking-past-last-date': 'Reason given',
};

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function approvalCard(c: Conference, approval: Approval, extraFacts: { title: string; value: string }[] = []): AdaptiveCardJson {
  const decided = approval.status !== 'pending';
  return renderApprovalCard({
    title: decided ? `${approval.status === 'approved' ? 'Approved' : 'Refused'}: ${DECIDED_TITLE[approval.kind]}` : APPROVAL_TITLE[approval.kind],
    facts: [
      { title: 'Case reference', value: c.caseReference },
      { title: 'Meeting', value: upper(KIND_LABEL[c.kind]) },
      { title: 'Date', value: `${c.start.slice(0, 10)} at ${c.start.slice(11)}` },
      ...extraFacts,
    ],
    reasonLabel: REASON_LABEL[approval.kind],
    reason: approval.reason || '—',
    decided,
    decision: decided ? `${approval.status === 'approved' ? 'Approved' : 'Refused'} on ${approval.decidedAt?.slice(0, 10) ?? ''}.${approval.note ? ` Note: ${approval.note}` : ''}` : '',
    approveVerb: 'approval.approve',
    refuseVerb: 'approval.refuse',
    conferenceId: c.id,
    approvalId: approval.id,
    actionId: randomUUID(),
  });
}
