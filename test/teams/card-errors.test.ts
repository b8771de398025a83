// Card handlers' errors over real HTTP: whatever a handler throws or refuses reaches the person
// as a clear message from the code table (an invoke error answer, or a chat reply for
// Action.Submit), never as TURN.FAILED 500, and the log has the code only, never the message.
import { z } from 'zod';
import { type CardActionRequest, defineCardActions } from '../../bot/app/ports/card-action.port';
import { INVOKE_ERRORS } from '../../bot/adapters/teams/invoke-error-map';
import { CodedError } from '../../bot/domain/shared/coded-error';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { type TestServer, startTestServer } from '../http/support/test-server';
import { cardActionInvoke, groupChat, submitActivity } from './support/card-presses';

const SECRET = 'Robin Invented at 12 Example Road';

const TEST_VERBS = {
  'test.refuse': { data: z.object({}) },
  'test.coded': { data: z.object({}) },
  'test.coded-like': { data: z.object({}) },
  'test.unknown-code': { data: z.object({}) },
  'test.crash': { data: z.object({ conferenceId: z.string().regex(/^CP-TEST-\d{4}$/) }) },
} as const;

let connector: ConnectorStub;
let bot: TestServer;
const calls: CardActionRequest[] = [];

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({
    deps: {
      cardActions: defineCardActions(TEST_VERBS, {
        'test.refuse': async (r) => {
          calls.push(r);
          return { kind: 'error', code: 'STORE.VERSION_CONFLICT' };
        },
        'test.coded': async (r) => {
          calls.push(r);
          throw new CodedError('INVITEE.EXISTS', `${SECRET} is already invited`);
        },
        'test.coded-like': async (r) => {
          calls.push(r);
          // Not a CodedError, but a known code (as MeetingsError carries).
          throw Object.assign(new Error(`throttled while inviting ${SECRET}`), { name: 'MeetingsError', code: 'GRAPH.THROTTLED' });
        },
        'test.unknown-code': async (r) => {
          calls.push(r);
          throw Object.assign(new Error(`socket closed for ${SECRET}`), { code: 'ECONNRESET' });
        },
        'test.crash': async (r) => {
          calls.push(r);
          throw new Error(`${SECRET} could not be saved`);
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
  calls.length = 0;
  connector.calls.length = 0;
  bot.logs.length = 0;
});

const CHAT = '19:meeting_test-0002@thread.v2';
const press = (verb: string, data: Record<string, unknown>) => bot.post('/api/messages', cardActionInvoke(verb, data, groupChat(connector.url, CHAT)));
const logLines = () => bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
const requestLine = () => logLines().filter((l) => l.msg === 'request').at(-1);

describe('a card handler error reaching the Teams edge', () => {
  it('a returned error code becomes the table\'s answer (412 for a version conflict)', async () => {
    const res = await press('test.refuse', { actionId: 'card-refuse' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      statusCode: 412,
      type: 'application/vnd.microsoft.error.preconditionFailed',
      value: { code: 'STORE.VERSION_CONFLICT', message: INVOKE_ERRORS['STORE.VERSION_CONFLICT'].message },
    });
    expect(requestLine()).toMatchObject({ status: 200, outcome: 'STORE.VERSION_CONFLICT' });
  });

  it('a thrown CodedError becomes its code\'s clear message, not TURN.FAILED, and its message is never shown or logged', async () => {
    const res = await press('test.coded', { actionId: 'card-coded' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'INVITEE.EXISTS', message: 'This person is already invited to the conference.' },
    });
    const failure = logLines().find((l) => l.msg === 'card action failed');
    expect(failure).toMatchObject({ level: 'error', verb: 'test.coded', code: 'INVITEE.EXISTS', errName: 'CodedError' });
    expect(requestLine()).toMatchObject({ status: 200, outcome: 'INVITEE.EXISTS' });
    expect(JSON.stringify(res.json)).not.toContain('Robin');
    expect(bot.logs.join('\n')).not.toContain('Robin');
  });

  it('any thrown error with a known code is mapped the same way', async () => {
    const res = await press('test.coded-like', { actionId: 'card-coded-like' });
    expect(res.json).toMatchObject({ statusCode: 500, value: { code: 'GRAPH.THROTTLED', message: 'Microsoft 365 is busy. Try again in a minute.' } });
    expect(bot.logs.join('\n')).not.toContain('Robin');
  });

  it('an error without a known code becomes CARD.FAILED; its own code and message stay out of the answer and the log', async () => {
    const res = await press('test.unknown-code', { actionId: 'card-unknown-code' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'CARD.FAILED', message: INVOKE_ERRORS['CARD.FAILED'].message } });
    expect(logLines().find((l) => l.msg === 'card action failed')).toMatchObject({ level: 'error', code: 'CARD.FAILED' });
    const all = bot.logs.join('\n');
    expect(all).not.toContain('ECONNRESET');
    expect(all).not.toContain('Robin');
    expect(all).not.toContain('TURN.FAILED');
  });

  it('a failed press is not recorded: pressing again runs the handler again', async () => {
    await press('test.crash', { actionId: 'card-crash', conferenceId: 'CP-TEST-0001' });
    const again = await press('test.crash', { actionId: 'card-crash', conferenceId: 'CP-TEST-0001' });
    expect(again.json).toMatchObject({ statusCode: 500, value: { code: 'CARD.FAILED' } });
    expect(calls).toHaveLength(2);
  });

  it('Action.Submit: a thrown error is answered in chat with the clear message, HTTP 200', async () => {
    const res = await bot.post('/api/messages', submitActivity({ verb: 'test.coded', actionId: 'card-submit-coded' }, groupChat(connector.url, CHAT)));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe('This person is already invited to the conference.');
    expect(requestLine()).toMatchObject({ status: 200, outcome: 'INVITEE.EXISTS' });
  });
});

describe('card data is parsed with the verb\'s schema before any handler runs', () => {
  it('Action.Execute: data that fails the schema is a 400 CARD.INVALID_DATA and the handler is not called', async () => {
    const res = await press('test.crash', { actionId: 'card-bad-data', conferenceId: `${SECRET}` });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'CARD.INVALID_DATA', message: INVOKE_ERRORS['CARD.INVALID_DATA'].message } });
    expect(calls).toHaveLength(0);
    expect(bot.logs.join('\n')).not.toContain('Robin');
  });

  it('Action.Execute: a missing field and a malformed actionId are refused the same way', async () => {
    expect((await press('test.crash', { actionId: 'card-missing' })).json).toMatchObject({ statusCode: 400, value: { code: 'CARD.INVALID_DATA' } });
    expect((await press('test.crash', { actionId: '', conferenceId: 'CP-TEST-0001' })).json).toMatchObject({ statusCode: 400, value: { code: 'CARD.INVALID_DATA' } });
    expect((await press('test.crash', { actionId: 'x'.repeat(201), conferenceId: 'CP-TEST-0001' })).json).toMatchObject({ statusCode: 400, value: { code: 'CARD.INVALID_DATA' } });
    expect(calls).toHaveLength(0);
  });

  it('Action.Submit: the same schema, the same refusal, in chat', async () => {
    await bot.post('/api/messages', submitActivity({ verb: 'test.crash', actionId: 'card-submit-bad', conferenceId: 'not-a-reference' }, groupChat(connector.url, CHAT)));
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe(INVOKE_ERRORS['CARD.INVALID_DATA'].message);
    expect(calls).toHaveLength(0);
    expect(requestLine()).toMatchObject({ outcome: 'CARD.INVALID_DATA' });
  });
});
