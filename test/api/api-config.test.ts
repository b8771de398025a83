// The API's authentication settings: derived from the app registration for the public cloud,
// overridable, https only outside loopback, refused in local mode (which uses the launcher's key).
import { ConfigError, loadConfig } from '../../bot/config/load-config';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const PRODUCTION = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'secret-value',
  MicrosoftAppTenantId: TENANT,
  ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example',
  AUDIT_HMAC_KEY: '5a'.repeat(32),
  GRAPH_TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: APP_ID,
  GRAPH_CLIENT_SECRET: 'graph-secret',
  GRAPH_MAIL_SENDER: 'conference-team@council.example',
};

function failure(env: Record<string, string>, mode: Parameters<typeof loadConfig>[1] = { mode: 'production' }): ConfigError {
  try {
    loadConfig(env, mode);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('API authentication settings', () => {
  it('production defaults: the tenant\'s v2 issuer and JWKS, audience api://<app id> (or the bare client id)', () => {
    expect(loadConfig(PRODUCTION, { mode: 'production' }).api).toEqual({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      audiences: [`api://${APP_ID}`, APP_ID],
      algorithms: ['RS256'],
      keys: { kind: 'remote', jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys` },
      devSignIn: null,
    });
  });

  it('overrides: API_AUDIENCE (comma-separated), API_TOKEN_ISSUER, API_JWKS_URL', () => {
    const api = loadConfig(
      { ...PRODUCTION, API_AUDIENCE: 'api://cpc.council.example, api://other', API_TOKEN_ISSUER: 'https://login.microsoftonline.us/t/v2.0', API_JWKS_URL: 'https://login.microsoftonline.us/t/discovery/v2.0/keys' },
      { mode: 'production' },
    ).api;
    expect(api.audiences).toEqual(['api://cpc.council.example', 'api://other']);
    expect(api.issuer).toBe('https://login.microsoftonline.us/t/v2.0');
    expect(api.keys).toEqual({ kind: 'remote', jwksUrl: 'https://login.microsoftonline.us/t/discovery/v2.0/keys' });
  });

  it.each(['API_JWKS_URL', 'API_TOKEN_ISSUER'])('%s must be https outside loopback', (name) => {
    const f = failure({ ...PRODUCTION, [name]: 'http://login.example/keys' });
    expect(f.variable).toBe(name);
    expect(f.message).toContain('https://');
    expect(() => loadConfig({ ...PRODUCTION, [name]: 'http://127.0.0.1:9/keys' }, { mode: 'production' })).not.toThrow();
  });

  it('local mode trusts only the launcher\'s key, and refuses the production settings', () => {
    const api = loadConfig({}, LOCAL_MODE).api;
    expect(api.keys).toEqual({ kind: 'local', jwks: LOCAL_MODE.localApiKey.jwks });
    expect(api.devSignIn).toBe(LOCAL_MODE.localApiKey);
    expect(LOCAL_MODE.localApiKey.jwks.keys[0]).not.toHaveProperty('d');
    for (const name of ['API_AUDIENCE', 'API_TOKEN_ISSUER', 'API_JWKS_URL']) expect(failure({ [name]: 'https://x.example' }, LOCAL_MODE).variable).toBe(name);
  });
});
