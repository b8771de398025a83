// The chair's decision (docs/meeting/decision.md): read it with the outcome so far and the allowed
// date ranges, save the draft, record it. The chair only (anyone else: 403 DECISION.NOT_THE_CHAIR,
// audited); no live meeting: 404 MEETING.NOT_FOUND; field rules: 422 naming every field.
import { decisionDraftSchema, decisionParamsSchema, decisionReadingSchema, recordDecisionBodySchema, recordedDecisionSchema } from '../../../app/api/decision.schema';
import { decisionApi } from '../../../app/decision/decision-api';
import { DECISION_RULE_CODES } from '../../../app/decision/decision-errors';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { type ApiRoute, defineRoute } from './api-route';

const READ_ERRORS: ErrorCode[] = ['CONFERENCE.NOT_FOUND', 'DECISION.NOT_THE_CHAIR', 'DECISION.NOT_A_CONFERENCE', 'MEETING.NOT_FOUND'];
const CHANGE_ERRORS: ErrorCode[] = [...READ_ERRORS, 'STORE.VERSION_CONFLICT', 'DECISION.AGENCY_NOT_PRESENT'];

export const decisionRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/decision',
    operationId: 'getDecision',
    summary: 'The chair\'s decision: the agencies whose views count, the draft, the outcome so far, the allowed date ranges and, once recorded, the decision.',
    auth: 'bearer',
    params: decisionParamsSchema,
    response: decisionReadingSchema,
    errors: READ_ERRORS,
    handle: ({ params, caller }, { app }) => decisionApi.read(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/conferences/:conferenceId/decision/draft',
    operationId: 'saveDecisionDraft',
    summary: 'Saves the chair\'s draft (as every card submit does); a view from an agency neither present nor reporting is refused. After recording: 409.',
    auth: 'bearer',
    params: decisionParamsSchema,
    body: decisionDraftSchema,
    response: decisionReadingSchema,
    errors: [...CHANGE_ERRORS, 'DECISION.ALREADY_RECORDED'],
    handle: ({ params, body, caller }, { app }) => decisionApi.saveDraft(app, caller.objectId, params.conferenceId, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/decision',
    operationId: 'recordDecision',
    summary: 'Records the decision (saving `draft` first when given). Invalid: 422, every field in details. Recorded before: 200 with alreadyRecorded true, nothing changed.',
    auth: 'bearer',
    params: decisionParamsSchema,
    body: recordDecisionBodySchema,
    response: recordedDecisionSchema,
    errors: [...CHANGE_ERRORS, 'DECISION.NOT_AT_DECISION_STAGE', ...DECISION_RULE_CODES],
    handle: ({ params, body, caller }, { app }) => decisionApi.record(app, caller.objectId, params.conferenceId, body.draft),
  }),
];
