// After the decision (docs/meeting/follow-ups.md, docs/meeting/core-groups.md): book the first core
// group and the review (or a core group's next one), the follow-up tasks, and the core group's
// minutes (ETag = the minutes' version) and their circulation.
import {
  bookFollowUpsBodySchema, circulationSchema, coreGroupSchema, followUpParamsSchema, followUpsSchema, followUpTaskParamsSchema, minutesBodySchema,
} from '../../../app/api/follow-ups.schema';
import { circulateMinutes } from '../../../app/core-group/circulate-minutes.use-case';
import { readCoreGroup, saveCoreGroupMinutes } from '../../../app/core-group/core-group-minutes.use-case';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { bookFollowUps, readFollowUps } from '../../../app/follow-ups/book-follow-ups.use-case';
import { markFollowUpDone } from '../../../app/follow-ups/mark-task-done.use-case';
import { type ApiRoute, defineRoute } from './api-route';

const READ: ErrorCode[] = ['CONFERENCE.NOT_FOUND', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON'];
const GRAPH: ErrorCode[] = ['BOOKING.IN_PROGRESS', 'GRAPH.UNAVAILABLE', 'GRAPH.THROTTLED', 'GRAPH.REJECTED'];
const MINUTES_RULES: ErrorCode[] = [
  'CORE_GROUP.MINUTES_INCOMPLETE', 'CORE_GROUP.NOT_QUORATE', 'CORE_GROUP.NEXT_DATE_INVALID', 'CORE_GROUP.NEXT_DATE_PAST_T5', 'CORE_GROUP.NEXT_DATE_BEFORE_T6', 'CORE_GROUP.RECOMMENDATIONS_REQUIRED',
];

export const coreGroupRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/follow-ups',
    operationId: 'bookFollowUps',
    summary: "Books the decision's first core group and review conference (a core group: its next one) as new conferences with their own meetings and invitations. Again: books nothing new.",
    auth: 'bearer',
    params: followUpParamsSchema,
    body: bookFollowUpsBodySchema,
    response: followUpsSchema,
    errors: [...READ, 'FOLLOW_UP.NO_DECISION', 'FOLLOW_UP.NO_PLAN', 'FOLLOW_UP.NOTHING_TO_BOOK', 'BOOKING.DATE_IN_PAST', 'BOOKING.DATE_NOT_WORKING_DAY', 'BOOKING.LATE_REASON_REQUIRED', 'STORE.VERSION_CONFLICT', 'MEETING.NOT_BOOKABLE', ...GRAPH],
    handle: ({ params, body, caller }, { app }) => bookFollowUps(app, caller.objectId, params.conferenceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/follow-ups',
    operationId: 'getFollowUps',
    summary: 'The follow-up conferences booked from this one and its tasks (T13–T16) with their due dates.',
    auth: 'bearer',
    params: followUpParamsSchema,
    response: followUpsSchema,
    errors: READ,
    handle: ({ params, caller }, { app }) => readFollowUps(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/follow-ups/tasks/:rule/done',
    operationId: 'markFollowUpDone',
    summary: 'Marks a follow-up task done (T13 plan signed off, T14 minutes, T15 amendments, T16 core group minutes); again: changes nothing.',
    auth: 'bearer',
    params: followUpTaskParamsSchema,
    response: followUpsSchema,
    errors: [...READ, 'FOLLOW_UP.TASK_NOT_FOUND', 'STORE.VERSION_CONFLICT'],
    handle: ({ params, caller }, { app }) => markFollowUpDone(app, caller.objectId, params.conferenceId, params.rule),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/core-group',
    operationId: 'getCoreGroup',
    summary: "A core group's minutes (or the empty template), the child's plan, quorum, the next date's T5/T6 range and the T16 deadline; ETag = the minutes' version (0 before the first save).",
    auth: 'bearer',
    params: followUpParamsSchema,
    response: coreGroupSchema,
    version: (v) => v.version,
    errors: [...READ, 'CORE_GROUP.NOT_A_CORE_GROUP'],
    handle: ({ params, caller }, { app }) => readCoreGroup(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/conferences/:conferenceId/core-group/minutes',
    operationId: 'saveCoreGroupMinutes',
    summary: 'Saves the minutes with the whole plan (If-Match: the minutes\' version, "0" for the first). An agreed action or safety goal left out or rewritten is refused (422) and nothing changes.',
    auth: 'bearer',
    params: followUpParamsSchema,
    body: minutesBodySchema,
    response: coreGroupSchema,
    version: (v) => v.version,
    requiresIfMatch: true,
    errors: [...READ, 'API.VERSION_STALE', 'CORE_GROUP.NOT_A_CORE_GROUP', 'CORE_GROUP.MINUTES_CIRCULATED', 'CORE_GROUP.PLAN_ITEM_REMOVED', 'CORE_GROUP.PLAN_ITEM_CHANGED', ...MINUTES_RULES, 'STORE.VERSION_CONFLICT'],
    handle: ({ params, body, caller, ifMatch }, { app }) => saveCoreGroupMinutes(app, caller.objectId, params.conferenceId, body, ifMatch),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/core-group/minutes/circulation',
    operationId: 'circulateCoreGroupMinutes',
    summary: 'E-mails the complete minutes to each member once (T16 recorded as done, on time or not). Again: sends nothing.',
    auth: 'bearer',
    params: followUpParamsSchema,
    response: circulationSchema,
    errors: [...READ, 'CORE_GROUP.NOT_A_CORE_GROUP', 'CORE_GROUP.MINUTES_NOT_FOUND', ...MINUTES_RULES, 'STORE.VERSION_CONFLICT'],
    handle: async ({ params, caller }, { app }) => {
      const { view, ...rest } = await circulateMinutes(app, caller.objectId, params.conferenceId);
      return { coreGroup: view, ...rest };
    },
  }),
];
