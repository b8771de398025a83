// Inbound authentication over real HTTP with botbuilder's own validation, pointed at a local
// identity provider through botbuilder's endpoint keys. Every forged token gets 401 and leaves
// no trace: no handler, no reply, no idempotency row, no audit entry.
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { OTHER_TENANT, TENANT, cardActionInvoke, messageActivity } from '../http/support/activities';
import { type TestServer, startTestServer } from '../http/support/test-server';
import { type LocalIdentityProvider, startLocalIdentityProvider } from '../../scripts/local-identity/local-identity-provider';
import { LocalTokenCredentialsFactory } from '../../scripts/local-identity/local-token-credentials';
import { anyDataCardActions } from '../http/support/test-card-actions';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_SECRET = 'local-test-secret-not-real';
const APP_TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const SCOPE = 'https://api.botframework.test';
/** Graph settings are required outside local mode (unused here). */
const GRAPH_ENV = {
  GRAPH_TENANT_ID: APP_TENANT,
  GRAPH_CLIENT_ID: APP_ID,
  GRAPH_CLIENT_SECRET: 'graph-secret-not-real',
  GRAPH_MAIL_SENDER: 'conference-team@council.example',
};

let idp: LocalIdentityProvider;
let connector: ConnectorStub;
let bot: TestServer;
const handled: string[] = [];

beforeAll(async () => {
  // botbuilder prints rejected tokens' errors to the console; keep the test output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  idp = await startLocalIdentityProvider({ clientId: APP_ID, clientSecret: APP_SECRET });
  connector = await startConnectorStub();
  bot = await startTestServer({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_SECRET,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: APP_TENANT,
      ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example',
      HOST: '127.0.0.1',
      ToBotFromChannelOpenIdMetadataUrl: idp.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: idp.issuer,
      ToChannelFromBotLoginUrl: `${idp.url}/${APP_TENANT}`,
      ToChannelFromBotOAuthScope: SCOPE,
      ...GRAPH_ENV,
      AUDIT_HMAC_KEY: '5a'.repeat(32),
    },
    deps: {
      credentialsFactory: new LocalTokenCredentialsFactory(APP_ID, APP_SECRET, APP_TENANT),
      cardActions: anyDataCardActions({ 'test.effect': async (r) => { handled.push(r.verb); return { kind: 'message', text: 'done' }; } }),
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await idp?.close();
  jest.restoreAllMocks();
});

const now = () => Math.floor(Date.now() / 1000);
const validClaims = () => ({ aud: APP_ID, serviceurl: connector.url });

async function traces() {
  const count = async (table: string) => Number((await bot.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  return { handled: handled.length, replies: connector.calls.length, idempotencyKeys: await count('idempotency_keys'), auditEntries: await count('audit_log') };
}

describe('a valid token', () => {
  it('is accepted; the reply goes to the connector with the token from the local token endpoint', async () => {
    const token = await idp.sign(validClaims());
    const res = await bot.post('/api/messages', messageActivity('help', { serviceUrl: connector.url }), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.authorization).toBe(`Bearer ${idp.issuedAccessToken}`);
    expect((reply!.body.attachments as { contentType: string }[])[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(idp.tokenRequests).toEqual([
      { path: `/${APP_TENANT}/oauth2/v2.0/token`, form: { grant_type: 'client_credentials', client_id: APP_ID, client_secret: APP_SECRET, scope: `${SCOPE}/.default` } },
    ]);
  });

  it('from a tenant not allowed gets 403 (after authentication) and the refusal is audited', async () => {
    const before = await traces();
    const token = await idp.sign(validClaims());
    const res = await bot.post('/api/messages', cardActionInvoke('test.effect', {}, { serviceUrl: connector.url, tenantId: OTHER_TENANT }), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    const after = await traces();
    expect(after).toEqual({ ...before, auditEntries: before.auditEntries + 1 });
    const { rows } = await bot.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(rows[0]!.action).toBe('tenant.refused');
  });
});

describe('forged or unusable tokens get 401 and leave no trace', () => {
  let before: Awaited<ReturnType<typeof traces>>;
  beforeEach(async () => {
    before = await traces();
  });

  const cases: [string, () => Promise<string | null>][] = [
    ['no Authorization header', async () => null],
    ['an empty bearer token', async () => 'Bearer '],
    ['a Basic scheme', async () => `Basic ${Buffer.from(`${APP_ID}:${APP_SECRET}`).toString('base64')}`],
    ['an expired token (beyond the 5-minute skew)', async () => `Bearer ${await idp.sign({ ...validClaims(), iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 })}`],
    ['a not-yet-valid token (beyond the 5-minute skew)', async () => `Bearer ${await idp.sign({ ...validClaims(), nbf: now() + 600 })}`],
    ['a wrong audience', async () => `Bearer ${await idp.sign({ ...validClaims(), aud: '00000000-0000-4000-8000-000000000000' })}`],
    ['a wrong issuer', async () => `Bearer ${await idp.sign({ ...validClaims(), iss: 'https://issuer.example.invalid' })}`],
    ['an unknown signing key', async () => `Bearer ${await idp.sign(validClaims(), { kid: 'stranger-key', key: idp.strangerKey })}`],
    ['a known kid but a stranger\'s signature', async () => `Bearer ${await idp.sign(validClaims(), { key: idp.strangerKey })}`],
    ['alg: none', async () => {
      const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `Bearer ${enc({ alg: 'none', typ: 'JWT', kid: idp.kid })}.${enc({ iss: idp.issuer, aud: APP_ID, serviceurl: connector.url, exp: now() + 3600, nbf: now() - 60 })}.`;
    }],
    ['a tampered payload', async () => {
      const [header, payload, signature] = (await idp.sign({ ...validClaims(), aud: '00000000-0000-4000-8000-000000000000' })).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
      claims.aud = APP_ID;
      return `Bearer ${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }],
    ['a serviceurl claim for another connector', async () => `Bearer ${await idp.sign({ ...validClaims(), serviceurl: 'http://127.0.0.1:1' })}`],
    ['garbage', async () => 'Bearer not-a-jwt'],
  ];

  it.each(cases)('%s', async (_name, makeHeader) => {
    const header = await makeHeader();
    for (const activity of [
      messageActivity('help', { serviceUrl: connector.url }),
      cardActionInvoke('test.effect', { actionId: `forged-${Math.random()}` }, { serviceUrl: connector.url }),
    ]) {
      const res = await bot.post('/api/messages', activity, header === null ? {} : { authorization: header });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 'AUTH.UNAUTHORIZED', message: 'Unauthorized.' });
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(await traces()).toEqual(before);
  });
});
