// Teams' meeting activities, parsed with zod into the app's MeetingEvent (bot/app/meeting/live).
// The shapes are botbuilder's (TeamsActivityHandler: TeamsMeetingStartT / TeamsMeetingEndT, and
// `value.members[{ user: TeamsChannelAccount, meeting: { inMeeting, role } }]` for participants)
// and Teams' own docs. All of them arrive in the meeting chat: conversation.id is its thread id,
// channelData.meeting.id the meeting. A malformed one is refused (ACTIVITY.MALFORMED, paths only).
import { z } from 'zod';
import type { MeetingEvent, MeetingMember } from '../../app/meeting/live/meeting-event';

export const MEETING_EVENT_NAMES = {
  'application/vnd.microsoft.meetingStart': 'meeting-start',
  'application/vnd.microsoft.meetingEnd': 'meeting-end',
  'application/vnd.microsoft.meetingParticipantJoin': 'participant-join',
  'application/vnd.microsoft.meetingParticipantLeave': 'participant-leave',
} as const;
type MeetingEventName = keyof typeof MEETING_EVENT_NAMES;

const id = z.string().min(1).max(500);
const text = z.string().max(500);

const common = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id, tenantId: z.string().optional() }),
  channelData: z.looseObject({
    tenant: z.looseObject({ id: z.string().optional() }).optional(),
    meeting: z.looseObject({ id }),
  }),
});

const startValue = z.looseObject({ Id: id, JoinUrl: z.string(), Title: text.optional(), MeetingType: z.string().optional(), StartTime: z.string() });
const endValue = z.looseObject({ Id: id, JoinUrl: z.string(), Title: text.optional(), MeetingType: z.string().optional(), EndTime: z.string() });

/** TeamsChannelAccount as Teams puts it in a participant event. */
const teamsAccount = z.looseObject({
  id,
  aadObjectId: z.string().max(100).optional(),
  userPrincipalName: z.string().max(320).optional(),
  email: z.string().max(320).optional(),
  name: text.optional(),
});
const participantsValue = z.looseObject({
  members: z
    .array(z.looseObject({ user: teamsAccount, meeting: z.looseObject({ inMeeting: z.boolean().optional(), role: z.string().max(50).optional() }).optional() }))
    .min(1)
    .max(200),
});

/**
 * A recording or transcription system message, if Teams delivers one to the bot (not documented;
 * TEAMS-PLATFORM "Bot events in a meeting"): Graph's eventDetail shape, in channelData or value.
 */
const eventDetail = z.looseObject({
  '@odata.type': z.enum(['#microsoft.graph.callRecordingEventMessageDetail', '#microsoft.graph.callTranscriptEventMessageDetail']),
  callRecordingStatus: z.string().optional(),
});

export function isMeetingEventActivity(activity: { type: string; name?: string; channelId?: string }): activity is { type: 'event'; name: MeetingEventName; channelId: string } {
  return activity.type === 'event' && typeof activity.name === 'string' && Object.hasOwn(MEETING_EVENT_NAMES, activity.name);
}

function recordingDetailOf(activity: unknown): z.infer<typeof eventDetail> | null {
  const a = activity as { channelData?: { eventDetail?: unknown }; value?: { eventDetail?: unknown } };
  const raw = a.channelData?.eventDetail ?? a.value?.eventDetail;
  if (raw === undefined) return null;
  const parsed = eventDetail.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** True when the activity carries a recording/transcription event detail (message or event). */
export function isRecordingActivity(activity: unknown): boolean {
  return recordingDetailOf(activity) !== null;
}

export type ParsedMeetingActivity = { ok: true; event: MeetingEvent } | { ok: false; issues: string };

const issuesOf = (e: z.ZodError, prefix = ''): string =>
  e.issues
    .slice(0, 5)
    .map((i) => `${prefix}${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');

const memberOf = (m: z.infer<typeof participantsValue>['members'][number]): MeetingMember => ({
  participantId: m.user.id,
  ...(m.user.aadObjectId ? { aadObjectId: m.user.aadObjectId } : {}),
  ...(m.user.userPrincipalName ? { userPrincipalName: m.user.userPrincipalName } : {}),
  ...(m.user.email ? { email: m.user.email } : {}),
  ...(m.user.name ? { displayName: m.user.name } : {}),
  ...(m.meeting?.role ? { meetingRole: m.meeting.role } : {}),
  ...(m.meeting?.inMeeting !== undefined ? { inMeeting: m.meeting.inMeeting } : {}),
});

/** The value's own StartTime/EndTime when the activity has no timestamp (undefined if unreadable). */
const isoOr = (t: string): string | undefined => (Number.isNaN(Date.parse(t)) ? undefined : new Date(t).toISOString());

/** The meeting event in a Teams activity (a meeting event, or a recording system message). */
export function parseMeetingActivity(activity: unknown): ParsedMeetingActivity {
  const base = common.safeParse(activity);
  if (!base.success) return { ok: false, issues: issuesOf(base.error) };
  const a = base.data;
  const tenantId = a.channelData.tenant?.id ?? a.conversation.tenantId;
  const head = {
    threadId: a.conversation.id,
    teamsMeetingId: a.channelData.meeting.id,
    chat: { conversationId: a.conversation.id, serviceUrl: a.serviceUrl, ...(tenantId ? { tenantId } : {}) },
    ...(a.timestamp ? { at: new Date(a.timestamp).toISOString() } : {}),
    ...(a.id ? { activityId: a.id } : {}),
  };
  const detail = recordingDetailOf(activity);
  if (detail) {
    const what = detail['@odata.type'] === '#microsoft.graph.callRecordingEventMessageDetail' ? 'recording' : 'transcription';
    // callRecordingStatus 'initial' is the start; 'success'/'failure' the end. A transcript detail has no status: it started.
    const state = what === 'recording' && detail.callRecordingStatus && detail.callRecordingStatus !== 'initial' && detail.callRecordingStatus !== 'chunkFinished' ? 'stopped' : 'started';
    return { ok: true, event: { ...head, type: 'recording', what, state } };
  }
  const name = (activity as { name?: unknown }).name;
  if (typeof name !== 'string' || !Object.hasOwn(MEETING_EVENT_NAMES, name)) return { ok: false, issues: 'name: not a meeting event' };
  const type = MEETING_EVENT_NAMES[name as MeetingEventName];
  const value = (activity as { value?: unknown }).value;
  switch (type) {
    case 'meeting-start': {
      const v = startValue.safeParse(value);
      return v.success ? { ok: true, event: { at: isoOr(v.data.StartTime), ...head, type } } : { ok: false, issues: issuesOf(v.error, 'value.') };
    }
    case 'meeting-end': {
      const v = endValue.safeParse(value);
      return v.success ? { ok: true, event: { at: isoOr(v.data.EndTime), ...head, type } } : { ok: false, issues: issuesOf(v.error, 'value.') };
    }
    case 'participant-join':
    case 'participant-leave': {
      const v = participantsValue.safeParse(value);
      return v.success ? { ok: true, event: { ...head, type, members: v.data.members.map(memberOf) } } : { ok: false, issues: issuesOf(v.error, 'value.') };
    }
  }
}
