// The live meeting: the run sheet (GET) and the chair's controls — stage, quorum at the start,
// match an unknown joiner, remove someone (docs/meeting/stages.md). Each the same use case as the
// run sheet card's button.
import {
  matchAnswerSchema, matchBodySchema, meetingParamsSchema, meetingViewSchema, participantParamsSchema, quorumAnswerSchema, quorumBodySchema,
  removeAnswerSchema, stageAnswerSchema, stageBodySchema,
} from '../../../app/api/meeting.schema';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { meetingApi } from '../../../app/meeting/stage/meeting-api';
import { type ApiRoute, defineRoute } from './api-route';

const READ_ERRORS: ErrorCode[] = ['CONFERENCE.NOT_FOUND', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON', 'MEETING.NOT_FOUND'];
const CHAIR_ERRORS: ErrorCode[] = [...READ_ERRORS, 'MEETING.NOT_THE_CHAIR', 'MEETING.CLOSED', 'STORE.VERSION_CONFLICT'];

export const meetingRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/meeting',
    operationId: 'getMeeting',
    summary: 'The live meeting: the run sheet (stage, expected vs present, admit now / wait / must leave, alerts, quorum, stage commands) for the chair and the clerk; the stage alone for anyone else part of the conference.',
    auth: 'bearer',
    params: meetingParamsSchema,
    response: meetingViewSchema,
    errors: READ_ERRORS,
    handle: ({ params, caller }, { app }) => meetingApi.read(app, caller.objectId, params.conferenceId),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/meeting/stage',
    operationId: 'changeMeetingStage',
    summary: 'The chair moves the stage. The same stage again is answered "unchanged"; the chair is sent who to admit now, who must wait and who must leave.',
    auth: 'bearer',
    params: meetingParamsSchema,
    body: stageBodySchema,
    response: stageAnswerSchema,
    errors: [...CHAIR_ERRORS, 'MEETING.STAGE_NOT_ALLOWED', 'MEETING.LOOKED_AFTER_PART_DUE', 'MEETING.NOT_QUORATE_REASON_REQUIRED'],
    handle: ({ params, body, caller }, { app }) => meetingApi.stage(app, caller.objectId, params.conferenceId, body.command, body.quorumReason),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/meeting/quorum',
    operationId: 'proceedWithoutQuorum',
    summary: 'Not quorate at the start: the chair proceeds with a recorded reason (or stands the conference down: POST …/stand-down, reason not-quorate).',
    auth: 'bearer',
    params: meetingParamsSchema,
    body: quorumBodySchema,
    response: quorumAnswerSchema,
    errors: [...CHAIR_ERRORS, 'MEETING.STAGE_NOT_ALLOWED', 'MEETING.NOT_QUORATE_REASON_REQUIRED'],
    handle: ({ params, body, caller }, { app }) => meetingApi.quorum(app, caller.objectId, params.conferenceId, body.reason),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/meeting/roster/:participantId/match',
    operationId: 'matchParticipant',
    summary: 'The chair matches an unknown joiner to an invitee (never by display name alone); the unknown-joiner alert clears.',
    auth: 'bearer',
    params: participantParamsSchema,
    body: matchBodySchema,
    response: matchAnswerSchema,
    errors: [...CHAIR_ERRORS, 'MEETING.PARTICIPANT_NOT_FOUND', 'MEETING.INVITEE_NOT_FOUND'],
    handle: ({ params, body, caller }, { app }) => meetingApi.match(app, caller.objectId, params.conferenceId, params.participantId, body.inviteeId),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/meeting/roster/:participantId/remove',
    operationId: 'removeParticipant',
    summary: 'The chair removes someone from the meeting: through the calling bot where enabled, otherwise the answer carries Teams\' exact steps.',
    auth: 'bearer',
    params: participantParamsSchema,
    response: removeAnswerSchema,
    errors: [...CHAIR_ERRORS, 'MEETING.PARTICIPANT_NOT_FOUND'],
    handle: ({ params, caller }, { app }) => meetingApi.remove(app, caller.objectId, params.conferenceId, params.participantId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conferences/:conferenceId/meeting/events',
    operationId: 'streamMeeting',
    summary: 'The live meeting as server-sent events: `event: meeting` with the same data as GET …/meeting, at connect and whenever it changes (read again every second); `: keep-alive` every 15 s; refused like GET …/meeting.',
    auth: 'bearer',
    params: meetingParamsSchema,
    response: meetingViewSchema,
    errors: READ_ERRORS,
    events: { event: 'meeting' },
    handle: ({ params, caller }, { app }) => meetingApi.read(app, caller.objectId, params.conferenceId),
  }),
];
