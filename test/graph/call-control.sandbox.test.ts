// The Graph CallControl adapter against the strict sandbox over HTTPS: it joins a booked meeting's
// call with a body the v1.0 metadata accepts (chatInfo and the organizer from the join URL,
// service-hosted media), lists the participants, removes one, and maps Graph's refusals to the
// port's codes (ended call, participant gone, no Calls.JoinGroupCall.All).
jest.setTimeout(60_000);

import { createGraphAdapters } from '../../bot/adapters/graph/create-graph-adapters';
import { meetingOfJoinUrl } from '../../bot/adapters/graph/graph-call-control.adapter';
import { CallControlError } from '../../bot/app/ports/call-control.port';
import { type Harness, ORGANIZER, sandboxConfig, startHarness } from './sandbox-harness';

let h: Harness;
let meeting: { joinUrl: string; chatThreadId: string };
const CALLBACK = 'https://bot.council.example/api/calls';
const PARENT_AAD = '11111111-1111-4111-8111-111111111111';

beforeAll(async () => {
  h = await startHarness();
  const created = await h.graph.meetings.createEvent({
    organizerId: ORGANIZER, transactionId: 'calls-adapter-1', subject: 'MOS1234567 conference', start: '2027-03-01T10:00', end: '2027-03-01T12:00', attendees: [], bodyText: 'Conference',
  });
  const found = await h.graph.meetings.findOnlineMeetingId(ORGANIZER, created.joinUrl);
  meeting = { joinUrl: created.joinUrl, chatThreadId: found.chatThreadId! };
  await h.sandbox.addMeetingParticipant(meeting.chatThreadId, { participantId: 'p-parent', aadObjectId: PARENT_AAD });
  await h.sandbox.addMeetingParticipant(meeting.chatThreadId, { participantId: 'p-anonymous' });
});
afterAll(async () => h.stop());

const code = async (p: Promise<unknown>) => p.then(() => 'resolved', (err) => (err instanceof CallControlError ? err.code : String(err)));

test('the join URL gives the thread, message, tenant and organizer', () => {
  const parts = meetingOfJoinUrl(meeting.joinUrl)!;
  expect(parts.threadId).toBe(meeting.chatThreadId);
  expect(parts.messageId).toBe('0');
  expect(parts.tenantId).toBe(h.sandbox.tenantId);
  expect(parts.organizerId).toMatch(/^[0-9a-f-]{36}$/);
  expect(meetingOfJoinUrl('https://example.org/not-a-meeting')).toBeNull();
});

test('join, list, remove: the sandbox accepts the body, the participant goes, a second remove is PARTICIPANT_NOT_FOUND', async () => {
  const calls = h.graph.calls(CALLBACK);
  h.clearLog();
  const callId = await calls.joinMeeting({ joinUrl: meeting.joinUrl, chatThreadId: meeting.chatThreadId, organizerId: ORGANIZER, tenantId: h.sandbox.tenantId });
  const post = h.graphRequests().find((r) => r.method === 'POST' && r.path === '/v1.0/communications/calls')!;
  expect(post.status).toBe(201);
  expect(post.body).toMatchObject({
    callbackUri: CALLBACK,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    chatInfo: { threadId: meeting.chatThreadId, messageId: '0' },
    meetingInfo: { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: meetingOfJoinUrl(meeting.joinUrl)!.organizerId, tenantId: h.sandbox.tenantId } } },
    tenantId: h.sandbox.tenantId,
  });

  const people = await calls.listParticipants(callId);
  expect([...people].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
    { id: 'p-anonymous', isInLobby: false },
    { id: 'p-parent', aadObjectId: PARENT_AAD, isInLobby: false },
  ]);
  await calls.removeParticipant(callId, 'p-parent');
  expect((await calls.listParticipants(callId)).map((p) => p.id)).toEqual(['p-anonymous']);
  expect(await code(calls.removeParticipant(callId, 'p-parent'))).toBe('CALL.PARTICIPANT_NOT_FOUND');
});

test('a call that is not (or no longer) there is CALL.NOT_JOINED; a meeting without an organizer id is refused before Graph', async () => {
  const calls = h.graph.calls(CALLBACK);
  expect(await code(calls.listParticipants('no-such-call'))).toBe('CALL.NOT_JOINED');
  expect(await code(calls.joinMeeting({ joinUrl: 'https://example.org/x', chatThreadId: meeting.chatThreadId, organizerId: ORGANIZER, tenantId: h.sandbox.tenantId }))).toBe('GRAPH.REJECTED');
});

test('without Calls.JoinGroupCall.All the join is CALL.NOT_ALLOWED', async () => {
  const limited = { clientId: 'c11e0000-0000-4000-8000-000000000009', clientSecret: 'limited-secret', roles: ['OnlineMeetings.ReadWrite.All'] };
  const other = await startHarness({ clients: [limited] });
  try {
    const graph = createGraphAdapters(sandboxConfig(other.sandbox), { caPem: other.sandbox.caCertPem!, retryDelaySeconds: 0, sleep: async () => undefined });
    try {
      expect(await code(graph.calls(CALLBACK).joinMeeting({ joinUrl: meeting.joinUrl, chatThreadId: meeting.chatThreadId, organizerId: ORGANIZER, tenantId: other.sandbox.tenantId }))).toBe('CALL.NOT_ALLOWED');
    } finally {
      graph.close();
    }
  } finally {
    await other.stop();
  }
});
