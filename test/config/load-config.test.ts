// Configuration: read and validated once; every failure names the variable. The mode is the
// caller's (the production entry point or the local launcher), never inferred from the values.
import { type ConfigMode, ConfigError, isLoopbackHost, loadConfig, PRODUCTION_ONLY_SETTINGS } from '../../bot/config/load-config';
import { LOCAL_MODE, SANDBOX_DEFAULTS } from '../../scripts/local/sandbox-defaults';

const LOCAL: ConfigMode = LOCAL_MODE;
const PROD: ConfigMode = { mode: 'production' };

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const GRAPH = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: 'graph-secret', GRAPH_MAIL_SENDER: 'conference-team@council.example' };
const PRODUCTION = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret-value', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example', AUDIT_HMAC_KEY: '5a'.repeat(32), ...GRAPH };
const ENDPOINTS = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.us/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.us',
};

function failure(env: Record<string, string | undefined>, mode: ConfigMode = LOCAL): { variable: string; message: string } {
  try {
    loadConfig(env, mode);
  } catch (err) {
    if (err instanceof ConfigError) return { variable: err.variable, message: err.message };
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('local mode (chosen by the local launcher)', () => {
  it('has working defaults, with the Graph sandbox the launcher passes', () => {
    const c = loadConfig({}, LOCAL);
    expect(c.localMode).toBe(true);
    expect(c.bot).toBeNull();
    expect(c.botEndpoints).toBeNull();
    expect(c.allowedTenantIds).toEqual([]);
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3978);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeNull();
    expect(c.logLevel).toBe('info');
    expect(c.maxBodyBytes).toBe(262144);
    expect(c.playground).toBe(true);
    expect(c.profile.id).toBe('england');
    expect(c.idempotencyRetentionHours).toBe(72);
    expect(c.graph).toMatchObject({
      localMode: true,
      baseUrl: `${SANDBOX_DEFAULTS.origin}/v1.0`,
      tenantId: SANDBOX_DEFAULTS.tenantId,
      clientId: SANDBOX_DEFAULTS.clientId,
      credential: { kind: 'secret', secret: SANDBOX_DEFAULTS.clientSecret },
    });
  });

  it('reads every setting it takes', () => {
    const c = loadConfig({ PORT: '4000', HOST: '::1', DATA_DIR: '/tmp/cpc', LOG_LEVEL: 'debug', MAX_BODY_BYTES: '65536', PLAYGROUND: '0', PROFILE: 'sheffield', IDEMPOTENCY_RETENTION_HOURS: '24' }, LOCAL);
    expect([c.port, c.host, c.dataDir, c.databaseUrl, c.logLevel, c.maxBodyBytes, c.playground, c.profile.id, c.allowedTenantIds, c.idempotencyRetentionHours]).toEqual([
      4000, '::1', '/tmp/cpc', null, 'debug', 65536, false, 'sheffield', [], 24,
    ]);
  });

  it('applies PROFILE_OVERRIDES', () => {
    const c = loadConfig({ PROFILE_OVERRIDES: JSON.stringify({ extraClosures: ['2026-12-29'] }) }, LOCAL);
    expect(c.profile.extraClosures).toContain('2026-12-29');
  });

  it('treats blank values of its own settings as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ' }, LOCAL)).toMatchObject({ port: 3978, logLevel: 'info' });
  });

  // What the issue names, and the rest of PRODUCTION_ONLY_SETTINGS.
  const named = ['MicrosoftAppPassword', 'CertificateThumbprint', 'CertificatePrivateKey', 'ALLOWED_TENANT_IDS', 'DATABASE_URL', 'GRAPH_CLIENT_SECRET', 'GRAPH_CLIENT_ID'];
  it.each([...new Set([...named, ...PRODUCTION_ONLY_SETTINGS])])('refuses to start with the production setting %s present, naming it', (name) => {
    const f = failure({ [name]: 'some-value' });
    expect(f.variable).toBe(name);
    expect(f.message).toContain(`configuration: ${name} is set, but it is a production setting`);
  });

  it.each(['', ' ', '\t '])('refuses a blank or whitespace-only MicrosoftAppId (%p) rather than treat it as unset', (blank) => {
    const f = failure({ MicrosoftAppId: blank });
    expect(f.variable).toBe('MicrosoftAppId');
    expect(f.message).toContain('MicrosoftAppId is set (blank)');
  });

  it('refuses a blank production setting too (the environment was meant for a deployment)', () => {
    expect(failure({ DATABASE_URL: '' }).variable).toBe('DATABASE_URL');
  });

  it('refuses a whole production environment, naming its first production setting', () => {
    expect(failure(PRODUCTION).variable).toBe('MicrosoftAppId');
    const { MicrosoftAppId: _id, ...withoutAppId } = PRODUCTION;
    expect(failure(withoutAppId).variable).toBe('MicrosoftAppPassword');
  });

  it('accepts plain http for a sandbox on loopback (the sandbox can run without TLS)', () => {
    expect(loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:5080/v1.0' }, LOCAL).graph.baseUrl).toBe('http://127.0.0.1:5080/v1.0');
  });

  it.each(['0.0.0.0', '192.168.1.10', 'bot.example.org', '::'])('refuses the non-loopback HOST %p (authentication is off)', (host) => {
    const f = failure({ HOST: host });
    expect(f.variable).toBe('HOST');
    expect(f.message).toContain('must be a loopback address in local mode');
  });
});

describe('production mode (the production entry point)', () => {
  it('accepts a complete SingleTenant configuration', () => {
    const c = loadConfig(PRODUCTION, PROD);
    expect(c.localMode).toBe(false);
    expect(c.bot).toEqual({ appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, password: 'secret-value', certificate: null });
    expect(c.host).toBe('0.0.0.0');
    expect(c.playground).toBe(false);
    expect(c.allowedTenantIds).toEqual([TENANT]);
  });

  it('accepts a certificate instead of a password', () => {
    const { MicrosoftAppPassword: _drop, ...rest } = PRODUCTION;
    const c = loadConfig({ ...rest, CertificateThumbprint: 'AB12CD', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----x' }, PROD);
    expect(c.bot?.certificate).toEqual({ thumbprint: 'AB12CD', privateKey: '-----BEGIN PRIVATE KEY-----x' });
    expect(c.bot?.password).toBeNull();
  });

  it('passes all four endpoint keys through (sovereign cloud or a local identity provider)', () => {
    expect(loadConfig({ ...PRODUCTION, ...ENDPOINTS }, PROD).botEndpoints).toEqual(ENDPOINTS);
  });

  it('never falls into local mode: no MicrosoftAppId, or a blank one, stops start-up naming it', () => {
    const { MicrosoftAppId: _id, ...withoutAppId } = PRODUCTION;
    for (const env of [{}, withoutAppId, { ...PRODUCTION, MicrosoftAppId: '' }, { ...PRODUCTION, MicrosoftAppId: '   ' }]) {
      const f = failure(env, PROD);
      expect(f.variable).toBe('MicrosoftAppId');
      expect(f.message).toContain('the production entry point never runs local mode');
    }
    expect(failure(withoutAppId, PROD).message).toContain('MicrosoftAppId is required');
    expect(failure({ ...PRODUCTION, MicrosoftAppId: ' ' }, PROD).message).toContain('MicrosoftAppId is blank');
  });

  it('reads IDEMPOTENCY_RETENTION_HOURS (default 72)', () => {
    expect(loadConfig(PRODUCTION, PROD).idempotencyRetentionHours).toBe(72);
    expect(loadConfig({ ...PRODUCTION, IDEMPOTENCY_RETENTION_HOURS: '168' }, PROD).idempotencyRetentionHours).toBe(168);
  });

  const cases: [string, Record<string, string | undefined>, string, string][] = [
    ['no password or certificate', { MicrosoftAppPassword: undefined }, 'MicrosoftAppPassword', 'is required when MicrosoftAppId is set'],
    ['a malformed app id', { MicrosoftAppId: 'my-bot' }, 'MicrosoftAppId', 'expected a GUID'],
    ['no tenant id', { MicrosoftAppTenantId: undefined }, 'MicrosoftAppTenantId', 'is required'],
    ['a malformed tenant id', { MicrosoftAppTenantId: 'contoso.onmicrosoft.com' }, 'MicrosoftAppTenantId', 'expected a GUID'],
    ['a multi-tenant app type', { MicrosoftAppType: 'MultiTenant' }, 'MicrosoftAppType', "must be 'SingleTenant'"],
    ['a thumbprint without its key', { MicrosoftAppPassword: undefined, CertificateThumbprint: 'AB12' }, 'CertificatePrivateKey', 'is required'],
    ['a key without its thumbprint', { MicrosoftAppPassword: undefined, CertificatePrivateKey: 'k' }, 'CertificateThumbprint', 'is required'],
    ['a password and a certificate', { CertificateThumbprint: 'AB12', CertificatePrivateKey: 'k' }, 'MicrosoftAppPassword', 'must not be set together'],
    ['no allowed tenants', { ALLOWED_TENANT_IDS: undefined }, 'ALLOWED_TENANT_IDS', 'is required outside local mode'],
    ['only commas as tenants', { ALLOWED_TENANT_IDS: ' , ' }, 'ALLOWED_TENANT_IDS', 'is required'],
    ['a malformed tenant in the list', { ALLOWED_TENANT_IDS: `${TENANT},not-a-guid` }, 'ALLOWED_TENANT_IDS', 'expected a GUID'],
    ['the playground', { PLAYGROUND: '1' }, 'PLAYGROUND', 'only be on in local mode'],
    ['no retention', { IDEMPOTENCY_RETENTION_HOURS: '0' }, 'IDEMPOTENCY_RETENTION_HOURS', 'is invalid'],
    ['a retention over 90 days', { IDEMPOTENCY_RETENTION_HOURS: '2161' }, 'IDEMPOTENCY_RETENTION_HOURS', 'is invalid'],
    ['one endpoint key without the others', { ToBotFromChannelTokenIssuer: 'https://api.botframework.us' }, 'ToBotFromChannelOpenIdMetadataUrl', 'give all of'],
    ['a malformed endpoint URL', { ...ENDPOINTS, ToChannelFromBotLoginUrl: 'login.microsoftonline.us' }, 'ToChannelFromBotLoginUrl', 'is invalid'],
    ['missing Graph settings', { GRAPH_TENANT_ID: undefined }, 'GRAPH_TENANT_ID', 'is required outside local mode'],
  ];
  it.each(cases)('refuses %s, naming the variable', (_name, change, variable, text) => {
    const f = failure({ ...PRODUCTION, ...change }, PROD);
    expect(f.variable).toBe(variable);
    expect(f.message).toContain(`configuration: ${variable} `);
    expect(f.message).toContain(text);
  });
});

describe('outside local mode every Graph, sign-in and Bot Framework endpoint is https (http only on loopback)', () => {
  const HTTPS_ONLY = 'must be an https:// URL outside local mode (http:// only for a loopback host)';
  const refused: [string, string][] = [
    ['GRAPH_BASE_URL', 'http://graph.microsoft.com/v1.0'],
    ['GRAPH_BASE_URL', 'http://graph.council.example/v1.0'],
    ['ToBotFromChannelOpenIdMetadataUrl', 'http://login.botframework.com/v1/.well-known/openidconfiguration'],
    ['ToChannelFromBotLoginUrl', 'http://login.microsoftonline.com/botframework.com'],
    ['ToChannelFromBotLoginUrl', 'http://127.0.0.2.example/botframework.com'],
  ];
  it.each(refused)('%s = %s is refused', (name, url) => {
    const f = failure({ ...PRODUCTION, ...ENDPOINTS, [name]: url }, PROD);
    expect(f.variable).toBe(name);
    expect(f.message).toContain(HTTPS_ONLY);
  });

  it('the sign-in host must be https even on loopback (msal-node)', () => {
    const f = failure({ ...PRODUCTION, GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:9443' }, PROD);
    expect([f.variable, f.message]).toEqual(['GRAPH_AUTHORITY_HOST', expect.stringContaining('https')]);
    expect(failure({ ...PRODUCTION, GRAPH_AUTHORITY_HOST: 'http://login.microsoftonline.com' }, PROD).variable).toBe('GRAPH_AUTHORITY_HOST');
  });

  const accepted: [string, string][] = [
    ['GRAPH_BASE_URL', 'http://127.0.0.1:5080/v1.0'],
    ['GRAPH_BASE_URL', 'http://localhost:5080/v1.0'],
    ['GRAPH_BASE_URL', 'https://graph.microsoft.us/v1.0'],
    ['ToBotFromChannelOpenIdMetadataUrl', 'http://127.0.0.1:4001/.well-known/openid-configuration'],
    ['ToChannelFromBotLoginUrl', 'http://[::1]:4001/tenant'],
  ];
  it.each(accepted)('%s = %s is accepted', (name, url) => {
    const c = loadConfig({ ...PRODUCTION, ...ENDPOINTS, [name]: url }, PROD);
    expect(name.startsWith('GRAPH') ? c.graph.baseUrl : c.botEndpoints?.[name as keyof typeof ENDPOINTS]).toBe(url);
  });
});

describe('malformed values in either mode', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES'],
    [{ MAX_BODY_BYTES: 'lots' }, 'MAX_BODY_BYTES'],
    [{ PLAYGROUND: 'yes' }, 'PLAYGROUND'],
    [{ IDEMPOTENCY_RETENTION_HOURS: 'a week' }, 'IDEMPOTENCY_RETENTION_HOURS'],
    [{ PROFILE: 'atlantis' }, 'PROFILE'],
    [{ PROFILE_OVERRIDES: '{not json' }, 'PROFILE_OVERRIDES'],
    [{ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T99: 3 } }) }, 'PROFILE_OVERRIDES'],
    [{ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T1: -5 } }) }, 'PROFILE_OVERRIDES'],
    [{ GRAPH_BASE_URL: 'not a url' }, 'GRAPH_BASE_URL'],
  ];
  it.each(cases)('%p is refused naming %s', (env, variable) => {
    expect(failure(env, LOCAL).variable).toBe(variable);
    expect(failure({ ...PRODUCTION, ...env }, PROD).variable).toBe(variable);
  });

  it('a malformed DATABASE_URL is refused in production naming it', () => {
    expect(failure({ ...PRODUCTION, DATABASE_URL: 'mysql://localhost/cpc' }, PROD).variable).toBe('DATABASE_URL');
  });

  it('a profile override error names the key path', () => {
    expect(failure({ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T99: 3 } }) }, LOCAL).message).toContain('T99');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['localhost', true],
    ['LOCALHOST', true], ['0.0.0.0', false], ['::', false], ['10.0.0.1', false], ['example.org', false], ['128.0.0.1', false],
  ])('%s → %p', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
