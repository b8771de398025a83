// AUDIT_HMAC_KEY and DATABASE_MIGRATION_URL: read once at start-up; failures name the variable.
import { parseAuditKey } from '../../bot/config/audit-config';
import { ConfigError, loadConfig as load } from '../../bot/config/load-config';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY, LOCAL_MODE } from '../../scripts/local/sandbox-defaults';

/** Production when the environment names an app id, else the launcher's local mode. */
const loadConfig = (env: Record<string, string>) => load(env, env.MicrosoftAppId ? { mode: 'production' } : LOCAL_MODE);

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const PRODUCTION = {
  MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret-value', MicrosoftAppTenantId: TENANT, ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example',
  GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: 'graph-secret', GRAPH_MAIL_SENDER: 'conference-team@council.example',
};
const KEY = Buffer.alloc(32, 0x5a);

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('AUDIT_HMAC_KEY', () => {
  it('is required outside local mode, and the message names it', () => {
    const err = failure(PRODUCTION);
    expect(err.variable).toBe('AUDIT_HMAC_KEY');
    expect(err.message).toContain('AUDIT_HMAC_KEY is required');
  });

  it('is read as hex or base64 (with or without a prefix) into the configuration', () => {
    for (const text of [KEY.toString('hex'), KEY.toString('base64'), `hex:${KEY.toString('hex')}`, `base64:${KEY.toString('base64')}`, ` ${KEY.toString('hex')}\n`]) {
      expect(loadConfig({ ...PRODUCTION, AUDIT_HMAC_KEY: text }).audit.hmacKey.equals(KEY)).toBe(true);
    }
  });

  it.each([
    ['short', Buffer.alloc(16, 1).toString('base64'), 'at least 32'],
    ['not base64', 'not a key at all, just words', 'neither hex nor base64'],
    ['bad hex', 'hex:zz', 'not valid hex'],
  ])('refuses a %s key without echoing it', (_label, value, message) => {
    const err = failure({ ...PRODUCTION, AUDIT_HMAC_KEY: value });
    expect(err.variable).toBe('AUDIT_HMAC_KEY');
    expect(err.message).toContain(message);
    expect(err.message).not.toContain(value);
  });

  it('defaults to the named development key in local mode only, and a given key still wins there', () => {
    expect(loadConfig({}).audit.hmacKey).toBe(LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY);
    expect(LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ AUDIT_HMAC_KEY: KEY.toString('hex') }).audit.hmacKey.equals(KEY)).toBe(true);
    expect(parseAuditKey(KEY.toString('hex')).equals(KEY)).toBe(true);
  });
});

describe('DATABASE_MIGRATION_URL', () => {
  const SERVICE = 'postgres://cpc_bot@db.example:5432/cpc';
  const OWNER = 'postgres://cpc_owner@db.example:5432/cpc';

  const PROD = { ...PRODUCTION, AUDIT_HMAC_KEY: KEY.toString('hex') };

  it('defaults to DATABASE_URL, and is read when given', () => {
    expect(loadConfig(PROD).databaseMigrationUrl).toBeNull();
    expect(loadConfig({ ...PROD, DATABASE_URL: SERVICE }).databaseMigrationUrl).toBe(SERVICE);
    const c = loadConfig({ ...PROD, DATABASE_URL: SERVICE, DATABASE_MIGRATION_URL: OWNER });
    expect([c.databaseUrl, c.databaseMigrationUrl]).toEqual([SERVICE, OWNER]);
  });

  it('needs DATABASE_URL and a postgres:// URL', () => {
    expect(failure({ ...PROD, DATABASE_MIGRATION_URL: OWNER }).variable).toBe('DATABASE_MIGRATION_URL');
    expect(failure({ ...PROD, DATABASE_URL: SERVICE, DATABASE_MIGRATION_URL: 'mysql://x' }).variable).toBe('DATABASE_MIGRATION_URL');
  });

  it('is a production setting: local mode refuses it, naming it', () => {
    expect(failure({ DATABASE_MIGRATION_URL: OWNER }).variable).toBe('DATABASE_MIGRATION_URL');
  });
});
