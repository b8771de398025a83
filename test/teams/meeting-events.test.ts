// Teams' meeting events over real HTTP, signed as the channel signs them (production mode, a local
// identity provider), into the whole server on its SQL store; the connector is a loopback stub
// that records what the bot sends. A parent joining the professionals-only part reaches the
// chair's 1:1 chat and the chair's in-meeting notification; a redelivered or duplicated event
// changes nothing; an event of a meeting no conference owns or a malformed one is refused; the
// card's Acknowledge is chair only.
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { type LocalIdentityProvider, startLocalIdentityProvider } from '../../scripts/local-identity/local-identity-provider';
import { LocalTokenCredentialsFactory } from '../../scripts/local-identity/local-token-credentials';
import { liveConference, CHAIR_ID, POLICE_ID } from '../app/meeting/live/support/live-kit';
import { cardActionInvoke, messageActivity, TENANT } from '../http/support/activities';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { type TestServer, startTestServer } from '../http/support/test-server';
import { FakeMailer, FakeMeetings } from '../invitations/booking-fakes';
import { StaticDirectory } from '../support/static-directory';
import { type MeetingActivityOptions, meetingEndActivity, meetingStartActivity, type Participant, participantJoinActivity, participantLeaveActivity } from './support/meeting-activities';

jest.setTimeout(60_000);

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3302';
const APP_SECRET = 'local-test-secret-not-real';
const APP_TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c';
const SCOPE = 'https://api.botframework.test';

const CONF = 'mtg-1';
const THREAD = `19:meeting_${CONF}@thread.v2`;
const MEETING_ID = 'MCMxOTptZWV0aW5nX210Zy0xQHRocmVhZC52MiMw';
const CHAIR: Participant = { id: '29:chair-teams', name: 'Robin Chairperson', aadObjectId: CHAIR_ID, role: 'Organizer' };
const PARENT: Participant = { id: '29:guest-parent', name: 'Morgan P (Guest)', email: 'morgan.parent@example.org' };

let idp: LocalIdentityProvider;
let connector: ConnectorStub;
let bot: TestServer;

beforeAll(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  idp = await startLocalIdentityProvider({ clientId: APP_ID, clientSecret: APP_SECRET });
  connector = await startConnectorStub();
  bot = await startTestServer({
    env: {
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_SECRET, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: APP_TENANT,
      ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example', HOST: '127.0.0.1',
      ToBotFromChannelOpenIdMetadataUrl: idp.openIdMetadataUrl, ToBotFromChannelTokenIssuer: idp.issuer,
      ToChannelFromBotLoginUrl: `${idp.url}/${APP_TENANT}`, ToChannelFromBotOAuthScope: SCOPE,
      GRAPH_TENANT_ID: APP_TENANT, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: 'graph-secret-not-real', GRAPH_MAIL_SENDER: 'conference-team@council.example',
      AUDIT_HMAC_KEY: '5a'.repeat(32),
    },
    deps: { credentialsFactory: new LocalTokenCredentialsFactory(APP_ID, APP_SECRET, APP_TENANT), graph: { meetings: new FakeMeetings(), mailer: new FakeMailer(), installer: null }, directory: new StaticDirectory() },
  });
  await new SqlConferenceStore(bot.db).create(liveConference(CONF, { meeting: { ...liveConference(CONF).meeting!, chatThreadId: THREAD } }));
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await idp?.close();
  jest.restoreAllMocks();
});

const post = async (activity: unknown) => bot.post('/api/messages', activity, { authorization: `Bearer ${await idp.sign({ aud: APP_ID, serviceurl: connector.url })}` });
const at = (minute: number): MeetingActivityOptions => ({ serviceUrl: connector.url, threadId: THREAD, meetingId: MEETING_ID, timestamp: `2026-12-10T10:${String(minute).padStart(2, '0')}:00.000Z` });
const live = () => new SqlLiveMeetingStore(bot.db).get(CONF);
const outcomes = () => bot.logs.map((l) => JSON.parse(l) as { outcome?: string; activityType?: string }).filter((l) => l.activityType === 'event').map((l) => l.outcome);
const settle = () => new Promise((r) => setTimeout(r, 200));

it('the chair\'s 1:1 chat is known once the chair has messaged the bot', async () => {
  const res = await post({ ...messageActivity('help', { serviceUrl: connector.url, aadObjectId: CHAIR_ID }), from: { id: '29:chair-teams', aadObjectId: CHAIR_ID, name: 'Robin Chairperson' } });
  expect(res.status).toBe(200);
  await connector.waitFor(1);
  connector.calls.length = 0;
});

it('meeting start and the chair joining: the live meeting exists, the chair is matched, nothing is sent', async () => {
  expect((await post(meetingStartActivity(at(0)))).status).toBe(200);
  expect((await post(participantJoinActivity([CHAIR], at(1)))).status).toBe(200);
  expect(await live()).toMatchObject({ teamsMeetingId: MEETING_ID, startedAt: '2026-12-10T10:00:00.000Z', roster: [{ participantId: CHAIR.id, inviteeId: 'chair', matchedBy: 'entra-id', inMeeting: true }] });
  await settle();
  expect(connector.calls).toEqual([]);
});

it('a parent joining before the family section: the chair gets the alert card in their 1:1 chat and a targeted in-meeting notification, before the answer', async () => {
  const res = await post(participantJoinActivity([PARENT], at(5)));
  expect(res.status).toBe(200);
  // Delivered in the event's own turn: both calls are recorded by the time the answer arrives.
  const card = connector.calls.find((c) => c.path.includes('/v3/conversations/a%3Apersonal-chat-1/activities') || c.path.includes('/v3/conversations/a:personal-chat-1/activities'));
  const notification = connector.calls.find((c) => c.path === `/v1/meetings/${encodeURIComponent(MEETING_ID)}/notification`);
  expect(card).toBeDefined();
  const content = (card!.body.attachments as { content: unknown }[])[0]!.content;
  expect(JSON.stringify(content)).toContain('A family-side participant is in the professionals-only part');
  expect(JSON.stringify(content)).not.toMatch(/Morgan/);
  expect(notification?.body).toEqual({
    type: 'targetedMeetingNotification',
    value: { recipients: [CHAIR.id], surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: 'large', width: 'large', title: 'Meeting alert CP-2026-0001', url: expect.stringMatching(new RegExp(`^https://cpc\\.council\\.example/tab/run-sheet\\?conference=${CONF}&token=`)) } } }] },
  });
  expect(notification!.authorization).toBe(`Bearer ${idp.issuedAccessToken}`);
  expect((await live())!.alerts).toEqual([expect.objectContaining({ kind: 'family-in-confidential', inviteeId: 'mum', deliveries: 1 })]);
});

it('the same event redelivered (same id) or duplicated (new id): nothing changes, nothing is sent again', async () => {
  connector.calls.length = 0;
  const join = participantJoinActivity([PARENT], { ...at(5), id: 'f:dup-1' });
  await post(join);
  await post(join);
  await post({ ...join, id: 'f:dup-2' });
  await settle();
  expect(connector.calls).toEqual([]);
  expect((await live())!.alerts).toHaveLength(1);
});

it('an event of a meeting no conference owns is answered 200 and refused (MEETING.NOT_FOUND); a malformed one gets 400', async () => {
  const before = await live();
  const res = await post(participantJoinActivity([PARENT], { ...at(6), threadId: '19:meeting_unknown@thread.v2' }));
  expect(res.status).toBe(200);
  expect(outcomes()).toContain('MEETING.NOT_FOUND');
  const malformed = participantJoinActivity([PARENT], at(6)) as { value: unknown; channelData: unknown };
  const noMembers = await post({ ...malformed, value: { members: [] } });
  expect(noMembers.status).toBe(400);
  expect(noMembers.json).toMatchObject({ code: 'ACTIVITY.MALFORMED' });
  expect(JSON.stringify(noMembers.json)).toContain('value.members');
  const noMeeting = await post({ ...malformed, channelData: { tenant: { id: TENANT } } });
  expect(noMeeting.status).toBe(400);
  expect(await live()).toEqual(before);
});

it('Acknowledge on the card: anyone but the chair is refused; the chair gets the acknowledged card', async () => {
  const alertId = (await live())!.alerts[0]!.id;
  const data = { conferenceId: CONF, alertId, actionId: 'ack-1' };
  const refused = await post({ ...cardActionInvoke('meeting.alert-ack', data, { serviceUrl: connector.url }), from: { id: '29:police', aadObjectId: POLICE_ID, name: 'Casey Officer' } });
  expect(refused.json).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'MEETING.NOT_THE_CHAIR' } });
  const acked = await post({ ...cardActionInvoke('meeting.alert-ack', { ...data, actionId: 'ack-2' }, { serviceUrl: connector.url }), from: { id: '29:chair-teams', aadObjectId: CHAIR_ID, name: 'Robin Chairperson' } });
  expect(acked.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify(acked.json)).toContain('Acknowledged at');
  expect((await live())!.alerts[0]).toMatchObject({ acknowledgedBy: CHAIR_ID });
});

it('the parent leaving and the meeting ending: the alert is cleared, the stage closed', async () => {
  await post(participantLeaveActivity([PARENT], at(8)));
  await post(meetingEndActivity(at(55)));
  expect(await live()).toMatchObject({ stage: 'closed', endedAt: '2026-12-10T10:55:00.000Z', alerts: [expect.objectContaining({ clearedBecause: 'left' })] });
  const { rows } = await bot.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE conference_id = $1 ORDER BY seq`, [CONF]);
  expect(rows.map((r) => r.action)).toEqual(['meeting.started', 'meeting.alert-raised', 'meeting.alert-delivered', 'meeting.refused', 'meeting.alert-acknowledged', 'meeting.alert-cleared', 'meeting.ended', 'meeting.stage-changed']);
});
