// A Teams meeting event as the app sees it (the Teams adapter parses the activity into this):
// no botbuilder type, ids and the participant's identity only. `threadId` is the meeting chat's
// conversation id, which finds the conference (MeetingRecord.chatThreadId); `teamsMeetingId` is
// channelData.meeting.id, which keeps two meetings' rosters apart.

export interface MeetingChat {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
}

export interface MeetingMember {
  /** Teams' user id in this meeting (29:…). */
  participantId: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  /** As Teams shows it: for the chair to recognise an unknown joiner; never logged. */
  displayName?: string;
  /** Organizer / Presenter / Attendee, as the event gave it. */
  meetingRole?: string;
  inMeeting?: boolean;
}

interface EventBase {
  threadId: string;
  teamsMeetingId: string;
  chat: MeetingChat;
  /** ISO instant Teams stamped the activity with (the ordering key for redelivered or late events); absent: now. */
  at?: string;
  /** The activity id (for the log only). */
  activityId?: string;
}

export type MeetingEvent =
  | (EventBase & { type: 'meeting-start' })
  | (EventBase & { type: 'meeting-end' })
  | (EventBase & { type: 'participant-join' | 'participant-leave'; members: MeetingMember[] })
  /** A recording or transcription system message in the meeting chat, when Teams delivers one. */
  | (EventBase & { type: 'recording'; what: 'recording' | 'transcription'; state: 'started' | 'stopped' });

export type MeetingEventType = MeetingEvent['type'];

/** What the adapter answers for a meeting event (Teams ignores the body; the log keeps the outcome). */
export type MeetingEventOutcome = { outcome: 'applied' | 'unchanged'; conferenceId: string; raised: number; cleared: number } | { outcome: 'refused'; code: string };
