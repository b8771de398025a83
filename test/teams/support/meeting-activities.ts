// Teams' meeting activities as Teams sends them to a bot installed in a meeting chat (RSC): the
// meeting start/end events and the participant join/leave events (invented people and ids only).
import { BOT_ID, TENANT } from '../../http/support/activities';

let counter = 0;

export interface MeetingActivityOptions {
  serviceUrl: string;
  threadId: string;
  meetingId: string;
  timestamp: string;
  id?: string;
}

function base(o: MeetingActivityOptions) {
  return {
    type: 'event',
    id: o.id ?? `f:meeting-${Date.now()}-${++counter}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: o.timestamp,
    from: { id: '29:organizer-1', aadObjectId: 'c0c0c0c0-0000-4000-8000-000000000001' },
    recipient: { id: BOT_ID, name: 'Conference Bot' },
    conversation: { isGroup: true, conversationType: 'groupChat', id: o.threadId, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, source: null, meeting: { id: o.meetingId } },
    locale: 'en-GB',
  };
}

export function meetingStartActivity(o: MeetingActivityOptions) {
  return {
    ...base(o),
    name: 'application/vnd.microsoft.meetingStart',
    value: { Id: o.meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x', Title: 'CP-2026-0101 Initial child protection conference', StartTime: o.timestamp },
  };
}

export function meetingEndActivity(o: MeetingActivityOptions) {
  return {
    ...base(o),
    name: 'application/vnd.microsoft.meetingEnd',
    value: { Id: o.meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x', Title: 'CP-2026-0101 Initial child protection conference', EndTime: o.timestamp },
  };
}

export interface Participant {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  role?: 'Organizer' | 'Presenter' | 'Attendee';
}

function participantsActivity(name: string, inMeeting: boolean, people: Participant[], o: MeetingActivityOptions) {
  return {
    ...base(o),
    name,
    value: {
      members: people.map((p) => ({
        user: { id: p.id, name: p.name, tenantId: TENANT, ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}), ...(p.userPrincipalName ? { userPrincipalName: p.userPrincipalName } : {}), ...(p.email ? { email: p.email } : {}), role: 'user' },
        meeting: { inMeeting, role: p.role ?? 'Attendee' },
      })),
    },
  };
}

export const participantJoinActivity = (people: Participant[], o: MeetingActivityOptions) => participantsActivity('application/vnd.microsoft.meetingParticipantJoin', true, people, o);
export const participantLeaveActivity = (people: Participant[], o: MeetingActivityOptions) => participantsActivity('application/vnd.microsoft.meetingParticipantLeave', false, people, o);
