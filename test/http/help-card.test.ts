// "help" over real HTTP in local mode: the reply goes to a connector stub on loopback.
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { cardActionInvoke, mentionActivity, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';

let connector: ConnectorStub;
let bot: TestServer;

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer();
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});
beforeEach(() => {
  connector.calls.length = 0;
});

type CardAttachment = { contentType: string; content: { type: string; version: string; body: { text?: string; items?: unknown[] }[]; actions: { verb: string }[] } };

function cardOf(call: { body: Record<string, unknown> }): CardAttachment['content'] {
  const attachments = call.body.attachments as CardAttachment[];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

describe('help', () => {
  it.each(['help', 'HELP', ' Help! '])('answers %p with the help card (Adaptive Card 1.5)', async (text) => {
    const res = await bot.post('/api/messages', messageActivity(text, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.method).toBe('POST');
    expect(reply!.path).toMatch(/^\/v3\/conversations\/a%3Apersonal-chat-1\/activities\//);
    const card = cardOf(reply!);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.body[0]!.text).toBe('Child protection conference assistant');
    expect(JSON.stringify(card)).toContain('Record the decision');
    expect(card.actions[0]!.verb).toBe('help.show');
  });

  it('answers "@bot help" in a group chat', async () => {
    const res = await bot.post('/api/messages', mentionActivity('help', { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.path).toContain(encodeURIComponent('19:meeting_abc@thread.v2'));
    expect(cardOf(reply!).version).toBe('1.5');
  });

  it('points unknown text at help', async () => {
    const res = await bot.post('/api/messages', messageActivity('schedule a conference for tomorrow', { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe('Sorry, I did not understand that. Say "help" to see what I can do.');
    expect(reply!.body.attachments).toBeUndefined();
  });
});

describe('Action.Submit fallback (a message carrying value.verb)', () => {
  it('runs the verb and replies with its card', async () => {
    const activity = { ...messageActivity('', { serviceUrl: connector.url }), text: undefined, value: { verb: 'help.show', actionId: 'fallback-1' } };
    const res = await bot.post('/api/messages', activity);
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(cardOf(reply!).version).toBe('1.5');
  });

  it('answers an unknown verb with its error message', async () => {
    const activity = { ...messageActivity('', { serviceUrl: connector.url }), text: undefined, value: { verb: 'nope.never' } };
    await bot.post('/api/messages', activity);
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe('This button is not recognised (the card may be from an older version). Say "help" to start again.');
  });
});

describe('adaptiveCard/action', () => {
  it('answers the help verb with a replacement card, HTTP 200', async () => {
    const res = await bot.post('/api/messages', cardActionInvoke('help.show', { actionId: 'help-1' }, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    const body = res.json as { statusCode: number; type: string; value: { type: string; version: string } };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.type).toBe('AdaptiveCard');
    expect(body.value.version).toBe('1.5');
    expect(connector.calls).toHaveLength(0);
  });

  it('answers an unknown verb with an error response naming it', async () => {
    const res = await bot.post('/api/messages', cardActionInvoke('conference.explode', {}, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'CARD.UNKNOWN_VERB', message: 'This button is not recognised (the card may be from an older version). Say "help" to start again.' },
    });
  });

  it('answers data that does not match the verb\'s schema with a 400 error response', async () => {
    const res = await bot.post('/api/messages', cardActionInvoke('help.show', { actionId: 42 }, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'CARD.INVALID_DATA' } });
  });

  it('answers a malformed action (not Action.Execute) with a 400 error response', async () => {
    const invoke = cardActionInvoke('help.show', {}, { serviceUrl: connector.url });
    (invoke.value.action as { type: string }).type = 'Action.Submit';
    const res = await bot.post('/api/messages', invoke);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'CARD.MALFORMED_ACTION' } });
  });
});
