// Teams' meeting activities parsed into the app's MeetingEvent (bot/adapters/teams/meeting-activity.ts):
// each kind as Teams sends it, the refusals of a malformed one (paths only, never values), and a
// recording system message if one reaches the bot.
import { isMeetingEventActivity, isRecordingActivity, parseMeetingActivity } from '../../bot/adapters/teams/meeting-activity';
import { meetingEndActivity, meetingStartActivity, type MeetingActivityOptions, participantJoinActivity, participantLeaveActivity } from './support/meeting-activities';

const o: MeetingActivityOptions = { serviceUrl: 'https://smba.trafficmanager.net/uk/', threadId: '19:meeting_abc@thread.v2', meetingId: 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA==', timestamp: '2026-12-10T10:05:00.123Z', id: 'f:1' };
const head = { threadId: o.threadId, teamsMeetingId: o.meetingId, chat: { conversationId: o.threadId, serviceUrl: o.serviceUrl, tenantId: '11111111-2222-4333-8444-555555555555' }, at: o.timestamp, activityId: 'f:1' };

it('meeting start and end', () => {
  expect(parseMeetingActivity(meetingStartActivity(o))).toEqual({ ok: true, event: { ...head, type: 'meeting-start' } });
  expect(parseMeetingActivity(meetingEndActivity(o))).toEqual({ ok: true, event: { ...head, type: 'meeting-end' } });
  const { timestamp: _t, ...untimed } = meetingEndActivity({ ...o, timestamp: '2026-12-10T11:55:00Z' });
  // Without the activity's timestamp, the value's own EndTime orders it.
  expect(parseMeetingActivity(untimed)).toMatchObject({ ok: true, event: { at: '2026-12-10T11:55:00.000Z' } });
});

it('participant join and leave: the members with their ids, name and meeting role', () => {
  const join = participantJoinActivity([{ id: '29:a', name: 'Robin Chairperson', aadObjectId: 'c0c0c0c0-0000-4000-8000-000000000001', role: 'Organizer' }, { id: '29:g', name: 'Visitor (Guest)', email: 'v@example.org' }], o);
  expect(isMeetingEventActivity(join)).toBe(true);
  expect(parseMeetingActivity(join)).toEqual({
    ok: true,
    event: {
      ...head,
      type: 'participant-join',
      members: [
        { participantId: '29:a', aadObjectId: 'c0c0c0c0-0000-4000-8000-000000000001', displayName: 'Robin Chairperson', meetingRole: 'Organizer', inMeeting: true },
        { participantId: '29:g', email: 'v@example.org', displayName: 'Visitor (Guest)', meetingRole: 'Attendee', inMeeting: true },
      ],
    },
  });
  expect(parseMeetingActivity(participantLeaveActivity([{ id: '29:g', name: 'Visitor (Guest)' }], o))).toMatchObject({ ok: true, event: { type: 'participant-leave', members: [{ participantId: '29:g', inMeeting: false }] } });
});

it.each([
  ['no meeting id', (a: Record<string, unknown>) => ({ ...a, channelData: { tenant: { id: 't' } } }), 'channelData.meeting'],
  ['no members', (a: Record<string, unknown>) => ({ ...a, value: { members: [] } }), 'value.members'],
  ['a member without a user id', (a: Record<string, unknown>) => ({ ...a, value: { members: [{ user: { name: 'Secret Name' } }] } }), 'value.members.0.user.id'],
  ['no value', (a: Record<string, unknown>) => ({ ...a, value: undefined }), 'value'],
  ['a timestamp that is not a time', (a: Record<string, unknown>) => ({ ...a, timestamp: 'yesterday' }), 'timestamp'],
])('refuses %s, naming the path and never the value', (_what, spoil, path) => {
  const r = parseMeetingActivity(spoil(participantJoinActivity([{ id: '29:g', name: 'Visitor (Guest)' }], o) as Record<string, unknown>));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues).toContain(path);
  expect(r.issues).not.toContain('Secret Name');
});

it('a meeting start without its times is refused', () => {
  const start = meetingStartActivity(o) as { value: Record<string, unknown> };
  expect(parseMeetingActivity({ ...start, value: { Id: o.meetingId } })).toMatchObject({ ok: false, issues: expect.stringContaining('value.StartTime') });
});

it('a recording or transcription system message, when Teams delivers one to the bot', () => {
  const message = { ...meetingStartActivity(o), type: 'message', name: undefined, value: undefined };
  const recording = { ...message, channelData: { ...message.channelData, eventDetail: { '@odata.type': '#microsoft.graph.callRecordingEventMessageDetail', callRecordingStatus: 'initial' } } };
  expect(isRecordingActivity(recording)).toBe(true);
  expect(parseMeetingActivity(recording)).toMatchObject({ ok: true, event: { type: 'recording', what: 'recording', state: 'started' } });
  const done = { ...message, channelData: { ...message.channelData, eventDetail: { '@odata.type': '#microsoft.graph.callRecordingEventMessageDetail', callRecordingStatus: 'success' } } };
  expect(parseMeetingActivity(done)).toMatchObject({ ok: true, event: { what: 'recording', state: 'stopped' } });
  const transcript = { ...message, value: { eventDetail: { '@odata.type': '#microsoft.graph.callTranscriptEventMessageDetail' } } };
  expect(parseMeetingActivity(transcript)).toMatchObject({ ok: true, event: { what: 'transcription', state: 'started' } });
  // An ordinary message is not one.
  expect(isRecordingActivity({ ...message, text: 'hello' })).toBe(false);
});
