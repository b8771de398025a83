// /api/v1 in local mode over real HTTP: dev sign-in → a token the one verifier accepts, /me,
// /timescales (the same answer as `cpc timescales`), the envelope for every refusal, and the
// OpenAPI document listing every route the server registered.
import { main as cpc } from '../../bot/adapters/cli/cpc-cli';
import { apiRoutes } from '../../bot/adapters/http/api-router';
import { type TestServer, startTestServer } from './support/test-server';

const USER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
let bot: TestServer;
let token: string;

beforeAll(async () => {
  bot = await startTestServer();
  const res = await bot.post('/api/v1/dev/sign-in', { userId: USER });
  expect(res.status).toBe(200);
  token = (res.json as { accessToken: string }).accessToken;
});
afterAll(() => bot.close());

async function get(path: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  const res = await fetch(`${bot.url}${path}`, { headers });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const envelope = (code: string) => ({ error: { code, message: expect.any(String), details: expect.anything() } });

describe('dev sign-in (local mode)', () => {
  it('issues a bearer token for an object-id-shaped user id, and /me names that user', async () => {
    const signIn = await bot.post('/api/v1/dev/sign-in', { userId: USER });
    expect(signIn.json).toEqual({ accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), tokenType: 'Bearer', expiresIn: 3600 });
    const me = await get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ objectId: USER, tenantId: '0a0a0a0a-1111-4222-8333-444444444444', roles: [], scopes: ['access_as_user'], staff: null });
  });

  it('refuses a user id that is not shaped like an Entra object id, and an unknown field: 400 envelope', async () => {
    for (const body of [{ userId: 'alex.example' }, {}, { userId: USER, role: 'chair' }]) {
      const res = await bot.post('/api/v1/dev/sign-in', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.json).toEqual(envelope('API.INVALID_REQUEST'));
    }
    const wrongType = await bot.post('/api/v1/dev/sign-in', `{"userId":"${USER}"}`, { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json).toEqual({ error: { code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: expect.any(String), details: null } });
    const broken = await bot.post('/api/v1/dev/sign-in', '{"userId":');
    expect(broken.json).toEqual({ error: { code: 'HTTP.MALFORMED_JSON', message: expect.any(String), details: null } });
  });

  it('a token that is not the local key\'s is refused (401, with WWW-Authenticate)', async () => {
    const [h, p] = token.split('.');
    const tampered = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    const res = await get('/api/v1/me', { authorization: `Bearer ${tampered}` });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'AUTH.UNAUTHORIZED', message: expect.any(String), details: null } });
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const none = await get('/api/v1/me', {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('GET /api/v1/timescales', () => {
  it('answers exactly what `cpc timescales` answers for the deployment profile', async () => {
    const res = await get('/api/v1/timescales?strategy-discussion=2026-03-02&icpc=2026-03-20&kind=ICPC&today=2026-03-02');
    expect(res.status).toBe(200);
    const cli = cpc(['timescales', '--profile', 'england', '--anchor', 'strategy-discussion=2026-03-02', '--anchor', 'icpc=2026-03-20', '--kind', 'ICPC', '--today', '2026-03-02']);
    expect(cli.code).toBe(0);
    expect(res.json).toEqual(JSON.parse(cli.stdout));
    expect((res.json.deadlines as unknown[]).length).toBeGreaterThan(2);
  });

  it('a malformed query is a 400 envelope naming the field, never echoing the value', async () => {
    const cases: [string, string][] = [
      ['icpc=2026-02-30', 'icpc'],
      ['icpc=CP-TEST-0001', 'icpc'],
      ['icpc=2026-03-02&kind=FAMILY', 'kind'],
      ['icpc=2026-03-02&child=CP-TEST-0002', ''],
      ['kind=ICPC', ''],
      ['icpc=2026-03-02&icpc=2026-03-03', 'icpc'],
    ];
    for (const [query, path] of cases) {
      const res = await get(`/api/v1/timescales?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.json).toEqual(envelope('API.INVALID_REQUEST'));
      const issues = (res.json.error as { details: { issues: { path: string; message: string }[] } }).details.issues;
      expect(issues.map((i) => i.path)).toContain(path);
      expect(JSON.stringify(res.json)).not.toContain('CP-TEST-');
    }
  });

  it('needs a token', async () => {
    const res = await get('/api/v1/timescales?icpc=2026-03-02', {});
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'AUTH.UNAUTHORIZED', message: expect.any(String), details: null } });
  });
});

describe('the router', () => {
  it('a method the route does not serve is 405 with Allow, in the envelope', async () => {
    const res = await fetch(`${bot.url}/api/v1/me`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(await res.json()).toEqual({ error: { code: 'API.METHOD_NOT_ALLOWED', message: expect.any(String), details: null } });
  });

  it('logs the route template and the outcome code, never the query', async () => {
    await get('/api/v1/timescales?icpc=CP-TEST-0009');
    const line = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request').at(-1);
    expect(line).toMatchObject({ method: 'GET', route: '/api/v1/timescales', status: 400, outcome: 'API.INVALID_REQUEST' });
    expect(bot.logs.join('\n')).not.toContain('CP-TEST-');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('lists every route this server registered (dev sign-in too, in local mode)', async () => {
    const res = await get('/api/v1/openapi.json', {});
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const paths = res.json.paths as Record<string, Record<string, unknown>>;
    const listed = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // The document writes path parameters as {name}, restify as :name.
    const registered = apiRoutes({ devSignIn: true }).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(listed.sort()).toEqual(registered.sort());
    expect(registered).toContain('POST /api/v1/dev/sign-in');
  });
});
