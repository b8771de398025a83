// The one place that reads the environment. Everything is validated once at start-up; a missing
// or malformed value throws ConfigError naming the variable, and the process does not start.
// The mode is the caller's choice, never inferred: the production entry point (bot/main.ts) asks
// for production, only the local launcher (scripts/local) asks for local mode.
import { z } from 'zod';
import type { PolicyProfile } from '../domain/policy/policy-profile';
import { resolveProfile } from '../domain/policy/resolve-profile';
import { API_AUTH_SETTINGS, type ApiAuthConfig, type LocalApiKey, readApiAuthConfig } from './api-config';
import { type AuditConfig, AuditKeyInvalid, readAuditConfig } from './audit-config';
import { type GraphConfig, type GraphMode, readGraphConfig } from './graph-config';
import { isLoopbackHost, isSecureEndpointUrl } from './loopback';
import { type RetentionConfig, RetentionSettingInvalid, readRetentionConfig } from './retention-config';
import { readTelemetryConfig, TELEMETRY_SETTING, type TelemetryConfig, TelemetryConfigInvalid } from './telemetry-config';

export { isLoopbackHost } from './loopback';

export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    detail: string,
  ) {
    super(`configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** botbuilder's endpoint keys (sovereign clouds, or a local identity provider in tests). */
export const BOT_ENDPOINT_KEYS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
] as const;
export type BotEndpointKey = (typeof BOT_ENDPOINT_KEYS)[number];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BotCredentials {
  appId: string;
  appType: 'SingleTenant';
  tenantId: string;
  /** Exactly one of password or certificate is set. */
  password: string | null;
  certificate: { thumbprint: string; privateKey: string } | null;
}

/** `local` carries the Graph sandbox the launcher starts (its tenant, client and secret). */
/**
 * Production, or local mode with what only the local launcher holds: the Graph sandbox's identity
 * and a public development audit key (scripts/local/sandbox-defaults.ts).
 */
export type ConfigMode = { mode: 'production' } | (Extract<GraphMode, { mode: 'local' }> & { developmentAuditKey: Buffer; localApiKey: LocalApiKey });

export interface Config {
  /** Chosen by the local launcher: authentication off, loopback only, embedded database, playground. */
  localMode: boolean;
  /** null only in local mode. */
  bot: BotCredentials | null;
  /** All four or none (none = Microsoft's public cloud). */
  botEndpoints: Record<BotEndpointKey, string> | null;
  /** Empty only in local mode, where every tenant is accepted. */
  allowedTenantIds: string[];
  databaseUrl: string | null;
  /** Owner role for migrations (DATABASE_MIGRATION_URL); defaults to databaseUrl. */
  databaseMigrationUrl: string | null;
  dataDir: string;
  profile: PolicyProfile;
  port: number;
  host: string;
  logLevel: LogLevel;
  maxBodyBytes: number;
  /** Completed idempotency keys older than this are purged (IDEMPOTENCY_RETENTION_HOURS). */
  idempotencyRetentionHours: number;
  /** Reports' files and conference data: what the daily retention job deletes (bot/config/retention-config.ts). */
  retention: RetentionConfig;
  /** Start Microsoft's Agents Playground beside the bot (local mode only). */
  playground: boolean;
  graph: GraphConfig;
  audit: AuditConfig;
  /** Bearer authentication of /api/v1 (bot/config/api-config.ts). */
  api: ApiAuthConfig;
  /** Where people outside Teams reach the bot (links in e-mails): PUBLIC_BASE_URL, no trailing slash. */
  publicBaseUrl: string;
  /** How often the job worker looks for due jobs (reminders), in ms (JOB_POLL_MS). */
  jobPollMs: number;
  /** How often an unacknowledged meeting alert is repeated to the chair, in ms (MEETING_ALERT_REPEAT_MS). */
  meetingAlertRepeatMs: number;
  /** The tab (docs/tab.md): the built files (TAB_DIST_DIR) and the extra frame ancestors allowed. */
  tab: { distDir: string; extraFrameAncestors: string[] };
  /** OpenTelemetry to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING); null = off (docs/telemetry.md). */
  telemetry: TelemetryConfig | null;
}

type Env = Record<string, string | undefined>;

/** Blank values count as unset: a `.env` line `NAME=` means "not given". */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function parse<T>(env: Env, name: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(read(env, name));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(name, issue ? `is invalid: ${issue.message}` : 'is invalid');
  }
  return result.data;
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');
const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');
/** Outside local mode tokens cross it: https, or plain http to this machine only (tests). */
const secureUrl = httpUrl.refine(isSecureEndpointUrl, 'must be an https:// URL outside local mode (http:// only for a loopback host)');

/**
 * Settings only a deployment has. Local mode refuses each of them when it is present at all,
 * even blank: an environment that holds them was meant for production, and local mode would run
 * it with authentication off, the Graph sandbox and no tenant check.
 */
export const PRODUCTION_ONLY_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'CertificateThumbprint',
  'CertificatePrivateKey',
  ...BOT_ENDPOINT_KEYS,
  'ALLOWED_TENANT_IDS',
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_CERT_PRIVATE_KEY_FILE',
  'GRAPH_CERT_THUMBPRINT_SHA256',
  'GRAPH_CERT_X5C_FILE',
  ...API_AUTH_SETTINGS,
] as const;

function refuseProductionSettings(env: Env): void {
  for (const name of PRODUCTION_ONLY_SETTINGS) {
    const value = env[name];
    if (value === undefined) continue;
    const what = value.trim() === '' ? 'is set (blank)' : 'is set';
    throw new ConfigError(name, `${what}, but it is a production setting and local mode (npm start) runs without authentication: unset it, or run the production entry point (node dist/bot/main.js)`);
  }
}

function readBotCredentials(env: Env): BotCredentials {
  const appId = read(env, 'MicrosoftAppId');
  if (appId === undefined) {
    const blank = env.MicrosoftAppId !== undefined;
    throw new ConfigError('MicrosoftAppId', `${blank ? 'is blank' : 'is required'}: the production entry point never runs local mode (for local development run npm start)`);
  }
  parse(env, 'MicrosoftAppId', guid);
  const appType = parse(
    env,
    'MicrosoftAppType',
    z.enum(['SingleTenant'], { message: "must be 'SingleTenant' (the bot serves one council's tenant)" }).default('SingleTenant'),
  );
  const tenantId = read(env, 'MicrosoftAppTenantId');
  if (tenantId === undefined) throw new ConfigError('MicrosoftAppTenantId', 'is required when MicrosoftAppId is set');
  parse(env, 'MicrosoftAppTenantId', guid);

  const password = read(env, 'MicrosoftAppPassword') ?? null;
  const thumbprint = read(env, 'CertificateThumbprint');
  const privateKey = read(env, 'CertificatePrivateKey');
  if (thumbprint !== undefined || privateKey !== undefined) {
    if (thumbprint === undefined) throw new ConfigError('CertificateThumbprint', 'is required with CertificatePrivateKey');
    if (privateKey === undefined) throw new ConfigError('CertificatePrivateKey', 'is required with CertificateThumbprint');
    if (password !== null) throw new ConfigError('MicrosoftAppPassword', 'must not be set together with a certificate');
    return { appId, appType, tenantId, password: null, certificate: { thumbprint, privateKey } };
  }
  if (password === null) {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set (or give CertificateThumbprint and CertificatePrivateKey)');
  }
  return { appId, appType, tenantId, password, certificate: null };
}

function readBotEndpoints(env: Env): Record<BotEndpointKey, string> | null {
  const given = BOT_ENDPOINT_KEYS.filter((k) => read(env, k) !== undefined);
  if (given.length === 0) return null;
  const missing = BOT_ENDPOINT_KEYS.find((k) => read(env, k) === undefined);
  // botbuilder treats any one key as "all parameters are intentional": a partial set would
  // silently leave the others undefined.
  if (missing) throw new ConfigError(missing, `is required when ${given[0]} is set (give all of ${BOT_ENDPOINT_KEYS.join(', ')})`);
  const out = {} as Record<BotEndpointKey, string>;
  for (const key of BOT_ENDPOINT_KEYS) {
    out[key] = key === 'ToBotFromChannelTokenIssuer' || key === 'ToChannelFromBotOAuthScope'
      ? parse(env, key, z.string().min(1))
      : parse(env, key, secureUrl);
  }
  return out;
}

function readProfile(env: Env): PolicyProfile {
  const id = parse(env, 'PROFILE', z.string().min(1).default('england'));
  const rawOverrides = read(env, 'PROFILE_OVERRIDES');
  let overrides: unknown;
  if (rawOverrides !== undefined) {
    try {
      overrides = JSON.parse(rawOverrides);
    } catch {
      throw new ConfigError('PROFILE_OVERRIDES', 'is not valid JSON');
    }
  }
  try {
    return resolveProfile(id, overrides);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    throw new ConfigError(code === 'PROFILE.UNKNOWN' ? 'PROFILE' : 'PROFILE_OVERRIDES', `is invalid: ${message}`);
  }
}

export function loadConfig(env: Env, mode: ConfigMode): Config {
  const localMode = mode.mode === 'local';
  if (localMode) refuseProductionSettings(env);
  const bot = localMode ? null : readBotCredentials(env);
  const botEndpoints = localMode ? null : readBotEndpoints(env);

  const host = parse(env, 'HOST', z.string().min(1).default(localMode ? '127.0.0.1' : '0.0.0.0'));
  if (localMode && !isLoopbackHost(host)) {
    throw new ConfigError('HOST', `must be a loopback address in local mode (authentication is off); got '${host}'`);
  }

  const tenants = parse(
    env,
    'ALLOWED_TENANT_IDS',
    z
      .string()
      .transform((s) => s.split(',').map((t) => t.trim()).filter((t) => t !== ''))
      .pipe(z.array(guid))
      .optional(),
  );
  if (!localMode && (tenants === undefined || tenants.length === 0)) {
    throw new ConfigError('ALLOWED_TENANT_IDS', 'is required outside local mode (comma-separated tenant GUIDs)');
  }

  const playground = parse(env, 'PLAYGROUND', flag.default(localMode));
  if (playground && !localMode) throw new ConfigError('PLAYGROUND', 'can only be on in local mode (npm start)');

  let graph: GraphConfig;
  try {
    graph = readGraphConfig(env, mode);
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
    const variable = issue ? String(issue.path[0] ?? 'GRAPH') : 'GRAPH';
    throw new ConfigError(variable, `is invalid: ${issue?.message ?? String(err)}`);
  }

  let audit: AuditConfig;
  try {
    audit = readAuditConfig(env, mode.mode === 'local' ? mode.developmentAuditKey : null);
  } catch (err) {
    if (err instanceof AuditKeyInvalid) throw new ConfigError('AUDIT_HMAC_KEY', err.message);
    throw err;
  }
  let api: ApiAuthConfig;
  try {
    api = readApiAuthConfig(env, bot, mode.mode === 'local' ? mode.localApiKey : null);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    const issue = err.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'API'), `is invalid: ${issue?.message ?? 'invalid'}`);
  }
  const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'expected postgres://…').optional();
  const databaseUrl = parse(env, 'DATABASE_URL', postgresUrl) ?? null;
  const databaseMigrationUrl = parse(env, 'DATABASE_MIGRATION_URL', postgresUrl) ?? databaseUrl;
  if (databaseUrl === null && databaseMigrationUrl !== null) throw new ConfigError('DATABASE_MIGRATION_URL', 'needs DATABASE_URL (the service role on the same server)');

  let retention: RetentionConfig;
  try {
    retention = readRetentionConfig(env);
  } catch (err) {
    if (err instanceof RetentionSettingInvalid) throw new ConfigError(err.variable, `is invalid: ${err.message}`);
    throw err;
  }
  let telemetry: TelemetryConfig | null;
  try {
    telemetry = readTelemetryConfig(env);
  } catch (err) {
    if (err instanceof TelemetryConfigInvalid) throw new ConfigError(TELEMETRY_SETTING, err.message);
    throw err;
  }

  const listenPort = parse(env, 'PORT', port.default(3978));
  const publicBase = parse(env, 'PUBLIC_BASE_URL', secureUrl.optional());
  if (!localMode && publicBase === undefined) throw new ConfigError('PUBLIC_BASE_URL', 'is required outside local mode (the https:// address of this bot, for links in e-mails)');

  return {
    localMode,
    bot,
    botEndpoints,
    allowedTenantIds: tenants ?? [],
    databaseUrl,
    databaseMigrationUrl,
    dataDir: parse(env, 'DATA_DIR', z.string().min(1).default('./data')),
    profile: readProfile(env),
    port: listenPort,
    host,
    logLevel: parse(env, 'LOG_LEVEL', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    maxBodyBytes: parse(env, 'MAX_BODY_BYTES', z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024)),
    // Redeliveries come within minutes and double presses within seconds; 72 hours also covers a
    // card pressed again after a weekend. The rows hold conversation and user ids and the recorded
    // answer, so they are kept no longer than that (at most 90 days).
    idempotencyRetentionHours: parse(env, 'IDEMPOTENCY_RETENTION_HOURS', z.coerce.number().int().min(1).max(2160).default(72)),
    retention,
    playground,
    graph,
    audit,
    api,
    publicBaseUrl: (publicBase ?? `http://127.0.0.1:${listenPort}`).replace(/\/+$/, ''),
    // A reminder goes out at most this late; each poll is two indexed statements.
    jobPollMs: parse(env, 'JOB_POLL_MS', z.coerce.number().int().min(100).max(600_000).default(5000)),
    meetingAlertRepeatMs: parse(env, 'MEETING_ALERT_REPEAT_MS', z.coerce.number().int().min(1000).max(3_600_000).default(30_000)),
    tab: {
      // `npm run build:tab` writes here; relative to the working directory (the repository or the package root).
      distDir: parse(env, 'TAB_DIST_DIR', z.string().min(1).default('dist/tab')),
      // Teams' own origins are always allowed (tab-security.ts); a council may add its own portal.
      extraFrameAncestors: parse(env, 'TAB_FRAME_ANCESTORS', z.string().optional())?.split(/[\s,]+/).filter((o) => o !== '') ?? [],
    },
    telemetry,
  };
}
