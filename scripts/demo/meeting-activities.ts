// Teams meeting events as the Teams channel delivers them to a bot with the RSC permissions
// OnlineMeeting.ReadBasic.Chat and OnlineMeetingParticipant.Read.Chat: `event` activities named
// application/vnd.microsoft.meetingStart / meetingEnd / meetingParticipantJoin /
// meetingParticipantLeave, in the meeting chat's conversation (19:meeting_…@thread.v2, groupChat),
// with channelData.meeting.id. Shapes from botbuilder 4.23's TeamsActivityHandler (the start and
// end values in PascalCase, as Teams sends them; participants as `members: [{user, meeting}]`).
//
// The Agents Playground has no meeting (no meeting template among its custom activities, no
// meeting routes in its connector), but its custom-activity API forwards these as given: the demo
// sends them that way (playground-events.ts); the benchmark posts them, signed, to /api/messages
// (meeting-event-poster.ts). Either way the serviceUrl is a recording connector
// (scripts/bench/recording-connector.ts) standing for the meeting chat's connector.
import { randomUUID } from 'node:crypto';

export interface MeetingChat {
  /** The meeting chat's thread id (Graph onlineMeeting chatInfo.threadId). */
  threadId: string;
  /** Teams' meeting id as channelData.meeting.id carries it. */
  meetingId: string;
  tenantId: string;
  /** Where the bot sends into this meeting (targeted notifications). */
  serviceUrl: string;
  /** The bot's channel account id (28:…). */
  botId: string;
  joinUrl?: string;
}

export interface Participant {
  /** Teams' user id in the meeting (29:…). */
  participantId: string;
  aadObjectId?: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
  /** Organizer / Presenter / Attendee. */
  role?: string;
}

/** Teams' bot-facing meeting id: base64 of `0#<threadId>#0` (what channelData.meeting.id holds). */
export function teamsMeetingIdOf(threadId: string): string {
  return Buffer.from(`0#${threadId}#0`).toString('base64');
}

function base(chat: MeetingChat, at: Date, from: Participant | undefined) {
  return {
    id: randomUUID(),
    type: 'event',
    channelId: 'msteams',
    serviceUrl: chat.serviceUrl,
    timestamp: at.toISOString(),
    localTimestamp: at.toISOString(),
    from: from ? { id: from.participantId, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) } : { id: 'teams' },
    recipient: { id: chat.botId },
    conversation: { id: chat.threadId, conversationType: 'groupChat', isGroup: true, tenantId: chat.tenantId },
    channelData: { tenant: { id: chat.tenantId }, meeting: { id: chat.meetingId } },
    locale: 'en-GB',
  };
}

export function meetingStartActivity(chat: MeetingChat, at: Date, organizer?: Participant): Record<string, unknown> {
  return {
    ...base(chat, at, organizer),
    name: 'application/vnd.microsoft.meetingStart',
    value: { Id: chat.meetingId, MeetingType: 'Scheduled', JoinUrl: chat.joinUrl ?? '', Title: 'Conference', StartTime: at.toISOString() },
  };
}

export function meetingEndActivity(chat: MeetingChat, at: Date, organizer?: Participant): Record<string, unknown> {
  return {
    ...base(chat, at, organizer),
    name: 'application/vnd.microsoft.meetingEnd',
    value: { Id: chat.meetingId, MeetingType: 'Scheduled', JoinUrl: chat.joinUrl ?? '', Title: 'Conference', EndTime: at.toISOString() },
  };
}

/** One join or leave event; Teams may put several participants in one. */
export function participantsActivity(chat: MeetingChat, change: 'join' | 'leave', people: Participant[], at: Date): Record<string, unknown> {
  return {
    ...base(chat, at, people[0]),
    name: change === 'join' ? 'application/vnd.microsoft.meetingParticipantJoin' : 'application/vnd.microsoft.meetingParticipantLeave',
    value: {
      members: people.map((p) => ({
        user: {
          id: p.participantId,
          ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}),
          ...(p.name ? { name: p.name } : {}),
          ...(p.email ? { email: p.email } : {}),
          ...(p.userPrincipalName ? { userPrincipalName: p.userPrincipalName } : {}),
          tenantId: chat.tenantId,
          userRole: p.aadObjectId ? 'user' : 'anonymous',
        },
        meeting: { inMeeting: change === 'join', role: p.role ?? 'Attendee' },
      })),
    },
  };
}
