// Redelivery and double presses over real HTTP: one effect per person, per verb and per card, and
// the same answer again for the same person. Test-only verbs with counting handlers.
import { z } from 'zod';
import { type CardActionRequest, defineCardActions } from '../../bot/app/ports/card-action.port';
import { ALEX_OBJECT_ID, JORDAN, byJordan, groupChat, submitActivity } from '../teams/support/card-presses';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';

const TEST_VERBS = {
  'test.attend': { data: z.object({ conferenceId: z.string().regex(/^CP-TEST-\d{4}$/), choice: z.enum(['attending', 'apologies']) }) },
  'test.other': { data: z.object({}) },
  'test.slow': { data: z.object({}) },
} as const;

let connector: ConnectorStub;
let bot: TestServer;
const effects: CardActionRequest[] = [];
let release: (() => void) | null = null;

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({
    deps: {
      cardActions: defineCardActions(TEST_VERBS, {
        'test.attend': async (r) => {
          effects.push(r);
          return { kind: 'message', text: `Recorded ${r.data.choice} for ${r.actorId} (${effects.length})` };
        },
        'test.other': async (r) => {
          effects.push(r);
          return { kind: 'message', text: `Other for ${r.actorId} (${effects.length})` };
        },
        'test.slow': async (r) => {
          effects.push(r);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { kind: 'message', text: `Slow recorded (${effects.length})` };
        },
      }),
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
  release = null;
});

const MEETING_CHAT = '19:meeting_test-0001@thread.v2';
const message = (value: string) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value });
const attend = (actionId: string) => ({ actionId, conferenceId: 'CP-TEST-0001', choice: 'attending' });
const repliesText = (n: number) => connector.waitFor(n).then((calls) => calls.map((c) => c.body.text));

describe('redelivery (the same activity again)', () => {
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

  it('a redelivered invoke (same activity id) gets the same answer and has no second effect', async () => {
    const invoke = cardActionInvoke('test.attend', attend('card-redelivered'), groupChat(connector.url, MEETING_CHAT, 'invoke-redelivered-1'));
    const first = await bot.post('/api/messages', invoke);
    const second = await bot.post('/api/messages', invoke);
    expect(first.json).toEqual(message(`Recorded attending for ${ALEX_OBJECT_ID} (1)`));
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(effects).toHaveLength(1);
  });

  it('a redelivered Action.Submit (same activity id) is not answered twice', async () => {
    const submit = submitActivity({ verb: 'test.attend', ...attend('card-submit-redelivered') }, groupChat(connector.url, MEETING_CHAT, 'submit-redelivered-1'));
    await bot.post('/api/messages', submit);
    await bot.post('/api/messages', submit);
    await connector.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.calls).toHaveLength(1);
    expect(effects).toHaveLength(1);
  });
});

describe('two people on one card in a group chat', () => {
  it('Action.Execute: each press runs for its own person and each gets their own answer', async () => {
    const alex = cardActionInvoke('test.attend', attend('card-shared'), groupChat(connector.url, MEETING_CHAT));
    const jordan = byJordan(cardActionInvoke('test.attend', attend('card-shared'), groupChat(connector.url, MEETING_CHAT)));
    const first = await bot.post('/api/messages', alex);
    const second = await bot.post('/api/messages', jordan);
    expect(first.json).toEqual(message(`Recorded attending for ${ALEX_OBJECT_ID} (1)`));
    expect(second.json).toEqual(message(`Recorded attending for ${JORDAN.aadObjectId} (2)`));
    expect(effects.map((e) => e.actorId)).toEqual([ALEX_OBJECT_ID, JORDAN.aadObjectId]);
  });

  it('Action.Submit: each press runs for its own person', async () => {
    const value = { verb: 'test.attend', ...attend('card-shared-submit') };
    await bot.post('/api/messages', submitActivity(value, groupChat(connector.url, MEETING_CHAT)));
    await bot.post('/api/messages', byJordan(submitActivity(value, groupChat(connector.url, MEETING_CHAT))));
    expect(await repliesText(2)).toEqual([`Recorded attending for ${ALEX_OBJECT_ID} (1)`, `Recorded attending for ${JORDAN.aadObjectId} (2)`]);
    expect(effects).toHaveLength(2);
  });

  it('a person without an Entra object id is told apart by their Teams id', async () => {
    const guest = { id: '29:guest-casey', name: 'Casey Placeholder' };
    await bot.post('/api/messages', cardActionInvoke('test.attend', attend('card-guest'), groupChat(connector.url, MEETING_CHAT)));
    const second = await bot.post('/api/messages', { ...cardActionInvoke('test.attend', attend('card-guest'), groupChat(connector.url, MEETING_CHAT)), from: guest });
    expect(second.json).toEqual(message('Recorded attending for 29:guest-casey (2)'));
  });
});

describe('one person pressing twice', () => {
  it('Action.Execute: two invokes of one card have one effect, and the second gets the first answer', async () => {
    const a = cardActionInvoke('test.attend', attend('card-7f3a'), { serviceUrl: connector.url });
    const b = cardActionInvoke('test.attend', attend('card-7f3a'), { serviceUrl: connector.url });
    expect(a.id).not.toBe(b.id);
    const first = await bot.post('/api/messages', a);
    const second = await bot.post('/api/messages', b);
    expect(first.json).toEqual(message(`Recorded attending for ${ALEX_OBJECT_ID} (1)`));
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(effects).toEqual([
      {
        verb: 'test.attend',
        data: { conferenceId: 'CP-TEST-0001', choice: 'attending' },
        actionId: 'card-7f3a',
        actorId: ALEX_OBJECT_ID,
        tenantId: '11111111-2222-4333-8444-555555555555',
        conversationId: 'a:personal-chat-1',
      },
    ]);
  });

  it('Action.Submit: two submits of one card have one effect, and the second is answered with the first answer', async () => {
    const value = { verb: 'test.attend', ...attend('card-submit-twice') };
    await bot.post('/api/messages', submitActivity(value, groupChat(connector.url, MEETING_CHAT)));
    await bot.post('/api/messages', submitActivity(value, groupChat(connector.url, MEETING_CHAT)));
    expect(await repliesText(2)).toEqual([`Recorded attending for ${ALEX_OBJECT_ID} (1)`, `Recorded attending for ${ALEX_OBJECT_ID} (1)`]);
    expect(effects).toHaveLength(1);
  });

  it('two verbs on one card are two actions', async () => {
    await bot.post('/api/messages', cardActionInvoke('test.attend', attend('card-two-verbs'), { serviceUrl: connector.url }));
    const other = await bot.post('/api/messages', cardActionInvoke('test.other', { actionId: 'card-two-verbs' }, { serviceUrl: connector.url }));
    expect(other.json).toEqual(message(`Other for ${ALEX_OBJECT_ID} (2)`));
    expect(effects.map((e) => e.verb)).toEqual(['test.attend', 'test.other']);
  });

  it('different actionIds are different cards', async () => {
    await bot.post('/api/messages', cardActionInvoke('test.attend', attend('card-a'), { serviceUrl: connector.url }));
    const second = await bot.post('/api/messages', cardActionInvoke('test.attend', attend('card-b'), { serviceUrl: connector.url }));
    expect(effects).toHaveLength(2);
    expect((second.json as { value: string }).value).toBe(`Recorded attending for ${ALEX_OBJECT_ID} (2)`);
  });

  it('two concurrent deliveries of one invoke: the second waits for the first and gets its answer', async () => {
    const invoke = cardActionInvoke('test.slow', { actionId: 'card-concurrent' }, { serviceUrl: connector.url, id: 'concurrent-1' });
    const firstP = bot.post('/api/messages', invoke);
    while (release === null) await new Promise((r) => setTimeout(r, 10));
    const secondP = bot.post('/api/messages', invoke);
    await new Promise((r) => setTimeout(r, 150));
    (release as () => void)();
    const [first, second] = await Promise.all([firstP, secondP]);
    expect(first.json).toEqual(message('Slow recorded (1)'));
    expect(second.json).toEqual(first.json);
    expect(effects).toHaveLength(1);
  });

  it('two concurrent presses of one card (two invokes): one effect, both get its answer', async () => {
    const firstP = bot.post('/api/messages', cardActionInvoke('test.slow', { actionId: 'card-concurrent-presses' }, { serviceUrl: connector.url }));
    while (release === null) await new Promise((r) => setTimeout(r, 10));
    const secondP = bot.post('/api/messages', cardActionInvoke('test.slow', { actionId: 'card-concurrent-presses' }, { serviceUrl: connector.url }));
    await new Promise((r) => setTimeout(r, 150));
    (release as () => void)();
    const [first, second] = await Promise.all([firstP, secondP]);
    expect(first.json).toEqual(message('Slow recorded (1)'));
    expect(second.json).toEqual(first.json);
    expect(effects).toHaveLength(1);
  });
});
