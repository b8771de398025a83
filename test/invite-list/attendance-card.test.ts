// Attendance cards end to end over real HTTP: the endpoint records a professional's 1:1
// conversation, "send invitations" posts their card to the Bot Framework connector (a stub on
// loopback), their press answers with the card's answered state (updated in place), a second
// press of the same card is the same answer, a change of mind is a new one, and an answer given
// elsewhere updates the card they were sent (PUT on the connector).
// The machine is shared: starting a server can take a while under load.
jest.setTimeout(120_000);

import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { cardActionInvoke, messageActivity, TENANT } from '../http/support/activities';
import { bookedConference, CLERK, GP, HEALTH_VISITOR, type InviteKit, startInviteKit } from './support/invite-kit';

let connector: ConnectorStub;
let kit: InviteKit;

beforeAll(async () => {
  connector = await startConnectorStub();
  kit = await startInviteKit(); // the product's own notifier (TeamsChatNotifier)
  await kit.store.create(
    bookedConference('conf-cards', {
      inviteListVersion: 1,
      invitees: [
        ...bookedConference('conf-cards').invitees,
        { id: 'inv-gp', role: 'professional', agency: 'health', displayName: GP.displayName, email: GP.mail, directoryId: GP.id, status: 'pending' },
        { id: 'inv-hv', role: 'professional', agency: 'health', displayName: HEALTH_VISITOR.displayName, email: HEALTH_VISITOR.mail, directoryId: HEALTH_VISITOR.id, status: 'pending' },
        { id: 'inv-mum', role: 'parent', displayName: 'Parent Example', email: 'parent@example.org', phone: '07700 900321', status: 'pending' },
      ],
      bookingVersion: 2,
    }),
  );
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

const asGp = <T extends { from: Record<string, string>; conversation: Record<string, unknown> }>(a: T): T => ({
  ...a,
  from: { id: '29:user-gp', aadObjectId: GP.id, name: 'GP' },
  conversation: { ...a.conversation, id: 'a:gp-personal-chat' },
});

type Card = { type: string; body: unknown[]; actions?: { verb?: string; data?: { actionId?: string } }[] };
const verbsOf = (card: Card) => (card.actions ?? []).map((a) => a.verb);

let sentCard: Card;

it('records the 1:1 conversation from a message, and "send invitations" posts the card there', async () => {
  await kit.bot.post('/api/messages', asGp(messageActivity('hello', { serviceUrl: connector.url })));
  await connector.waitFor(1); // the help pointer
  const { rows } = await kit.bot.db.query<{ conversation_id: string; tenant_id: string }>('SELECT conversation_id, tenant_id FROM conversation_refs WHERE person_id = $1', [GP.id]);
  expect(rows).toEqual([{ conversation_id: 'a:gp-personal-chat', tenant_id: TENANT }]);
  connector.calls.length = 0;

  const sent = await kit.api('POST', '/api/v1/conferences/conf-cards/invitations', CLERK.id);
  expect(sent.status).toBe(200);
  // The GP has a chat: a card. The health visitor has none and no installer here: the e-mailed link.
  expect(sent.json.attendance).toEqual({ card: ['inv-gp'], email: ['inv-hv'], failed: [] });
  const post = connector.calls.find((c) => c.path.startsWith('/v3/conversations/a%3Agp-personal-chat/activities'))!;
  expect(post.method).toBe('POST');
  const attachment = (post.body.attachments as { contentType: string; content: Card }[])[0]!;
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  sentCard = attachment.content;
  expect(verbsOf(sentCard)).toEqual(['attendance.attending', 'attendance.not-attending', 'attendance.send-colleague']);
  const text = JSON.stringify(sentCard);
  expect(text).toContain((await kit.store.get('conf-cards'))!.caseReference);
  expect(text).toContain('Monday 1 March 2027');
  expect(text).toContain('"dataset":"people"');
  expect(text).not.toContain('Parent Example');
  const stored = (await kit.store.get('conf-cards'))!.invitees.find((i) => i.id === 'inv-gp')!;
  expect(stored.attendanceRequest).toMatchObject({ via: 'card', card: { conversationId: 'a:gp-personal-chat', activityId: 'reply-2' } });
});

it('a press answers with the answered card; the same press again is the same answer; a change of mind is a new one', async () => {
  const actionId = sentCard.actions![0]!.data!.actionId!;
  const press = asGp(cardActionInvoke('attendance.attending', { conferenceId: 'conf-cards', inviteeId: 'inv-gp', actionId }, { serviceUrl: connector.url }));
  const first = await kit.bot.post('/api/messages', press);
  const body = first.json as { statusCode: number; type: string; value: Card };
  expect([body.statusCode, body.type]).toEqual([200, 'application/vnd.microsoft.card.adaptive']);
  expect(verbsOf(body.value)).toEqual(['attendance.change']);
  expect(JSON.stringify(body.value)).toContain('You are attending.');

  const again = await kit.bot.post('/api/messages', { ...press, id: 'another-delivery' });
  expect(again.json).toEqual(first.json);
  expect((await kit.store.get('conf-cards'))!.invitees.find((i) => i.id === 'inv-gp')!.attendance).toHaveLength(1);

  const changeId = body.value.actions![0]!.data!.actionId!;
  const change = await kit.bot.post('/api/messages', asGp(cardActionInvoke('attendance.change', { conferenceId: 'conf-cards', inviteeId: 'inv-gp', actionId: changeId }, { serviceUrl: connector.url })));
  const question = (change.json as { value: Card }).value;
  expect(verbsOf(question)).toEqual(['attendance.attending', 'attendance.not-attending', 'attendance.send-colleague']);
  const colleague = await kit.bot.post(
    '/api/messages',
    asGp(cardActionInvoke('attendance.send-colleague', { conferenceId: 'conf-cards', inviteeId: 'inv-gp', actionId: question.actions![2]!.data!.actionId!, colleagueId: '', colleagueName: 'Locum Doctor', colleagueRole: 'Locum GP' }, { serviceUrl: connector.url })),
  );
  expect(JSON.stringify((colleague.json as { value: Card }).value)).toContain('Colleague: Locum Doctor (Locum GP).');
  const answers = (await kit.store.get('conf-cards'))!.invitees.find((i) => i.id === 'inv-gp')!.attendance!;
  expect(answers.map((a) => [a.answer, a.via])).toEqual([['attending', 'card'], ['sending-colleague', 'card']]);
});

it('a colleague without name and role is refused beside nothing changing; someone else cannot press the GP\'s card', async () => {
  const none = await kit.bot.post('/api/messages', asGp(cardActionInvoke('attendance.send-colleague', { conferenceId: 'conf-cards', inviteeId: 'inv-gp', actionId: 'x-1', colleagueName: 'Only A Name' }, { serviceUrl: connector.url })));
  expect(none.json).toMatchObject({ statusCode: 400, value: { code: 'ATTENDANCE.COLLEAGUE_REQUIRED' } });
  const hv = { id: '29:user-hv', aadObjectId: HEALTH_VISITOR.id, name: 'HV' };
  const other = await kit.bot.post('/api/messages', { ...cardActionInvoke('attendance.attending', { conferenceId: 'conf-cards', inviteeId: 'inv-gp', actionId: 'x-2' }, { serviceUrl: connector.url }), from: hv });
  expect(other.json).toMatchObject({ statusCode: 400, value: { code: 'ACCESS.NOT_OWN_INVITATION' } });
  expect((await kit.store.get('conf-cards'))!.invitees.find((i) => i.id === 'inv-gp')!.attendance).toHaveLength(2);
});

it('an answer through the API updates the card in place (PUT on the connector)', async () => {
  connector.calls.length = 0;
  const res = await kit.api('PUT', '/api/v1/conferences/conf-cards/invitees/inv-gp/attendance', GP.id, { answer: 'not-attending' });
  expect(res.status).toBe(200);
  const [put] = await connector.waitFor(1);
  expect(put!.method).toBe('PUT');
  expect(put!.path).toBe('/v3/conversations/a%3Agp-personal-chat/activities/reply-2');
  expect(JSON.stringify(put!.body)).toContain('You are not attending.');
  // Not attending: the card carries the signed link to send the agency's report (purpose 'report',
  // bound to this invitee, expiring with the conference day); never a name in the URL.
  const open = JSON.stringify(put!.body).match(/"type":"Action.OpenUrl","title":"Send the report","url":"([^"]+)"/);
  expect(open).not.toBeNull();
  const url = new URL(open![1]!);
  expect(url.pathname).toBe('/tab/report');
  const claims = new HmacLinkSigner(linkKeyFrom(LOCAL_MODE.developmentAuditKey)).verify(url.searchParams.get('t')!, 'report', new Date());
  expect(claims).toMatchObject({ purpose: 'report', conferenceId: 'conf-cards', inviteeId: 'inv-gp' });
});

it('the clerk\'s "board" command answers with the board card that refreshes for the clerk', async () => {
  connector.calls.length = 0;
  const caseReference = (await kit.store.get('conf-cards'))!.caseReference;
  const clerkMsg = { ...messageActivity(`board ${caseReference}`, { serviceUrl: connector.url }), from: { id: '29:user-clerk', aadObjectId: CLERK.id, name: 'Clerk' } };
  await kit.bot.post('/api/messages', clerkMsg);
  const [reply] = await connector.waitFor(1);
  const card = (reply!.body.attachments as { content: Card & { refresh: { action: { verb: string }; userIds: string[] } } }[])[0]!.content;
  expect(card.refresh).toMatchObject({ action: { verb: 'board.refresh' }, userIds: [CLERK.id] });
  expect(JSON.stringify(card)).toContain('Not quorate yet');
  const refreshed = await kit.bot.post('/api/messages', { ...cardActionInvoke('board.refresh', { conferenceId: 'conf-cards', actionId: 'board-1' }, { serviceUrl: connector.url }), from: clerkMsg.from });
  expect((refreshed.json as { statusCode: number }).statusCode).toBe(200);
  // A professional asking for the board is told they may not see it.
  connector.calls.length = 0;
  await kit.bot.post('/api/messages', asGp(messageActivity(`board ${caseReference}`, { serviceUrl: connector.url })));
  const [refusal] = await connector.waitFor(1);
  expect(refusal!.body.text).toBe('Your role does not allow this for this conference. Ask the clerk if you think it should.');
});
