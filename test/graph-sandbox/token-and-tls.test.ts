// Token endpoint (secret, certificate assertion, AADSTS errors), HTTPS with the returned CA,
// and msal-node acquiring a token from the sandbox as a local authority with no discovery request.
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { createSandboxSchema, SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { DEFAULT_CLIENT } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { loadOrCreateCertificate } from '../../scripts/graph-sandbox/tls-certificate';
import { httpsCall, type Json, type Kit, mailBody, ORGANIZER, startKit, tokenResponse } from './helpers/sandbox-test-kit';

const secretForm = (overrides: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: DEFAULT_CLIENT.clientId,
  client_secret: DEFAULT_CLIENT.clientSecret!,
  scope: 'https://graph.microsoft.com/.default',
  ...overrides,
});

function makeClientCertificate(): { certPem: string; keyPem: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-client-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=sandbox client', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'pipe' });
    return { certPem: readFileSync(join(dir, 'c.pem'), 'utf8'), keyPem: readFileSync(join(dir, 'k.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** msal-node network client trusting only the sandbox CA (NODE_EXTRA_CA_CERTS cannot be set in-process). */
function networkClient(ca: string, seen: string[]): INetworkModule {
  const send = (method: string, url: string, options?: { headers?: Record<string, string>; body?: string }) =>
    new Promise<Json>((resolve, reject) => {
      seen.push(`${method} ${url}`);
      const req = httpsRequest(url, { method, ca, headers: options?.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
          resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      });
      req.on('error', reject);
      req.end(options?.body);
    });
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

describe('token endpoint (plain HTTP)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => kit.stop());

  test('client_credentials with a secret → a JWT for Graph with tid and roles', async () => {
    const r = await tokenResponse(kit.sandbox, secretForm());
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    const payload = JSON.parse(Buffer.from(r.json.access_token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ aud: 'https://graph.microsoft.com', tid: kit.sandbox.tenantId, appid: DEFAULT_CLIENT.clientId, idtyp: 'app' });
    expect(payload.roles).toEqual(['Calendars.ReadWrite', 'OnlineMeetings.ReadWrite.All', 'Mail.Send', 'Calls.JoinGroupCall.All', 'User.ReadBasic.All', 'Sites.Selected', 'TeamsAppInstallation.ReadWriteSelfForUser.All']);
  });

  test.each([
    ['bad secret', secretForm({ client_secret: 'wrong' }), 401, 'invalid_client', 7000215],
    ['unknown client', secretForm({ client_id: '99999999-0000-4000-8000-000000000000' }), 400, 'unauthorized_client', 700016],
    ['scope without /.default', secretForm({ scope: 'Mail.Send' }), 400, 'invalid_scope', 1002012],
    ['wrong grant type', secretForm({ grant_type: 'password' }), 400, 'unsupported_grant_type', 70003],
  ])('%s → AADSTS error', async (_n, form, status, error, code) => {
    const r = await tokenResponse(kit.sandbox, form);
    expect(r.status).toBe(status);
    expect(r.json.error).toBe(error);
    expect(r.json.error_codes).toEqual([code]);
    expect(r.json.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  test('wrong tenant → AADSTS90002', async () => {
    const r = await fetch(kit.sandbox.tokenUrl.replace(kit.sandbox.tenantId, '11111111-1111-4111-8111-111111111111'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(secretForm()),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).error_codes).toEqual([90002]);
  });

  test('openid-configuration and keys are served', async () => {
    const cfg = (await (await fetch(`${kit.sandbox.authority}/v2.0/.well-known/openid-configuration`)).json()) as Json;
    expect(cfg.token_endpoint).toBe(kit.sandbox.tokenUrl);
    expect(JSON.parse(kit.sandbox.authorityMetadata)).toEqual(cfg);
    const keys = (await (await fetch(cfg.jwks_uri)).json()) as Json;
    expect(keys.keys[0].kty).toBe('RSA');
  });
});

describe('TLS and msal-node', () => {
  let kit: Kit;
  const cert = makeClientCertificate();
  const certClientId = 'c11e0000-0000-4000-8000-0000000000c7';
  beforeAll(async () => {
    kit = await startKit({ tls: true, clients: [DEFAULT_CLIENT, { clientId: certClientId, certificatePem: cert.certPem, roles: ['Mail.Send'] }] });
  });
  afterAll(async () => kit.stop());

  test('serves HTTPS that verifies with the returned CA (and only with it)', async () => {
    expect(kit.sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(kit.sandbox.caCertFile!, 'utf8')).toBe(kit.sandbox.caCertPem);
    const ok = await httpsCall(`${kit.sandbox.authority}/v2.0/.well-known/openid-configuration`, kit.sandbox.caCertPem!);
    expect(ok.status).toBe(200);
    await expect(httpsCall(`${kit.sandbox.authority}/v2.0/.well-known/openid-configuration`, makeClientCertificate().certPem)).rejects.toThrow();
  });

  test('msal-node (client secret) gets a token from the local authority without discovery, and Graph accepts it', async () => {
    const seen: string[] = [];
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: DEFAULT_CLIENT.clientId,
        clientSecret: DEFAULT_CLIENT.clientSecret!,
        authority: kit.sandbox.authority,
        knownAuthorities: [new URL(kit.sandbox.url).host],
        authorityMetadata: kit.sandbox.authorityMetadata,
        cloudDiscoveryMetadata: kit.sandbox.cloudDiscoveryMetadata,
      },
      system: { networkClient: networkClient(kit.sandbox.caCertPem!, seen) },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(result?.accessToken).toBeTruthy();
    // Only the token request: no instance or openid discovery left the process.
    expect(seen.map((s) => s.replace(/\?.*$/, ''))).toEqual([`POST ${kit.sandbox.tokenUrl}`]);
    const mail = await httpsCall(`${kit.sandbox.graphUrl}/users/${ORGANIZER}/sendMail`, kit.sandbox.caCertPem!, 'POST', JSON.stringify(mailBody('tls@example.net')), {
      authorization: `Bearer ${result!.accessToken}`,
      'content-type': 'application/json',
    });
    expect(mail.status).toBe(202);
  });

  test('msal-node (certificate) signs a client assertion the sandbox verifies; a different key is refused', async () => {
    const x509 = new X509Certificate(cert.certPem);
    const thumbprintSha256 = createHash('sha256').update(x509.raw).digest('hex');
    const make = (privateKey: string) =>
      new ConfidentialClientApplication({
        auth: {
          clientId: certClientId,
          clientCertificate: { thumbprintSha256, privateKey },
          authority: kit.sandbox.authority,
          knownAuthorities: [new URL(kit.sandbox.url).host],
          authorityMetadata: kit.sandbox.authorityMetadata,
          cloudDiscoveryMetadata: kit.sandbox.cloudDiscoveryMetadata,
        },
        system: { networkClient: networkClient(kit.sandbox.caCertPem!, []) },
      });
    const ok = await make(cert.keyPem).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const payload = JSON.parse(Buffer.from(ok!.accessToken.split('.')[1]!, 'base64url').toString());
    expect(payload.appidacr).toBe('2');
    expect(payload.roles).toEqual(['Mail.Send']);
    await expect(make(makeClientCertificate().keyPem).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toThrow(/AADSTS700027/);
  });
});

describe('certificate making', () => {
  test('without openssl (and without the optional selfsigned package) start fails with a clear code', async () => {
    const db = await openDatabase({ dataDir: ':memory:' });
    const saved = process.env.GRAPH_SANDBOX_OPENSSL;
    try {
      await createSandboxSchema(db);
      process.env.GRAPH_SANDBOX_OPENSSL = '/nonexistent/openssl';
      let selfsignedInstalled = true;
      try {
        require.resolve('selfsigned');
      } catch {
        selfsignedInstalled = false;
      }
      const made = loadOrCreateCertificate(new SandboxStore(db));
      if (selfsignedInstalled) await expect(made).resolves.toMatchObject({ certPem: expect.stringContaining('BEGIN CERTIFICATE') });
      else await expect(made).rejects.toThrow(/^GRAPH_SANDBOX\.TLS_UNAVAILABLE: /);
    } finally {
      if (saved === undefined) delete process.env.GRAPH_SANDBOX_OPENSSL;
      else process.env.GRAPH_SANDBOX_OPENSSL = saved;
      await db.close();
    }
  });
});
