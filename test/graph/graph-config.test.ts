import { resolve } from 'node:path';
import type { ZodError } from 'zod';
import { type GraphMode, readGraphConfig } from '../../bot/config/graph-config';
import { SANDBOX_DEFAULTS } from '../../scripts/local/sandbox-defaults';

const LOCAL: GraphMode = { mode: 'local', sandbox: SANDBOX_DEFAULTS };
const PRODUCTION: GraphMode = { mode: 'production' };

describe('readGraphConfig', () => {
  it('local mode points at the sandbox the launcher passes', () => {
    expect(readGraphConfig({}, LOCAL)).toEqual({
      localMode: true,
      baseUrl: 'https://127.0.0.1:5443/v1.0',
      authorityHost: 'https://127.0.0.1:5443',
      tenantId: '0a0a0a0a-1111-4222-8333-444444444444',
      clientId: 'c11e0000-0000-4000-8000-000000000001',
      credential: { kind: 'secret', secret: 'sandbox-client-secret' },
      scope: 'https://graph.microsoft.com/.default',
      offlineAuthorityMetadata: true,
      caFile: resolve('.tmp/graph-sandbox/ca.pem'),
      mailSender: { email: 'conference-team@sandbox.example', name: 'Child protection conference team' },
      timeoutMs: 30000,
      maxRetries: 3,
      reportsDriveId: SANDBOX_DEFAULTS.reportsDriveId,
      teamsAppId: SANDBOX_DEFAULTS.teamsAppId,
      calls: { removeEnabled: false },
    });
  });

  it('CALLS_REMOVE_ENABLED turns the calling bot on; its callback must be https', () => {
    expect(readGraphConfig({ CALLS_REMOVE_ENABLED: 'true', CALLS_CALLBACK_URL: 'https://bot.council.example/api/calls' }, LOCAL).calls)
      .toEqual({ removeEnabled: true, callbackUrl: 'https://bot.council.example/api/calls' });
    expect(() => readGraphConfig({ CALLS_CALLBACK_URL: 'http://bot.council.example/api/calls' }, LOCAL)).toThrow(/https/);
    expect(() => readGraphConfig({ CALLS_REMOVE_ENABLED: 'yes' }, LOCAL)).toThrow();
  });

  it('REPORTS_DRIVE_ID names the reports library (any mode); a value that is no drive id is refused', () => {
    const production = { GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_MAIL_SENDER: 'team@council.example', GRAPH_CLIENT_SECRET: 's' };
    expect(readGraphConfig(production, PRODUCTION).reportsDriveId).toBeUndefined();
    expect(readGraphConfig({ ...production, REPORTS_DRIVE_ID: 'b!Abc_def-1234567890' }, PRODUCTION).reportsDriveId).toBe('b!Abc_def-1234567890');
    expect(() => readGraphConfig({ ...production, REPORTS_DRIVE_ID: 'https://council.sharepoint.com/sites/x' }, PRODUCTION)).toThrow(/drive id/);
  });

  it('outside local mode uses the public cloud and requires the app settings, naming each', () => {
    const run = (env: Record<string, string>, mode: GraphMode = PRODUCTION) => {
      try {
        readGraphConfig(env, mode);
        return [];
      } catch (e) {
        return (e as ZodError).issues.map((i) => String(i.path[0]));
      }
    };
    expect(run({})).toEqual(['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_MAIL_SENDER', 'GRAPH_CLIENT_SECRET']);
    expect(run({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_MAIL_SENDER: 'team@council.example', GRAPH_CERT_PRIVATE_KEY_FILE: 'k.pem' })).toEqual(['GRAPH_CERT_THUMBPRINT_SHA256']);
    expect(run({ GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:1' }, LOCAL)).toEqual(['GRAPH_AUTHORITY_HOST']);
  });

  it('a sovereign cloud takes its own Graph resource as the scope and discovers its authority', () => {
    const c = readGraphConfig({
      GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: 's', GRAPH_MAIL_SENDER: 'team@council.example',
      GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0', GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    }, PRODUCTION);
    expect(c).toMatchObject({ localMode: false, scope: 'https://graph.microsoft.us/.default', offlineAuthorityMetadata: false, authorityHost: 'https://login.microsoftonline.us' });
    expect(c.caFile).toBeUndefined();
  });
});
