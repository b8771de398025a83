// The invite list (versioned: ETag / If-Match), sending invitations, attendance answers and the
// clerk's board (docs/api.md, docs/invite-list.md).
import {
  addedInviteeSchema, attendanceAnswerSchema, attendanceBodySchema, boardSchema, conferenceParamsSchema, inviteeDraftSchema,
  inviteeParamsSchema, inviteListSchema, inviteePatchSchema, sendInvitationsSchema,
} from '../../../app/api/invite-list.schema';
import { inviteListApi } from '../../../app/invite-list/invite-list-api';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { type ApiRoute, defineRoute } from './api-route';

const READ_ERRORS: ErrorCode[] = ['CONFERENCE.NOT_FOUND', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON'];
const CHANGE_ERRORS: ErrorCode[] = [...READ_ERRORS, 'API.VERSION_STALE', 'INVITE_LIST.INVALID_INVITEE', 'INVITE_LIST.NOT_EDITABLE', 'BOOKING.IN_PROGRESS', 'STORE.VERSION_CONFLICT'];

export const inviteListRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/invite-list',
    operationId: 'getInviteList',
    summary: 'The invite list with each invitee\'s notice, answer and report, the health/police warnings; ETag = the list version.',
    auth: 'bearer',
    params: conferenceParamsSchema,
    response: inviteListSchema,
    version: (list) => list.version,
    errors: READ_ERRORS,
    handle: ({ params, caller }, { app }) => inviteListApi.read(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/invite-list/invitees',
    operationId: 'addInvitee',
    summary: 'Add one invitee (If-Match: the list version). On a booked conference they stay pending until invitations are sent.',
    auth: 'bearer',
    params: conferenceParamsSchema,
    body: inviteeDraftSchema,
    response: addedInviteeSchema,
    status: 201,
    version: (r) => r.inviteList.version,
    requiresIfMatch: true,
    errors: CHANGE_ERRORS,
    handle: ({ params, body, caller, ifMatch }, { app }) => inviteListApi.add(app, caller.objectId, params.conferenceId, ifMatch!, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/conferences/:conferenceId/invite-list/invitees/:inviteeId',
    operationId: 'editInvitee',
    summary: 'Change one invitee\'s fields (If-Match). An invited person\'s e-mail or role cannot change in place.',
    auth: 'bearer',
    params: inviteeParamsSchema,
    body: inviteePatchSchema,
    response: inviteListSchema,
    version: (list) => list.version,
    requiresIfMatch: true,
    errors: [...CHANGE_ERRORS, 'INVITEE.NOT_FOUND', 'INVITE_LIST.CONTACT_CHANGE_NEEDS_REINVITE'],
    handle: ({ params, body, caller, ifMatch }, { app }) => inviteListApi.edit(app, caller.objectId, params.conferenceId, params.inviteeId, ifMatch!, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/conferences/:conferenceId/invite-list/invitees/:inviteeId',
    operationId: 'removeInvitee',
    summary: 'Remove one invitee (If-Match). On a booked conference the meeting is updated at once (and a family member told).',
    auth: 'bearer',
    params: inviteeParamsSchema,
    response: inviteListSchema,
    version: (list) => list.version,
    requiresIfMatch: true,
    errors: [...CHANGE_ERRORS, 'INVITEE.NOT_FOUND'],
    handle: ({ params, caller, ifMatch }, { app }) => inviteListApi.remove(app, caller.objectId, params.conferenceId, params.inviteeId, ifMatch!),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/invitations',
    operationId: 'sendInvitations',
    summary: 'Send the invitations: the Teams event updated, each family member e-mailed, each professional asked for attendance (card or e-mailed link). T7 notice per invitee; late ones listed.',
    auth: 'bearer',
    params: conferenceParamsSchema,
    response: sendInvitationsSchema,
    version: (r) => r.inviteList.version,
    errors: [...READ_ERRORS, 'MEETING.NOT_CREATED', 'MEETING.NOT_BOOKED', 'BOOKING.IN_PROGRESS', 'GRAPH.UNAVAILABLE', 'GRAPH.THROTTLED', 'GRAPH.REJECTED'],
    handle: ({ params, caller }, { app }) => inviteListApi.send(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/conferences/:conferenceId/invitees/:inviteeId/attendance',
    operationId: 'answerAttendance',
    summary: 'The caller\'s own attendance answer. The same answer again changes nothing; a different one is a new, audited answer.',
    auth: 'bearer',
    params: inviteeParamsSchema,
    body: attendanceBodySchema,
    response: attendanceAnswerSchema,
    errors: [...READ_ERRORS, 'ACCESS.NOT_OWN_INVITATION', 'INVITEE.NOT_FOUND', 'ATTENDANCE.CONFERENCE_STOOD_DOWN', 'ATTENDANCE.CONFERENCE_OVER', 'ATTENDANCE.NOT_A_PROFESSIONAL', 'ATTENDANCE.COLLEAGUE_REQUIRED', 'ATTENDANCE.COLLEAGUE_NOT_FOUND'],
    handle: ({ params, body, caller }, { app }) => inviteListApi.answer(app, caller.objectId, params.conferenceId, params.inviteeId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/board',
    operationId: 'getBoard',
    summary: 'The clerk\'s board: per agency invited, answer, report due and received; the quoracy forecast and what is missing.',
    auth: 'bearer',
    params: conferenceParamsSchema,
    response: boardSchema,
    errors: READ_ERRORS,
    handle: ({ params, caller }, { app }) => inviteListApi.board(app, caller.objectId, params.conferenceId),
  }),
];
