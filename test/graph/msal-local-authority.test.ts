import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from '../../bot/adapters/graph/https-transport';
import { createTokenProvider } from '../../bot/adapters/graph/msal-token-provider';
import { startHarness, sandboxConfig } from './sandbox-harness';
import { startGraphSandbox } from '../../scripts/graph-sandbox/start-graph-sandbox';

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('msal-node against a local authority', () => {
  it('acquires a token with a client secret, sends no discovery request and serves the second call from its cache', async () => {
    const h = await startHarness();
    try {
      const token = await h.graph.tokens.getToken();
      expect(claims(token)).toMatchObject({ aud: 'https://graph.microsoft.com', appid: h.config.clientId, tid: h.sandbox.tenantId });
      const again = await h.graph.tokens.getToken();
      expect(again).toBe(token);
      expect(h.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${h.sandbox.tenantId}/oauth2/v2.0/token`]);
      expect(h.requests()[0]!.body).toMatchObject({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
    } finally {
      await h.stop();
    }
  });

  it('acquires a token with a certificate (thumbprint + private key + x5c)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msal-cert-'));
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=cp-conference-bot-test'], { stdio: 'ignore' });
    const certPem = readFileSync(certFile, 'utf8');
    const thumbprintSha256 = createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
    const sandbox = await startGraphSandbox({ tls: true, clients: [{ clientId: 'c11e0000-0000-4000-8000-0000000000c7', certificatePem: certPem }] });
    const transport = createTransport({ timeoutMs: 2000, caPem: sandbox.caCertPem! });
    try {
      const config = sandboxConfig(sandbox, { clientId: 'c11e0000-0000-4000-8000-0000000000c7', credential: { kind: 'certificate', privateKeyFile: keyFile, thumbprintSha256, x5cFile: certFile } });
      const token = await createTokenProvider(config, transport).getToken();
      expect(claims(token)).toMatchObject({ appid: 'c11e0000-0000-4000-8000-0000000000c7', appidacr: '2' });
    } finally {
      transport.close();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a wrong secret is GRAPH.AUTH_FAILED with the AADSTS code, not a token', async () => {
    const h = await startHarness({}, {});
    const transport = createTransport({ timeoutMs: 2000, caPem: h.sandbox.caCertPem! });
    try {
      const bad = createTokenProvider({ ...h.config, credential: { kind: 'secret', secret: 'wrong' } }, transport);
      await expect(bad.getToken()).rejects.toMatchObject({ code: 'GRAPH.AUTH_FAILED', aadError: 'invalid_client' });
    } finally {
      transport.close();
      await h.stop();
    }
  });

  it('refuses a certificate it cannot trust (no CA given)', async () => {
    const h = await startHarness();
    const transport = createTransport({ timeoutMs: 2000 });
    try {
      await expect(createTokenProvider(h.config, transport).getToken()).rejects.toMatchObject({ code: 'GRAPH.AUTH_FAILED' });
      expect(h.requests()).toEqual([]);
    } finally {
      transport.close();
      await h.stop();
    }
  });
});

