// Redelivery and double submission over real HTTP: one effect, the same answer twice.
import type { CardActionRequest } from '../../bot/app/ports/card-action.port';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';

let connector: ConnectorStub;
let bot: TestServer;
const effects: CardActionRequest[] = [];
let release: (() => void) | null = null;

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({
    deps: {
      cardActions: {
        'attendance.confirm': async (r) => {
          effects.push(r);
          return { kind: 'message', text: `Recorded (${effects.length})` };
        },
        'attendance.slow': async (r) => {
          effects.push(r);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { kind: 'message', text: `Slow recorded (${effects.length})` };
        },
      },
    },
  });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});
beforeEach(() => {
  effects.length = 0;
  connector.calls.length = 0;
});

describe('idempotency', () => {
  it('a redelivered message (same conversation and activity id) is answered once', async () => {
    const activity = messageActivity('help', { serviceUrl: connector.url, id: 'redelivered-1', conversationId: 'a:conv-redelivery' });
    const first = await bot.post('/api/messages', activity);
    const second = await bot.post('/api/messages', activity);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    await connector.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.calls).toHaveLength(1);
  });

  it('the same activity id in another conversation is a different activity', async () => {
    await bot.post('/api/messages', messageActivity('help', { serviceUrl: connector.url, id: 'shared-id', conversationId: 'a:conv-one' }));
    await bot.post('/api/messages', messageActivity('help', { serviceUrl: connector.url, id: 'shared-id', conversationId: 'a:conv-two' }));
    const calls = await connector.waitFor(2);
    expect(calls.map((c) => c.path.split('/')[3])).toEqual([encodeURIComponent('a:conv-one'), encodeURIComponent('a:conv-two')]);
  });

  it('a card action submitted twice (two invokes, one actionId) has its effect once and both get the same answer', async () => {
    const a = cardActionInvoke('attendance.confirm', { actionId: 'card-7f3a', conferenceId: 'CP-2026-0042', choice: 'attending' }, { serviceUrl: connector.url });
    const b = cardActionInvoke('attendance.confirm', { actionId: 'card-7f3a', conferenceId: 'CP-2026-0042', choice: 'attending' }, { serviceUrl: connector.url });
    expect(a.id).not.toBe(b.id);
    const first = await bot.post('/api/messages', a);
    const second = await bot.post('/api/messages', b);
    expect(first.json).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Recorded (1)' });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toEqual({
      verb: 'attendance.confirm',
      data: { actionId: 'card-7f3a', conferenceId: 'CP-2026-0042', choice: 'attending' },
      actorId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      tenantId: '11111111-2222-4333-8444-555555555555',
      conversationId: 'a:personal-chat-1',
    });
  });

  it('two concurrent deliveries of one invoke: the second waits for the first and gets its answer', async () => {
    const invoke = cardActionInvoke('attendance.slow', { actionId: 'card-concurrent' }, { serviceUrl: connector.url, id: 'concurrent-1' });
    const firstP = bot.post('/api/messages', invoke);
    while (release === null) await new Promise((r) => setTimeout(r, 10));
    const secondP = bot.post('/api/messages', invoke);
    await new Promise((r) => setTimeout(r, 150));
    (release as () => void)();
    const [first, second] = await Promise.all([firstP, secondP]);
    expect(first.json).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Slow recorded (1)' });
    expect(second.json).toEqual(first.json);
    expect(effects).toHaveLength(1);
  });

  it('different actionIds are different submissions', async () => {
    await bot.post('/api/messages', cardActionInvoke('attendance.confirm', { actionId: 'card-a' }, { serviceUrl: connector.url }));
    const second = await bot.post('/api/messages', cardActionInvoke('attendance.confirm', { actionId: 'card-b' }, { serviceUrl: connector.url }));
    expect(effects).toHaveLength(2);
    expect((second.json as { value: string }).value).toBe('Recorded (2)');
  });
});
