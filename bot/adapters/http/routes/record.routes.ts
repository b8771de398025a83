// The decision and recommendations record (docs/meeting/record.md): its delivery status, issuing
// it (idempotent: a second POST sends only what is still due), and the chair's approval of one
// redacted copy (which then goes at once).
import { issueRecordBodySchema, recordParamsSchema, recordRecipientParamsSchema, recordStatusSchema } from '../../../app/api/record.schema';
import { approveRedactedCopy } from '../../../app/record/approve-redacted.use-case';
import { issueRecord } from '../../../app/record/issue-record.use-case';
import { readRecordStatus } from '../../../app/record/read-record-status.use-case';
import { defineRoute } from './api-route';

const COMMON = ['CONFERENCE.NOT_FOUND', 'RECORD.NOT_ALLOWED'] as const;

export const recordStatusRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/conferences/:conferenceId/record',
  operationId: 'getRecordStatus',
  summary: 'Who gets which copy of the decision and recommendations record, by which channel, and how it went (chair and clerk).',
  auth: 'bearer',
  params: recordParamsSchema,
  response: recordStatusSchema,
  errors: [...COMMON],
  handle: ({ params, caller }, { app }) => readRecordStatus(app, caller.objectId, params.conferenceId),
});

export const issueRecordRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/record/issue',
  operationId: 'issueRecord',
  summary: 'Issue the record to every invitee (T12); copies redacted for an exclusion or slot wait for the chair. Again: sends only what is still due.',
  auth: 'bearer',
  params: recordParamsSchema,
  body: issueRecordBodySchema,
  response: recordStatusSchema,
  errors: [...COMMON, 'RECORD.NO_DECISION', 'RECORD.NOT_CONFIGURED', 'BOOKING.IN_PROGRESS'],
  handle: ({ params, body, caller }, { app }) => issueRecord(app, caller.objectId, params.conferenceId, body.resend ? { resend: body.resend } : {}),
});

export const approveRedactedRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/record/recipients/:inviteeId/approve',
  operationId: 'approveRedactedRecord',
  summary: "The chair approves one invitee's redacted copy; it is sent at once. Approving again changes nothing.",
  auth: 'bearer',
  params: recordRecipientParamsSchema,
  response: recordStatusSchema,
  errors: ['CONFERENCE.NOT_FOUND', 'RECORD.NOT_THE_CHAIR', 'RECORD.NO_DECISION', 'RECORD.RECIPIENT_NOT_FOUND', 'RECORD.NOT_A_REDACTED_COPY', 'RECORD.NOT_CONFIGURED', 'BOOKING.IN_PROGRESS'],
  handle: ({ params, caller }, { app }) => approveRedactedCopy(app, caller.objectId, params.conferenceId, params.inviteeId),
});

export const recordRoutes = [recordStatusRoute, issueRecordRoute, approveRedactedRoute];
