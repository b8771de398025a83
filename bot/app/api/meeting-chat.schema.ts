// GET /api/v1/meeting-chats/:chatId/conference: the conference behind a Teams meeting chat, so the
// meeting tab (whose Teams context names the chat, not the conference) can open its pages.
import { z } from 'zod';

/** A Teams chat thread id, e.g. 19:meeting_…@thread.v2. */
export const meetingChatParamsSchema = z.object({ chatId: z.string().min(3).max(300).regex(/^19:[^/\s]+$/, 'expected a Teams chat id (19:…)') });

export const meetingChatConferenceSchema = z.object({ conferenceId: z.string() }).meta({ id: 'MeetingChatConference' });
export type MeetingChatConference = z.infer<typeof meetingChatConferenceSchema>;
