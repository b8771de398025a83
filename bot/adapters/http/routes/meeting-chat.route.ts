// GET /api/v1/meeting-chats/:chatId/conference: the conference of a Teams meeting chat (the meeting
// tab knows the chat from Teams' context), for people part of it.
import { meetingChatConferenceSchema, meetingChatParamsSchema } from '../../../app/api/meeting-chat.schema';
import { conferenceOfChat } from '../../../app/meeting/conference-of-chat.use-case';
import { defineRoute } from './api-route';

export const meetingChatConferenceRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/meeting-chats/:chatId/conference',
  operationId: 'getConferenceOfMeetingChat',
  summary: 'The conference whose Teams meeting has this chat (thread id 19:…), for anyone part of it.',
  auth: 'bearer',
  params: meetingChatParamsSchema,
  response: meetingChatConferenceSchema,
  errors: ['CONFERENCE.NOT_FOUND', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON'],
  handle: ({ params, caller }, { app }) => conferenceOfChat(app, caller.objectId, params.chatId),
});
