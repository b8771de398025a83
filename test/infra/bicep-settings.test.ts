// The Bicep app settings against the configuration module: every setting loadConfig needs in
// production is supplied, every setting it reads is supplied or optional (listed below), nothing
// secret is in plain text, and the Bicep files hang together (nothing compiles them here:
// docs/azure.md). Values come from infra/parameters/dev.bicepparam, with invented values of the
// right shape for what it reads from the environment and for the Key Vault references.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../bot/config/load-config';
import {
  type BicepParam,
  bicepparam,
  environmentRead,
  evaluate,
  moduleCalls,
  type ObjectEntry,
  objectOutput,
  objectVar,
  outputs,
  params,
  readText,
  resources,
  stripComments,
} from './bicep-text';

const ROOT = resolve(__dirname, '../..');
const INFRA = join(ROOT, 'infra');
const MAIN = join(INFRA, 'main.bicep');
const WEB_APP = join(INFRA, 'modules/web-app.bicep');
const KEY_VAULT = join(INFRA, 'modules/key-vault.bicep');
const PARAMETER_FILES = readdirSync(join(INFRA, 'parameters')).filter((f) => f.endsWith('.bicepparam'));

const GUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Names that say "secret": their value must be a Key Vault reference. */
const SECRET_NAME_RE = /PASSWORD|SECRET|KEY|PRIVATE|CONNECTION|TOKEN|CREDENTIAL|DATABASE(_MIGRATION)?_URL/i;

/** What the parameter files read from the environment, as a deployment would have it (invented). */
const DEPLOYMENT_ENVIRONMENT: Record<string, string> = {
  MicrosoftAppId: '7d1c3b52-4e0a-4f7b-9c61-2a8e5f0d9b13',
  MicrosoftAppTenantId: 'c2a9e6f1-0b7d-4d35-8e24-6f13a0b5c7d9',
  GRAPH_MAIL_SENDER: 'conference-team@example-council.gov.uk',
  REPORTS_DRIVE_ID: 'b!Xy3kPq9LmN2oRs7TuVw8xYz1AbCdEfGh',
  GRAPH_TEAMS_APP_ID: '5b0e8d2c-9a41-4c6f-b3e7-1d2f4a6c8e90',
};
/** Values computed inside web-app.bicep, not parameters. */
const MODULE_VALUES: Record<string, string> = { hostName: 'cpc-dev-k3x9q2.azurewebsites.net' };
/** What each Key Vault secret holds, invented in the right shape. */
const FAKE_SECRETS: Record<string, string> = {
  botAppPassword: 'Qx8~fake.client-secret_0123456789abcdefABCDEF',
  auditHmacKey: randomBytes(32).toString('base64'),
  databaseUrl: 'postgres://cpc_bot:fake%2Fpw@cpc-dev-pg-k3x9q2.postgres.database.azure.com:5432/cpc?sslmode=verify-full',
  databaseMigrationUrl: 'postgres://cpc_owner:fake%2Fpw@cpc-dev-pg-k3x9q2.postgres.database.azure.com:5432/cpc?sslmode=verify-full',
  appInsightsConnectionString: 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
};

/**
 * Read by the configuration module and deliberately not set by Bicep: each has a default that
 * suits App Service (App Service sets PORT itself) or is an option a council turns on. A new
 * setting the config reads fails this test until it is added to Bicep or here.
 */
const OPTIONAL_NOT_SUPPLIED = [
  'API_AUDIENCE',
  'API_JWKS_URL',
  'API_TOKEN_ISSUER',
  'CALLS_CALLBACK_URL',
  'CertificatePrivateKey',
  'CertificateThumbprint',
  'DATA_DIR',
  'GRAPH_AUTHORITY_HOST',
  'GRAPH_BASE_URL',
  'GRAPH_CA_FILE',
  'GRAPH_CERT_PRIVATE_KEY_FILE',
  'GRAPH_CERT_THUMBPRINT_SHA256',
  'GRAPH_CERT_X5C_FILE',
  'GRAPH_MAX_RETRIES',
  'GRAPH_OFFLINE_AUTHORITY_METADATA',
  'GRAPH_SCOPE',
  'GRAPH_TIMEOUT_MS',
  'HOST',
  'IDEMPOTENCY_RETENTION_HOURS',
  'JOB_POLL_MS',
  'MAX_BODY_BYTES',
  'MEETING_ALERT_REPEAT_MS',
  'PLAYGROUND',
  'PORT',
  'PROFILE_OVERRIDES',
  'RETENTION_RUN_HOUR_UTC',
  'TAB_DIST_DIR',
  'TAB_FRAME_ANCESTORS',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
];
/** Set by Bicep for App Service or the telemetry exporter, not read by bot/config (today). */
const PLATFORM_SETTINGS = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_RUN_FROM_PACKAGE'];

const mainParams = params(readText(MAIN));
const webAppText = readText(WEB_APP);
const settings: ObjectEntry[] = [...objectVar(webAppText, 'appSettings'), ...objectVar(webAppText, 'migrationSettings')];
const webAppCall = moduleCalls(readText(MAIN)).find((m) => m.symbol === 'webApp')!;

const KV_REF_RE = /^kvRef\(secretUris\.(\w+)\)$/;

/** A main.bicep parameter's value in an environment: its .bicepparam line, else its default. */
function mainParamValue(name: string, paramFile: string): string {
  const line = bicepparam(readText(join(INFRA, 'parameters', paramFile))).values.find((v) => v.key === name);
  const declared = mainParams.find((p) => p.name === name);
  if (!declared) throw new Error(`main.bicep has no parameter ${name}`);
  const expr = line?.expr ?? declared.defaultExpr;
  if (expr === null) throw new Error(`${name} is required and ${paramFile} does not set it`);
  const fromEnvironment = environmentRead(expr);
  if (fromEnvironment) {
    const value = DEPLOYMENT_ENVIRONMENT[fromEnvironment.variable] ?? fromEnvironment.fallback;
    if (value === null || value === undefined) throw new Error(`no invented value for ${fromEnvironment.variable}`);
    return value;
  }
  return evaluate(expr, (id) => mainParamValue(id, paramFile));
}

/** The app settings as App Service would hand them to the process (references resolved). */
function appSettingsEnvironment(paramFile: string, withMigrations: boolean): Record<string, string> {
  const moduleValue = (id: string): string => {
    if (id in MODULE_VALUES) return MODULE_VALUES[id]!;
    const passed = webAppCall.params.find((p) => p.key === id);
    if (!passed) throw new Error(`web-app.bicep uses ${id}, which main.bicep does not pass`);
    return evaluate(passed.expr, (mainId) => mainParamValue(mainId, paramFile));
  };
  const env: Record<string, string> = {};
  for (const s of settings) {
    if (s.key === 'DATABASE_MIGRATION_URL' && !withMigrations) continue;
    const ref = KV_REF_RE.exec(s.expr);
    env[s.key] = ref ? FAKE_SECRETS[ref[1]!]! : evaluate(s.expr, moduleValue);
  }
  return env;
}

function recordReads(env: Record<string, string>): { env: Record<string, string>; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
  });
  return { env: proxy, read };
}

describe('the Bicep app settings and the configuration module', () => {
  it.each(PARAMETER_FILES)('load in production mode with the values of %s (every required setting is supplied)', (file) => {
    const migrates = mainParamValue('appRunsMigrations', file) === 'true';
    const env = appSettingsEnvironment(file, migrates);
    const config = loadConfig(env, { mode: 'production' });
    expect(config.localMode).toBe(false);
    expect(config.bot).toMatchObject({ appId: DEPLOYMENT_ENVIRONMENT.MicrosoftAppId, tenantId: DEPLOYMENT_ENVIRONMENT.MicrosoftAppTenantId, password: FAKE_SECRETS.botAppPassword });
    expect(config.allowedTenantIds).toEqual([DEPLOYMENT_ENVIRONMENT.MicrosoftAppTenantId]);
    expect(config.publicBaseUrl).toBe(`https://${MODULE_VALUES.hostName}`);
    expect(config.databaseUrl).toBe(FAKE_SECRETS.databaseUrl);
    // Without the owner URL the bot migrates (finds nothing pending) as the service role.
    expect(config.databaseMigrationUrl).toBe(migrates ? FAKE_SECRETS.databaseMigrationUrl : FAKE_SECRETS.databaseUrl);
    expect(config.graph).toMatchObject({ tenantId: DEPLOYMENT_ENVIRONMENT.MicrosoftAppTenantId, clientId: DEPLOYMENT_ENVIRONMENT.MicrosoftAppId, credential: { kind: 'secret', secret: FAKE_SECRETS.botAppPassword } });
    expect(config.graph.mailSender.email).toBe(DEPLOYMENT_ENVIRONMENT.GRAPH_MAIL_SENDER);
    expect(config.graph.reportsDriveId).toBe(DEPLOYMENT_ENVIRONMENT.REPORTS_DRIVE_ID);
    expect(config.graph.calls?.removeEnabled).toBe(false);
    expect(config.audit.hmacKey).toEqual(Buffer.from(FAKE_SECRETS.auditHmacKey!, 'base64'));
  });

  it('dev lets the app migrate at start and prod does not (the owner role stays out of the running service)', () => {
    expect(mainParamValue('appRunsMigrations', 'dev.bicepparam')).toBe('true');
    expect(mainParamValue('appRunsMigrations', 'prod.bicepparam')).toBe('false');
  });

  it('supply every setting the configuration reads, or it is optional and listed here', () => {
    const env = appSettingsEnvironment('dev.bicepparam', true);
    const { env: recorded, read } = recordReads(env);
    loadConfig(recorded, { mode: 'production' });
    const supplied = new Set(Object.keys(env));
    const notSupplied = [...read].filter((name) => !supplied.has(name)).sort();
    expect(notSupplied).toEqual([...OPTIONAL_NOT_SUPPLIED].sort());
    // Each of those is optional: the load above succeeded without any of them.
    // And nothing Bicep sets is a typo: every setting is read, or is App Service's own.
    const unread = [...supplied].filter((name) => !read.has(name) && !PLATFORM_SETTINGS.includes(name));
    expect(unread).toEqual([]);
  });

  it('keep every secret in Key Vault: secret-named settings are references, no value looks like a credential', () => {
    const secretNamed = settings.filter((s) => SECRET_NAME_RE.test(s.key) && s.key !== 'REPORTS_DRIVE_ID');
    expect(secretNamed.map((s) => s.key).sort()).toEqual(
      ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'AUDIT_HMAC_KEY', 'DATABASE_MIGRATION_URL', 'DATABASE_URL', 'GRAPH_CLIENT_SECRET', 'MicrosoftAppPassword'].sort(),
    );
    for (const s of secretNamed) expect({ setting: s.key, expr: s.expr }).toEqual({ setting: s.key, expr: expect.stringMatching(KV_REF_RE) });
    for (const s of settings.filter((x) => !KV_REF_RE.test(x.expr))) {
      expect({ setting: s.key, literalGuid: GUID_RE.test(s.expr) }).toEqual({ setting: s.key, literalGuid: false });
      expect(s.expr).not.toMatch(/postgres(ql)?:\/\/|password=|InstrumentationKey=|-----BEGIN/i);
    }
    // The references point at secrets the vault module makes, with the right role in each URL.
    const kvText = readText(KEY_VAULT);
    const uris = objectOutput(kvText, 'secretUris');
    for (const s of settings) {
      const ref = KV_REF_RE.exec(s.expr);
      if (ref) expect(uris.map((u) => u.key)).toContain(ref[1]);
    }
    const secretResources = new Map(resources(kvText).map((r) => [r.symbol, r]));
    for (const u of uris) expect(secretResources.get(/^(\w+)\.properties\.secretUri$/.exec(u.expr)?.[1] ?? '')?.type).toBe('Microsoft.KeyVault/vaults/secrets');
    const clean = stripComments(kvText);
    expect(clean).toMatch(/name: 'database-url'\n\s+properties: \{\n\s+value: postgresUrl\(databaseServiceLogin,/);
    expect(clean).toMatch(/name: 'database-migration-url'\n\s+properties: \{\n\s+value: postgresUrl\(databaseOwnerLogin,/);
    expect(clean).toMatch(/enableRbacAuthorization: true/);
  });

  it('take secrets only as secure parameters without defaults, from the environment, never from a committed file', () => {
    const secure = mainParams.filter((p) => p.secure);
    expect(secure.map((p) => p.name).sort()).toEqual(['auditHmacKey', 'botAppPassword', 'databaseOwnerPassword', 'databaseServicePassword', 'postgresAdminPassword']);
    for (const p of secure) expect(p.defaultExpr).toBeNull();
    for (const file of PARAMETER_FILES) {
      const text = readText(join(INFRA, 'parameters', file));
      expect(text).not.toMatch(GUID_RE);
      for (const p of secure) expect(environmentRead(bicepparam(text).values.find((v) => v.key === p.name)?.expr ?? '')?.variable).toMatch(/^SECRET_/);
    }
    const toolkit = JSON.parse(readText(join(INFRA, 'parameters/m365agents.parameters.json'))).parameters as Record<string, { value: string }>;
    for (const p of secure) expect(toolkit[p.name]?.value).toMatch(/^\$\{\{SECRET_\w+\}\}$/);
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      const text = readText(join(ROOT, file));
      expect(text).not.toMatch(GUID_RE);
      expect(text).not.toMatch(/^SECRET_\w+=./m);
    }
    expect(readText(join(ROOT, '.gitignore'))).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

describe('the Bicep files hang together (checked from the text: no compiler here)', () => {
  const moduleFiles = readdirSync(join(INFRA, 'modules')).filter((f) => f.endsWith('.bicep'));
  const moduleParams = (path: string): BicepParam[] => params(readText(join(INFRA, path)));

  it('every module exists and is given exactly its parameters, every required one', () => {
    const calls = moduleCalls(readText(MAIN));
    expect(calls.map((c) => c.path).sort()).toEqual(moduleFiles.map((f) => `modules/${f}`).sort());
    for (const call of calls) {
      expect(existsSync(join(INFRA, call.path))).toBe(true);
      const declared = moduleParams(call.path);
      const given = call.params.map((p) => p.key);
      expect({ module: call.path, unknown: given.filter((g) => !declared.some((d) => d.name === g)) }).toEqual({ module: call.path, unknown: [] });
      const missing = declared.filter((d) => d.defaultExpr === null && !given.includes(d.name)).map((d) => d.name);
      expect({ module: call.path, missing }).toEqual({ module: call.path, missing: [] });
    }
  });

  it("every <module>.outputs.<name> used in main.bicep is one of that module's outputs, every parameter is used", () => {
    const main = stripComments(readText(MAIN));
    const calls = new Map(moduleCalls(main).map((c) => [c.symbol, c.path]));
    for (const m of main.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      const path = calls.get(m[1]!);
      expect({ ref: m[0], known: path !== undefined && outputs(readText(join(INFRA, path))).includes(m[2]!) }).toEqual({ ref: m[0], known: true });
    }
    for (const file of ['main.bicep', ...moduleFiles.map((f) => `modules/${f}`)]) {
      const text = stripComments(readText(join(INFRA, file)));
      for (const p of params(text)) {
        const uses = text.match(new RegExp(`\\b${p.name}\\b`, 'g'))?.length ?? 0;
        expect({ file, param: p.name, used: uses > 1 }).toEqual({ file, param: p.name, used: true });
      }
    }
  });

  it.each(PARAMETER_FILES)('%s uses main.bicep, sets only declared parameters and every required one', (file) => {
    const { using, values } = bicepparam(readText(join(INFRA, 'parameters', file)));
    expect(resolve(join(INFRA, 'parameters'), using)).toBe(MAIN);
    const unknown = values.filter((v) => !mainParams.some((p) => p.name === v.key)).map((v) => v.key);
    expect(unknown).toEqual([]);
    const missing = mainParams.filter((p) => p.defaultExpr === null && !values.some((v) => v.key === p.name)).map((p) => p.name);
    expect(missing).toEqual([]);
  });

  it('the Agents Toolkit parameter file likewise, and m365agents.yml deploys what main.bicep outputs', () => {
    const toolkit = Object.keys(JSON.parse(readText(join(INFRA, 'parameters/m365agents.parameters.json'))).parameters);
    expect(toolkit.filter((k) => !mainParams.some((p) => p.name === k))).toEqual([]);
    expect(mainParams.filter((p) => p.defaultExpr === null && !toolkit.includes(p.name)).map((p) => p.name)).toEqual([]);
    const yml = readText(join(ROOT, 'm365agents.yml'));
    for (const m of yml.matchAll(/^\s+- path: (\S+)\n\s+parameters: (\S+)$/gm)) {
      expect(existsSync(resolve(ROOT, m[1]!))).toBe(true);
      expect(existsSync(resolve(ROOT, m[2]!))).toBe(true);
    }
    expect(yml).toMatch(/- path: \.\/infra\/main\.bicep\n\s+parameters: \.\/infra\/parameters\/m365agents\.parameters\.json/);
    // arm/deploy writes the outputs to env/.env.<env>: zipDeploy's target, and the tab's address
    // that npm run package reads from the environment.
    const mainOutputs = outputs(readText(MAIN));
    expect(yml).toMatch(/resourceId: \$\{\{AZURE_APP_SERVICE_RESOURCE_ID\}\}/);
    for (const id of mainOutputs) expect(readText(join(ROOT, 'env/.env.dev'))).toMatch(new RegExp(`^${id}=$`, 'm'));
    expect(mainOutputs).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_BASE_URL']));
    expect(dirname(resolve(ROOT, /artifactFolder: (\S+)/.exec(yml)![1]!))).toBe(join(ROOT, '.tmp'));
  });

  it('the web app runs the production entry point on Node 24 with the health check on /readyz, and the bot points at /api/messages', () => {
    const web = stripComments(webAppText);
    expect(web).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(web).toMatch(/appCommandLine: 'node dist\/bot\/main\.js'/);
    expect(web).toMatch(/healthCheckPath: '\/readyz'/);
    expect(web).toMatch(/httpsOnly: true/);
    expect(web).toMatch(/alwaysOn: true/);
    expect(web).toMatch(/type: 'SystemAssigned'/);
    expect(web).toMatch(/virtualNetworkSubnetId: appSubnetId/);
    const httpServer = readText(join(ROOT, 'bot/adapters/http/http-server.ts'));
    expect(httpServer).toContain("server.post('/api/messages'");
    expect(httpServer).toContain("server.get('/readyz'");
    const bot = stripComments(readText(join(INFRA, 'modules/bot.bicep')));
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{hostName\}\/api\/messages'/);
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    const calls = readText(join(ROOT, 'bot/adapters/http/calls-callback.ts'));
    expect(calls).toContain("server.post('/api/calls'");
    expect(bot).toMatch(/'https:\/\/\$\{hostName\}\/api\/calls'/);
    const pg = stripComments(readText(join(INFRA, 'modules/postgres.bicep')));
    expect(pg).toMatch(/publicNetworkAccess: 'Disabled'/);
    expect(pg).toMatch(/delegatedSubnetResourceId: delegatedSubnetId/);
  });
});
