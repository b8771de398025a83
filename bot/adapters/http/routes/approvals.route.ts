// Approvals and deadlines (docs/api.md "Booking"): the caller's pending approvals, a decision by
// the named manager, and the deadlines due in a date range across the conferences they may read.
import { approvalSummary, conferenceSummary } from '../../../app/api/booking-api';
import { approvalDecisionSchema, approvalParamsSchema, decidedApprovalSchema, deadlinesQuerySchema, dueDeadlinesSchema, pendingApprovalsSchema } from '../../../app/api/booking.schema';
import { decideApproval, listPendingApprovals } from '../../../app/booking/approvals.use-case';
import { listDeadlines } from '../../../app/booking/read-conference.use-case';
import { defineRoute } from './api-route';

export const listApprovalsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/approvals',
  operationId: 'listApprovals',
  summary: 'The approvals waiting for the caller (the named manager), oldest first, with the reason given.',
  auth: 'bearer',
  response: pendingApprovalsSchema,
  errors: ['ACCESS.UNKNOWN_PERSON'],
  handle: async ({ caller }, { app }) => ({
    approvals: (await listPendingApprovals(app, caller.objectId)).map((p) => ({
      conferenceId: p.conferenceId, caseReference: p.caseReference, kind: p.kind, start: p.start,
      approval: { ...approvalSummary(p.approval), requestedBy: p.approval.requestedBy, reason: p.approval.reason },
    })),
  }),
});

export const decideApprovalRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/approvals/:approvalId',
  operationId: 'decideApproval',
  summary: 'Approve or refuse (with a note): only the named manager may; a decision is final. Approving the last approval a draft waits for books it; an approved stand-down stands it down.',
  auth: 'bearer',
  params: approvalParamsSchema,
  body: approvalDecisionSchema,
  response: decidedApprovalSchema,
  version: (a) => a.version,
  errors: ['ACCESS.UNKNOWN_PERSON', 'BOOKING.APPROVAL_NOT_FOUND', 'BOOKING.NOT_THE_APPROVER', 'BOOKING.APPROVAL_ALREADY_DECIDED', 'API.VERSION_STALE', 'BOOKING.IN_PROGRESS'],
  handle: async ({ params, body, caller, ifMatch }, { app }) => {
    const r = await decideApproval(app, caller.objectId, params.conferenceId, params.approvalId, body, ifMatch);
    const f = r.followUp;
    const conference = f.kind === 'booked' ? f.result.conference : f.kind === 'stood-down' ? f.result.conference : r.conference;
    return {
      approval: approvalSummary(r.approval),
      conference: conferenceSummary(conference),
      version: conference.version,
      followUp: f.kind === 'failed' ? { kind: f.kind, code: f.code } : { kind: f.kind },
    };
  },
});

export const deadlinesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/deadlines',
  operationId: 'listDeadlines',
  summary: 'Booking deadlines (statutory latest, T7–T11, T23, T24) due from `from` to `to` across the draft and booked conferences the caller may read.',
  auth: 'bearer',
  query: deadlinesQuerySchema,
  response: dueDeadlinesSchema,
  errors: ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED'],
  handle: async ({ query, caller }, { app }) => ({ deadlines: await listDeadlines(app, caller.objectId, query.from, query.to) }),
});
