// The meeting stage's view (docs/tab/stage-view.md): the agenda and, after the decision, the plan
// summary — read with a bearer token by anyone part of the conference, or with the chair's signed
// stage link by anyone in the call (no account needed), and the chair's share URL.
import { stageViewParamsSchema, stageViewSchema, stageViewShareUrlSchema, stageViewTokenQuerySchema } from '../../../app/api/stage-view.schema';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { readStageView, readStageViewByLink, stageViewShareUrl } from '../../../app/meeting/stage-view/stage-view.use-case';
import { type ApiRoute, defineRoute } from './api-route';

const READ_ERRORS: ErrorCode[] = ['CONFERENCE.NOT_FOUND', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON'];

export const stageViewRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/stage-view',
    operationId: 'getStageView',
    summary: 'What the meeting stage shows: the agenda (current part marked) and, after the decision, the plan summary. Never names, agency views, concerns or dissent.',
    auth: 'bearer',
    params: stageViewParamsSchema,
    response: stageViewSchema,
    errors: READ_ERRORS,
    handle: ({ params, caller }, { app }) => readStageView(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/stage-view/share-url',
    operationId: 'getStageViewShareUrl',
    summary: "The chair's stage link (signed, valid to the end of the conference day) to share to the meeting stage.",
    auth: 'bearer',
    params: stageViewParamsSchema,
    response: stageViewShareUrlSchema,
    errors: [...READ_ERRORS, 'MEETING.NOT_THE_CHAIR'],
    handle: ({ params, caller }, { app }) => stageViewShareUrl(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/stage-view',
    operationId: 'getStageViewByLink',
    summary: 'The stage view for anyone in the call, from the signed token of the chair\'s stage link (no sign-in).',
    auth: 'none',
    query: stageViewTokenQuerySchema,
    response: stageViewSchema,
    errors: ['STAGE_VIEW.LINK_NOT_VALID', 'STAGE_VIEW.LINK_EXPIRED'],
    handle: ({ query }, { app }) => readStageViewByLink(app, query.token),
  }),
];
