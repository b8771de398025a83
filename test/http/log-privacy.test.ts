// The logs of a full scenario never contain the people's names, e-mail addresses, free text or
// activity bodies that went through the bot — only ids, types, status and durations.
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { OTHER_TENANT, TENANT, cardActionInvoke, mentionActivity, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';
import { anyDataCardActions } from './support/test-card-actions';

const SECRETS = [
  'Alex Example',
  'Jordan Sample',
  'Casey Placeholder',
  'Robin Invented',
  'alex.example@family.example',
  'jordan.sample@school.example',
  '12 Example Road',
  'S1 2AB',
  'concerns about bruising',
  'CP-2026-0042 notes',
];

let connector: ConnectorStub;
let bot: TestServer;
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  connector = await startConnectorStub();
  bot = await startTestServer({
    env: { LOG_LEVEL: 'trace', MAX_BODY_BYTES: '4096' },
    allowedTenantIds: [TENANT],
    deps: {
      cardActions: anyDataCardActions({
        'attendance.confirm': async () => ({ kind: 'message', text: 'Thanks Alex Example, recorded for 12 Example Road' }),
        'report.submit': async () => {
          throw new Error('Robin Invented could not be saved (alex.example@family.example)');
        },
      }),
    },
  });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
  jest.restoreAllMocks();
});

it('a full scenario logs requests but none of its names, addresses or text', async () => {
  const serviceUrl = connector.url;
  const results = [
    await bot.post('/api/messages', messageActivity('help', { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', messageActivity('Please invite Jordan Sample (jordan.sample@school.example), 12 Example Road, S1 2AB', { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', mentionActivity('help', { serviceUrl, fromName: 'Jordan Sample' })),
    await bot.post('/api/messages', cardActionInvoke('attendance.confirm', { actionId: 'c-1', attendee: 'Alex Example', email: 'alex.example@family.example', comment: 'concerns about bruising' }, { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', cardActionInvoke('attendance.confirm', { actionId: 'c-1', attendee: 'Alex Example' }, { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', cardActionInvoke('report.submit', { actionId: 'c-2', child: 'Robin Invented', notes: 'CP-2026-0042 notes' }, { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', cardActionInvoke('unknown.verb', { child: 'Robin Invented' }, { serviceUrl, fromName: 'Alex Example' })),
    await bot.post('/api/messages', messageActivity('Casey Placeholder here', { serviceUrl, tenantId: OTHER_TENANT, fromName: 'Casey Placeholder' })),
    await bot.post('/api/messages', '{"type":"message","text":"Alex Example lives at 12 Example Road"'),
    await bot.post('/api/messages', { text: 'Jordan Sample', from: { name: 'Jordan Sample' } }),
    await bot.post('/api/messages', messageActivity(`Robin Invented ${'x'.repeat(5000)}`, { serviceUrl })),
  ];
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 403, 400, 400, 413]);
  await connector.waitFor(3);

  const requestLines = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
  expect(requestLines).toHaveLength(11);
  for (const line of requestLines) {
    expect(line.reqId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(typeof line.durationMs).toBe('number');
  }
  expect(requestLines.map((l) => l.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 403, 400, 400, 413]);
  expect(requestLines.map((l) => l.outcome)).toEqual([
    'OK', 'OK', 'OK', 'OK', 'DUPLICATE', 'CARD.FAILED', 'CARD.UNKNOWN_VERB', 'TENANT.NOT_ALLOWED', 'HTTP.MALFORMED_JSON', 'ACTIVITY.MALFORMED', 'HTTP.BODY_TOO_LARGE',
  ]);
  expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(11);
  expect(requestLines[3]).toMatchObject({ activityType: 'invoke', channelId: 'msteams', method: 'POST', route: '/api/messages' });

  const everything = [...bot.logs, ...consoleLines].join('\n');
  expect(everything.length).toBeGreaterThan(1000);
  for (const secret of SECRETS) expect([secret, everything.includes(secret)]).toEqual([secret, false]);
  // nor whole activities
  expect(everything).not.toContain('"attachments"');
  expect(everything).not.toContain('"textFormat"');
});
