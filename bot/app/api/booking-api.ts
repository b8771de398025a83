// The booking use cases' answers in the API's shapes (bot/app/api/booking.schema.ts): a
// conference summary, approvals without their free text, field errors as given.
import type { Approval, Conference } from '../../domain/conference/conference';

export function conferenceSummary(c: Conference) {
  return {
    id: c.id,
    caseReference: c.caseReference,
    kind: c.kind,
    status: c.status,
    start: c.start,
    end: c.end,
    ...(c.familySectionStart !== undefined && { familySectionStart: c.familySectionStart }),
    ...(c.meeting?.joinUrl !== undefined && { joinUrl: c.meeting.joinUrl }),
    ...(c.rebookingOf !== undefined && { rebookingOf: c.rebookingOf }),
  };
}

export function approvalSummary(a: Approval) {
  return { id: a.id, kind: a.kind, approverId: a.approverId, status: a.status, requestedAt: a.requestedAt, ...(a.decidedAt && { decidedAt: a.decidedAt }) };
}
