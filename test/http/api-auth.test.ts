// /api/v1 bearer authentication in the production configuration, over real HTTP, against a
// local OpenID provider's JWKS (API_JWKS_URL / API_TOKEN_ISSUER point at it). Every refusal is
// the envelope; dev sign-in does not exist (404).
import { type LocalIdentityProvider, startLocalIdentityProvider } from '../../scripts/local-identity/local-identity-provider';
import { OTHER_TENANT, TENANT } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const USER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

let idp: LocalIdentityProvider;
let bot: TestServer;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ clientId: APP_ID, clientSecret: 'local-test-secret-not-real' });
  bot = await startTestServer({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'local-test-secret-not-real',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: APP_TENANT,
      ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example',
      HOST: '127.0.0.1',
      API_TOKEN_ISSUER: idp.issuer,
      API_JWKS_URL: `${idp.url}/keys`,
      GRAPH_TENANT_ID: APP_TENANT,
      GRAPH_CLIENT_ID: APP_ID,
      GRAPH_CLIENT_SECRET: 'graph-secret-not-real',
      GRAPH_MAIL_SENDER: 'conference-team@council.example',
      AUDIT_HMAC_KEY: '5a'.repeat(32),
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await idp?.close();
});

/** An Entra-shaped access token for the app, from an allowed tenant (claims override). */
const good = (claims: Record<string, unknown> = {}, options?: Parameters<LocalIdentityProvider['sign']>[1]) =>
  idp.sign({ aud: `api://${APP_ID}`, tid: TENANT, oid: USER, scp: 'access_as_user', roles: ['Conference.Clerk'], ...claims }, options);

async function me(authorization?: string) {
  const res = await fetch(`${bot.url}/api/v1/me`, { headers: authorization === undefined ? {} : { authorization } });
  return { status: res.status, json: await res.json(), wwwAuthenticate: res.headers.get('www-authenticate') };
}

const refusal = (code: string) => ({ error: { code, message: expect.any(String), details: null } });

describe('bearer tokens (production configuration)', () => {
  it('a valid Entra-shaped token: 200 with ids, roles and scopes only', async () => {
    const res = await me(`Bearer ${await good()}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ objectId: USER, tenantId: TENANT, roles: ['Conference.Clerk'], scopes: ['access_as_user'], staff: null });
  });

  it('a v2 token whose audience is the client id is accepted too', async () => {
    expect((await me(`Bearer ${await good({ aud: APP_ID })}`)).status).toBe(200);
  });

  it.each([
    ['forged signature (a key the provider does not publish)', async () => good({}, { key: idp.strangerKey })],
    ['wrong audience', async () => good({ aud: 'https://api.botframework.com' })],
    ['wrong issuer', async () => good({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })],
    ['expired', async () => good({ iat: Math.floor(Date.now() / 1000) - 7200, nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['no expiry', async () => good({ exp: undefined })],
    ['no object id', async () => good({ oid: undefined })],
    ['an unknown key id', async () => good({}, { kid: 'not-published' })],
  ])('%s → 401 envelope', async (_name, token) => {
    const res = await me(`Bearer ${await token()}`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual(refusal('AUTH.UNAUTHORIZED'));
    expect(res.wwwAuthenticate).toBe('Bearer error="invalid_token"');
  });

  it('missing or malformed Authorization → 401 envelope', async () => {
    for (const header of [undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not a token']) {
      const res = await me(header);
      expect([header, res.status]).toEqual([header, 401]);
      expect(res.json).toEqual(refusal('AUTH.UNAUTHORIZED'));
    }
  });

  it('another tenant → 403 TENANT.NOT_ALLOWED', async () => {
    const res = await me(`Bearer ${await good({ tid: OTHER_TENANT })}`);
    expect(res.status).toBe(403);
    expect(res.json).toEqual(refusal('TENANT.NOT_ALLOWED'));
  });

  it('POST /api/v1/dev/sign-in does not exist in production: 404 envelope', async () => {
    const res = await bot.post('/api/v1/dev/sign-in', { userId: USER });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(refusal('HTTP.NOT_FOUND'));
    const doc = (await (await fetch(`${bot.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/api/v1/dev/sign-in');
    expect(Object.keys(doc.paths)).toContain('/api/v1/me');
  });

  it('a malformed query is a 400 envelope once authenticated', async () => {
    const res = await fetch(`${bot.url}/api/v1/timescales?icpc=2026-13-01`, { headers: { authorization: `Bearer ${await good()}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'API.INVALID_REQUEST', message: expect.any(String), details: { issues: [{ path: 'icpc', message: expect.any(String) }] } } });
  });

  it('a deadline beyond the known calendar is a 422 naming the rule code', async () => {
    const res = await fetch(`${bot.url}/api/v1/timescales?rcpc=2080-12-20&kind=RCPC&today=2080-12-20`, { headers: { authorization: `Bearer ${await good()}` } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: 'TIMESCALES.NOT_COMPUTABLE', message: expect.any(String), details: { rule: 'CALENDAR.OUT_OF_RANGE' } } });
  });
});
