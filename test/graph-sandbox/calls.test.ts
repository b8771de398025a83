// /communications/calls in the sandbox: the calling bot joins a meeting's call, lists who is in
// it and removes one; bodies Graph would refuse are refused (metadata, required parts, organizer).
import { eventBody, type Json, type Kit, ORGANIZER, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
let meeting: { threadId: string; organizerOid: string; joinWebUrl: string };
beforeAll(async () => {
  kit = await startKit();
  const created = await kit.call('POST', `/users/${ORGANIZER}/events`, eventBody({ transactionId: 'calls-1' }));
  const joinUrl = created.json.onlineMeeting.joinUrl as string;
  const list = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
  const m = list.json.value[0];
  meeting = { threadId: m.chatInfo.threadId, organizerOid: m.participants.organizer.identity.user.id, joinWebUrl: joinUrl };
});
afterAll(async () => kit.stop());

function joinBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: 'https://bot.council.example/api/calls',
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: meeting.threadId, messageId: '0' },
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: meeting.organizerOid, tenantId: kit.sandbox.tenantId } },
    },
    tenantId: kit.sandbox.tenantId,
    ...overrides,
  };
}

describe('joining a meeting call', () => {
  test('a valid join → 201 with the call id; the meeting participants are in the call; a removed one is gone', async () => {
    await kit.sandbox.addMeetingParticipant(meeting.threadId, { participantId: 'p-parent', aadObjectId: '11111111-1111-4111-8111-111111111111' });
    await kit.sandbox.addMeetingParticipant(meeting.threadId, { participantId: 'p-guest' });
    const joined = await kit.call('POST', '/communications/calls', joinBody());
    expect(joined.status).toBe(201);
    const callId = joined.json.id as string;
    expect(joined.headers.get('location')).toContain(`/communications/calls/${callId}`);
    expect(joined.json.chatInfo.threadId).toBe(meeting.threadId);

    // Someone who joins the meeting later is in the live call too.
    await kit.sandbox.addMeetingParticipant(meeting.threadId, { participantId: 'p-late', aadObjectId: '22222222-2222-4222-8222-222222222222', isInLobby: true });
    const people = await kit.call('GET', `/communications/calls/${callId}/participants`);
    expect(people.status).toBe(200);
    expect(people.json.value.map((p: Json) => [p.id, p.info.identity.user?.id ?? null, p.isInLobby])).toEqual([
      ['p-guest', null, false],
      ['p-parent', '11111111-1111-4111-8111-111111111111', false],
      ['p-late', '22222222-2222-4222-8222-222222222222', true],
    ]);

    expect((await kit.call('DELETE', `/communications/calls/${callId}/participants/p-parent`)).status).toBe(204);
    const after = await kit.call('GET', `/communications/calls/${callId}/participants`);
    expect(after.json.value.map((p: Json) => p.id)).toEqual(['p-guest', 'p-late']);
    const again = await kit.call('DELETE', `/communications/calls/${callId}/participants/p-parent`);
    expect(again.status).toBe(404);

    // Hung up: the call and its participants are gone.
    expect((await kit.call('DELETE', `/communications/calls/${callId}`)).status).toBe(204);
    expect((await kit.call('GET', `/communications/calls/${callId}`)).status).toBe(404);
    expect((await kit.call('GET', `/communications/calls/${callId}/participants`)).status).toBe(404);
    expect((await kit.call('DELETE', `/communications/calls/${callId}/participants/p-guest`)).status).toBe(404);
  });

  test.each([
    ['an unknown property', { allowConversationWithoutHost: true }, 400, /does not exist on type 'microsoft.graph.call'/],
    ['an unknown modality', { requestedModalities: ['hologram'] }, 400, /Cannot convert the literal 'hologram'/],
    ['no callbackUri', { callbackUri: undefined }, 400, /callbackUri is required/],
    ['an http callbackUri', { callbackUri: 'http://bot.council.example/api/calls' }, 400, /https/],
    ['no modality', { requestedModalities: [] }, 400, /at least one modality/],
    ['app-hosted media', { mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: 'x' } }, 400, /serviceHostedMediaConfig only/],
    ['a media type not derived from mediaConfig', { mediaConfig: { '@odata.type': '#microsoft.graph.chatInfo' } }, 400, /not derived from 'microsoft.graph.mediaConfig'/],
    ['no meetingInfo (a new group call)', { meetingInfo: undefined }, 400, /chatInfo and meetingInfo are required/],
    ['another tenant', { tenantId: '99999999-9999-4999-8999-999999999999' }, 403, /not the tenant/],
  ])('%s → refused', async (_name, overrides, status, message) => {
    const r = await kit.call('POST', '/communications/calls', JSON.parse(JSON.stringify(joinBody(overrides))));
    expect(r.status).toBe(status);
    expect(r.json.error.message).toMatch(message);
  });

  test('a thread no meeting has → 404; an organizer who is not the meeting\'s → 403', async () => {
    const unknown = await kit.call('POST', '/communications/calls', joinBody({ chatInfo: { threadId: '19:meeting_unknown@thread.v2', messageId: '0' } }));
    expect(unknown.status).toBe(404);
    const wrong = joinBody();
    (wrong.meetingInfo as Json).organizer.user.id = '33333333-3333-4333-8333-333333333333';
    const other = await kit.call('POST', '/communications/calls', wrong);
    expect(other.status).toBe(403);
  });

  test('without Calls.JoinGroupCall.All every calls request → 403', async () => {
    const limited = await startKit({ clients: [{ clientId: 'c11e0000-0000-4000-8000-000000000003', clientSecret: 's3', roles: ['OnlineMeetings.ReadWrite.All'] }] });
    try {
      const token = await limited.token(undefined, { clientId: 'c11e0000-0000-4000-8000-000000000003', clientSecret: 's3' });
      const auth = { authorization: `Bearer ${token}` };
      const r = await limited.call('POST', '/communications/calls', joinBody(), auth);
      expect(r.status).toBe(403);
      expect(r.json.error.message).toMatch(/Calls\.JoinGroupCall\.All/);
      expect((await limited.call('GET', '/communications/calls/x/participants', undefined, auth)).status).toBe(403);
    } finally {
      await limited.stop();
    }
  });
});
