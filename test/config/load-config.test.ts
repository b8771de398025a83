// Configuration: read and validated once; every failure names the variable.
import { ConfigError, isLoopbackHost, loadConfig } from '../../bot/config/load-config';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const GRAPH = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: 'graph-secret', GRAPH_MAIL_SENDER: 'conference-team@council.example' };
const PRODUCTION = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret-value', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, ALLOWED_TENANT_IDS: TENANT, AUDIT_HMAC_KEY: '5a'.repeat(32), ...GRAPH };
const ENDPOINTS = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.us/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.us',
};

function failure(env: Record<string, string | undefined>): { variable: string; message: string } {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return { variable: err.variable, message: err.message };
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('local mode (no MicrosoftAppId)', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
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
    expect(c.graph.localMode).toBe(true);
  });

  it('reads every setting', () => {
    const c = loadConfig({ PORT: '4000', HOST: '::1', DATA_DIR: '/tmp/cpc', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/cpc', LOG_LEVEL: 'debug', MAX_BODY_BYTES: '65536', PLAYGROUND: '0', PROFILE: 'sheffield', ALLOWED_TENANT_IDS: ` ${TENANT} , ` });
    expect([c.port, c.host, c.dataDir, c.databaseUrl, c.logLevel, c.maxBodyBytes, c.playground, c.profile.id, c.allowedTenantIds]).toEqual([
      4000, '::1', '/tmp/cpc', 'postgres://u:p@127.0.0.1:5432/cpc', 'debug', 65536, false, 'sheffield', [TENANT],
    ]);
  });

  it('applies PROFILE_OVERRIDES', () => {
    const c = loadConfig({ PROFILE_OVERRIDES: JSON.stringify({ extraClosures: ['2026-12-29'] }) });
    expect(c.profile.extraClosures).toContain('2026-12-29');
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', PORT: '' }).localMode).toBe(true);
  });

  it.each(['0.0.0.0', '192.168.1.10', 'bot.example.org', '::'])('refuses the non-loopback HOST %p (authentication is off)', (host) => {
    const f = failure({ HOST: host });
    expect(f.variable).toBe('HOST');
    expect(f.message).toContain('must be a loopback address in local mode');
  });
});

describe('production mode', () => {
  it('accepts a complete SingleTenant configuration', () => {
    const c = loadConfig(PRODUCTION);
    expect(c.localMode).toBe(false);
    expect(c.bot).toEqual({ appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, password: 'secret-value', certificate: null });
    expect(c.host).toBe('0.0.0.0');
    expect(c.playground).toBe(false);
    expect(c.allowedTenantIds).toEqual([TENANT]);
  });

  it('accepts a certificate instead of a password', () => {
    const { MicrosoftAppPassword: _drop, ...rest } = PRODUCTION;
    const c = loadConfig({ ...rest, CertificateThumbprint: 'AB12CD', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----x' });
    expect(c.bot?.certificate).toEqual({ thumbprint: 'AB12CD', privateKey: '-----BEGIN PRIVATE KEY-----x' });
    expect(c.bot?.password).toBeNull();
  });

  it('passes all four endpoint keys through (sovereign cloud or a local identity provider)', () => {
    expect(loadConfig({ ...PRODUCTION, ...ENDPOINTS }).botEndpoints).toEqual(ENDPOINTS);
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
    ['no allowed tenants', { ALLOWED_TENANT_IDS: undefined }, 'ALLOWED_TENANT_IDS', 'is required when MicrosoftAppId is set'],
    ['only commas as tenants', { ALLOWED_TENANT_IDS: ' , ' }, 'ALLOWED_TENANT_IDS', 'is required'],
    ['a malformed tenant in the list', { ALLOWED_TENANT_IDS: `${TENANT},not-a-guid` }, 'ALLOWED_TENANT_IDS', 'expected a GUID'],
    ['the playground', { PLAYGROUND: '1' }, 'PLAYGROUND', 'only be on in local mode'],
    ['one endpoint key without the others', { ToBotFromChannelTokenIssuer: 'https://api.botframework.us' }, 'ToBotFromChannelOpenIdMetadataUrl', 'give all of'],
    ['a malformed endpoint URL', { ...ENDPOINTS, ToChannelFromBotLoginUrl: 'login.microsoftonline.us' }, 'ToChannelFromBotLoginUrl', 'is invalid'],
    ['missing Graph settings', { GRAPH_TENANT_ID: undefined }, 'GRAPH_TENANT_ID', 'is required outside local mode'],
  ];
  it.each(cases)('refuses %s, naming the variable', (_name, change, variable, text) => {
    const f = failure({ ...PRODUCTION, ...change });
    expect(f.variable).toBe(variable);
    expect(f.message).toContain(`configuration: ${variable} `);
    expect(f.message).toContain(text);
  });
});

describe('malformed values in any mode', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES'],
    [{ MAX_BODY_BYTES: 'lots' }, 'MAX_BODY_BYTES'],
    [{ PLAYGROUND: 'yes' }, 'PLAYGROUND'],
    [{ DATABASE_URL: 'mysql://localhost/cpc' }, 'DATABASE_URL'],
    [{ PROFILE: 'atlantis' }, 'PROFILE'],
    [{ PROFILE_OVERRIDES: '{not json' }, 'PROFILE_OVERRIDES'],
    [{ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T99: 3 } }) }, 'PROFILE_OVERRIDES'],
    [{ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T1: -5 } }) }, 'PROFILE_OVERRIDES'],
    [{ GRAPH_BASE_URL: 'not a url' }, 'GRAPH_BASE_URL'],
  ];
  it.each(cases)('%p is refused naming %s', (env, variable) => {
    expect(failure(env).variable).toBe(variable);
  });

  it('a profile override error names the key path', () => {
    expect(failure({ PROFILE_OVERRIDES: JSON.stringify({ timescales: { T99: 3 } }) }).message).toContain('T99');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['localhost', true],
    ['0.0.0.0', false], ['::', false], ['10.0.0.1', false], ['example.org', false], ['128.0.0.1', false],
  ])('%s → %p', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
