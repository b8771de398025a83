// The HTTP edge: probes, reserved routes, body limits and malformed input, over real HTTP.
import { request } from 'node:http';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';
import { anyDataCardActions } from './support/test-card-actions';

let connector: ConnectorStub;
let bot: TestServer;
const handlerCalls: string[] = [];

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({
    env: { MAX_BODY_BYTES: '2048' },
    deps: { cardActions: anyDataCardActions({ 'test.record': async (r) => { handlerCalls.push(r.verb); return { kind: 'message', text: 'ok' }; } }) },
  });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

async function idempotencyRows(): Promise<number> {
  const { rows } = await bot.db.query<{ n: number | string }>('SELECT count(*) AS n FROM idempotency_keys');
  return Number(rows[0]!.n);
}

describe('probes and reserved routes', () => {
  it('GET /healthz says alive', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /readyz is ready when the database is reachable and migrated', async () => {
    const res = await fetch(`${bot.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('an /api/v1 path no route serves is 404 in the API envelope, for any method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${bot.url}/api/v1/no-such-resource/CP-2026-0042`, { method });
      expect([method, res.status]).toEqual([method, 404]);
      expect(await res.json()).toEqual({ error: { code: 'HTTP.NOT_FOUND', message: 'No such API resource.', details: null } });
    }
  });

  it('/tab/… is reserved for static files: 404 JSON', async () => {
    const res = await fetch(`${bot.url}/tab/index.html`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'HTTP.NOT_FOUND', message: 'No such tab page.' });
  });

  it('GET /api/messages is not allowed', async () => {
    const res = await fetch(`${bot.url}/api/messages`);
    expect(res.status).toBe(405);
  });
});

describe('the request summary line', () => {
  const requestLines = () => bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');

  it('logs the route template, never the path as sent (it can hold case references and ids)', async () => {
    const before = requestLines().length;
    await fetch(`${bot.url}/api/v1/conferences/CP-TEST-0001?child=CP-TEST-0002`);
    await fetch(`${bot.url}/tab/CP-TEST-0003/index.html`, { method: 'GET' });
    await fetch(`${bot.url}/nowhere/CP-TEST-0004`);
    await fetch(`${bot.url}/api/messages?ref=CP-TEST-0005`);
    await fetch(`${bot.url}/healthz`);
    const lines = requestLines().slice(before);
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '/api/v1/conferences/:conferenceId', 401],
      ['GET', '/tab/*', 404],
      ['GET', '(unmatched)', 404],
      ['GET', '(unmatched)', 405],
      ['GET', '/healthz', 200],
    ]);
    for (const line of lines) expect(line).not.toHaveProperty('path');
    expect(bot.logs.join('\n')).not.toContain('CP-TEST-');
  });
});

describe('bad bodies never reach a handler', () => {
  beforeEach(() => {
    handlerCalls.length = 0;
    connector.calls.length = 0;
  });
  afterEach(async () => {
    expect(handlerCalls).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(await idempotencyRows()).toBe(0);
    // and the process is still serving
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('a body over MAX_BODY_BYTES (declared length) gets 413', async () => {
    const invoke = cardActionInvoke('test.record', { padding: 'x'.repeat(4000) }, { serviceUrl: connector.url });
    const res = await bot.post('/api/messages', invoke);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ code: 'HTTP.BODY_TOO_LARGE', message: 'The request body is larger than 2048 bytes.' });
  });

  it('a chunked body (no length) that grows over the limit gets 413', async () => {
    const url = new URL(`${bot.url}/api/messages`);
    const invoke = JSON.stringify(cardActionInvoke('test.record', { padding: 'x'.repeat(4000) }, { serviceUrl: connector.url }));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < invoke.length; i += 500) req.write(invoke.slice(i, i + 500));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('malformed JSON gets 400', async () => {
    const res = await bot.post('/api/messages', '{"type": "message", "text": "help"');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 'HTTP.MALFORMED_JSON', message: 'The request body is not valid JSON.' });
  });

  it('a non-JSON content type gets 415', async () => {
    const res = await bot.post('/api/messages', 'type=message', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('valid JSON that is not an activity gets 400 naming what is missing', async () => {
    const res = await bot.post('/api/messages', { hello: 'world' });
    expect(res.status).toBe(400);
    const body = res.json as { code: string; message: string };
    expect(body.code).toBe('ACTIVITY.MALFORMED');
    expect(body.message).toMatch(/^The request body is not a Bot Framework activity: /);
    expect(body.message).toContain('type:');
    expect(body.message).toContain('conversation:');
    expect(body.message).not.toContain('world');
  });

  it('an activity whose serviceUrl is not http(s) gets 400', async () => {
    const res = await bot.post('/api/messages', messageActivity('help', { serviceUrl: 'file:///etc/passwd' }));
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toContain('serviceUrl: must be an http(s) URL');
  });

  it('a JSON array gets 400', async () => {
    const res = await bot.post('/api/messages', '[1,2,3]');
    expect(res.status).toBe(400);
    expect((res.json as { code: string }).code).toBe('ACTIVITY.MALFORMED');
  });
});

describe('readiness', () => {
  it('is not ready while migrations are pending', async () => {
    const unmigrated = await startTestServer({ migrated: false });
    try {
      const res = await fetch(`${unmigrated.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reasons: string[] };
      expect(body.status).toBe('not-ready');
      expect(body.reasons[0]).toMatch(/^migrations pending: 001-/);
      expect((await fetch(`${unmigrated.url}/healthz`)).status).toBe(200);
    } finally {
      await unmigrated.close();
    }
  });

  it('is not ready when the database is unreachable', async () => {
    const other = await startTestServer();
    try {
      await other.db.close();
      const res = await fetch(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not-ready', reasons: ['database unreachable'] });
    } finally {
      await other.server.close().catch(() => undefined);
    }
  });
});
