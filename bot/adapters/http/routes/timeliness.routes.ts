// Timeliness over a period (the clerk's dashboard) and one child's plan as a timeline (the
// conference page): docs/tab/timeliness.md.
import { conferenceParamsSchema } from '../../../app/api/booking.schema';
import { planTimelineSchema, timelinessQuerySchema, timelinessReportSchema } from '../../../app/api/timeliness.schema';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { readPlanTimeline } from '../../../app/timeliness/plan-timeline.use-case';
import { timelinessReport } from '../../../app/timeliness/timeliness-report.use-case';
import { type ApiRoute, defineRoute } from './api-route';

const ACCESS: ErrorCode[] = ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED'];

export const timelinessRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/reports/timeliness',
    operationId: 'getTimeliness',
    summary: 'Timeliness of the conferences from `from` to `to` (default: the year up to today): ICPCs within T1 of the strategy discussion, reviews and core groups on time, decision records within T12; per measure and per conference.',
    auth: 'bearer',
    query: timelinessQuerySchema,
    response: timelinessReportSchema,
    errors: ACCESS,
    handle: ({ query, caller }, { app }) => timelinessReport(app, caller.objectId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/timeline',
    operationId: 'getPlanTimeline',
    summary: "The child's plan this conference belongs to: strategy discussion, ICPC, core groups, reviews, decisions and deadlines with their status.",
    auth: 'bearer',
    params: conferenceParamsSchema,
    response: planTimelineSchema,
    errors: [...ACCESS, 'ACCESS.NOT_PART_OF_CONFERENCE', 'CONFERENCE.NOT_FOUND'],
    handle: ({ params, caller }, { app }) => readPlanTimeline(app, caller.objectId, params.conferenceId),
  }),
];
