import { resolve } from 'node:path';
import { z } from 'zod';
import { isLoopbackUrl, isSecureEndpointUrl } from './loopback';

/**
 * Microsoft Graph settings (owned by the Graph adapter). Production requires the client id,
 * tenant, a credential and the mail sender. Local mode takes none of them from the environment:
 * the local launcher (scripts/local) passes the Graph sandbox it starts as a `GraphSandboxTarget`.
 */
export interface GraphSandboxTarget {
  /** e.g. https://127.0.0.1:5443 (Graph is `<origin>/v1.0`, the authority the origin itself). */
  origin: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  mailSender: string;
  /** The sandbox's CA certificate (PEM), relative to the working directory. */
  caFile: string;
  /** The sandbox's document library for reports (REPORTS_DRIVE_ID's local default). */
  reportsDriveId?: string;
  /** The app's id in the sandbox's Teams catalog (GRAPH_TEAMS_APP_ID's local default): the
   *  Playground's people get their 1:1 cards the way a tenant's would, install included. */
  teamsAppId?: string;
}

export type GraphMode = { mode: 'production' } | { mode: 'local'; sandbox: GraphSandboxTarget };

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  GRAPH_BASE_URL: opt(httpUrl),
  GRAPH_AUTHORITY_HOST: opt(httpUrl.refine((u) => u.startsWith('https://'), 'msal-node needs an https authority')),
  GRAPH_TENANT_ID: opt(z.string().min(1)),
  GRAPH_CLIENT_ID: opt(z.string().min(1)),
  GRAPH_CLIENT_SECRET: opt(z.string().min(1)),
  GRAPH_CERT_PRIVATE_KEY_FILE: opt(z.string().min(1)),
  GRAPH_CERT_THUMBPRINT_SHA256: opt(z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex digits (SHA-256 thumbprint)')),
  GRAPH_CERT_X5C_FILE: opt(z.string().min(1)),
  GRAPH_SCOPE: opt(z.string().regex(/\/\.default$/, "expected '<resource>/.default'")),
  GRAPH_OFFLINE_AUTHORITY_METADATA: opt(flag),
  GRAPH_CA_FILE: opt(z.string().min(1)),
  GRAPH_MAIL_SENDER: opt(z.string().min(3)),
  GRAPH_MAIL_SENDER_NAME: opt(z.string().min(1)),
  GRAPH_TIMEOUT_MS: opt(z.coerce.number().int().min(100).max(300_000)),
  GRAPH_MAX_RETRIES: opt(z.coerce.number().int().min(0).max(10)),
  // The SharePoint document library agency reports go to (docs/reports.md): GET /sites/{site}/drives.
  REPORTS_DRIVE_ID: opt(z.string().regex(/^[A-Za-z0-9!_-]{10,200}$/, 'expected a drive id, e.g. b!abc… (GET /sites/{site-id}/drives)')),
  /** The bot's app in the tenant's Teams app catalog (its Graph id, not the manifest id): installing it for a person opens their 1:1 chat. */
  /** Removing someone from the meeting through the calling bot (docs/meeting/stages.md): off unless the tenant has allowed it. */
  CALLS_REMOVE_ENABLED: opt(flag),
  /** Where Graph posts the calling bot's notifications (https); default <PUBLIC_BASE_URL>/api/calls. */
  CALLS_CALLBACK_URL: opt(httpUrl.refine((u) => u.startsWith('https://'), 'Graph posts call notifications to https only')),
  GRAPH_TEAMS_APP_ID: opt(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected the catalog app id (a GUID)')),
});

/**
 * The calling bot's two settings alone, parsed exactly as the bot parses them: the Teams app
 * package build (scripts/manifest) reads them too, to declare calling only when removal is on.
 */
export const callsSettingsSchema = envSchema.pick({ CALLS_REMOVE_ENABLED: true, CALLS_CALLBACK_URL: true });

export interface GraphConfig {
  localMode: boolean;
  /** e.g. https://graph.microsoft.com/v1.0 (sovereign: https://graph.microsoft.us/v1.0). */
  baseUrl: string;
  /** e.g. https://login.microsoftonline.com (sovereign: https://login.microsoftonline.us). */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  credential:
    | { kind: 'secret'; secret: string }
    | { kind: 'certificate'; privateKeyFile: string; thumbprintSha256: string; x5cFile?: string };
  scope: string;
  /** Build the authority's OpenID metadata locally: no discovery request leaves the machine. */
  offlineAuthorityMetadata: boolean;
  /** Extra CA (PEM file) to trust for Graph and the authority — the sandbox's certificate. */
  caFile?: string;
  mailSender: { email: string; name: string };
  timeoutMs: number;
  maxRetries: number;
  /** The document library for reports; unset = reports are refused with REPORTS.NOT_CONFIGURED. */
  reportsDriveId?: string;
  /** The Teams app catalog id to install for people the bot has no 1:1 chat with (absent: none installed). */
  teamsAppId?: string;
  /**
   * The calling bot that removes someone from the meeting (CALLS_REMOVE_ENABLED): needs application
   * Calls.JoinGroupCall.All and the tenant's AllowRemoveParticipantAppIds. Off: the chair is told how.
   */
  calls?: { removeEnabled: boolean; callbackUrl?: string };
}

/** The app registration's settings: required in production, refused in local mode (loadConfig). */
const PRODUCTION_GRAPH = ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_MAIL_SENDER'] as const;

function checkProduction(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  for (const name of PRODUCTION_GRAPH) {
    if (e[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is required outside local mode' });
  }
  const cert = e.GRAPH_CERT_PRIVATE_KEY_FILE !== undefined || e.GRAPH_CERT_THUMBPRINT_SHA256 !== undefined;
  if (e.GRAPH_CLIENT_SECRET === undefined && !cert) {
    ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_SECRET'], message: 'or GRAPH_CERT_PRIVATE_KEY_FILE + GRAPH_CERT_THUMBPRINT_SHA256 is required outside local mode' });
  }
  // Tokens and case data cross these: plain http only to this machine (a test's identity provider).
  for (const name of ['GRAPH_BASE_URL', 'GRAPH_AUTHORITY_HOST'] as const) {
    const url = e[name];
    if (url !== undefined && !isSecureEndpointUrl(url)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'must be an https:// URL outside local mode (http:// only for a loopback host)' });
    }
  }
}

function checkCredential(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  if ((e.GRAPH_CERT_PRIVATE_KEY_FILE === undefined) !== (e.GRAPH_CERT_THUMBPRINT_SHA256 === undefined)) {
    const missing = e.GRAPH_CERT_PRIVATE_KEY_FILE === undefined ? 'GRAPH_CERT_PRIVATE_KEY_FILE' : 'GRAPH_CERT_THUMBPRINT_SHA256';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'is required with the other certificate setting' });
  }
  if (e.GRAPH_CLIENT_SECRET !== undefined && e.GRAPH_CERT_PRIVATE_KEY_FILE !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_SECRET'], message: 'give a secret or a certificate, not both' });
  }
}

export const graphConfigSchema = envSchema.superRefine(checkCredential);
const productionSchema = envSchema.superRefine(checkProduction).superRefine(checkCredential);

/** Throws a ZodError whose first issue names the variable at fault. */
export function readGraphConfig(env: Record<string, string | undefined>, target: GraphMode): GraphConfig {
  const local = target.mode === 'local' ? target.sandbox : null;
  const e = (local ? graphConfigSchema : productionSchema).parse(env);
  const baseUrl = (e.GRAPH_BASE_URL ?? (local ? `${local.origin}/v1.0` : 'https://graph.microsoft.com/v1.0')).replace(/\/+$/, '');
  const graphOrigin = new URL(baseUrl).origin;
  const authorityHost = (e.GRAPH_AUTHORITY_HOST ?? (local ? graphOrigin : 'https://login.microsoftonline.com')).replace(/\/+$/, '');
  const loopback = authorityHost.startsWith('https://') && isLoopbackUrl(authorityHost);
  const credential: GraphConfig['credential'] =
    e.GRAPH_CERT_PRIVATE_KEY_FILE && e.GRAPH_CERT_THUMBPRINT_SHA256
      ? { kind: 'certificate', privateKeyFile: e.GRAPH_CERT_PRIVATE_KEY_FILE, thumbprintSha256: e.GRAPH_CERT_THUMBPRINT_SHA256.toLowerCase(), ...(e.GRAPH_CERT_X5C_FILE ? { x5cFile: e.GRAPH_CERT_X5C_FILE } : {}) }
      : { kind: 'secret', secret: e.GRAPH_CLIENT_SECRET ?? local?.clientSecret ?? '' };
  // The sandbox writes its certificate there (relative to the working directory).
  const caFile = e.GRAPH_CA_FILE ?? (local && loopback ? resolve(local.caFile) : undefined);
  return {
    localMode: local !== null,
    baseUrl,
    authorityHost,
    tenantId: e.GRAPH_TENANT_ID ?? local?.tenantId ?? '',
    clientId: e.GRAPH_CLIENT_ID ?? local?.clientId ?? '',
    credential,
    // The sandbox issues Graph-audience tokens like Entra; a sovereign Graph host is its own resource.
    scope: e.GRAPH_SCOPE ?? (loopback ? 'https://graph.microsoft.com/.default' : `${graphOrigin}/.default`),
    offlineAuthorityMetadata: e.GRAPH_OFFLINE_AUTHORITY_METADATA ?? loopback,
    ...(caFile ? { caFile } : {}),
    mailSender: { email: e.GRAPH_MAIL_SENDER ?? local?.mailSender ?? '', name: e.GRAPH_MAIL_SENDER_NAME ?? 'Child protection conference team' },
    timeoutMs: e.GRAPH_TIMEOUT_MS ?? 30_000,
    maxRetries: e.GRAPH_MAX_RETRIES ?? 3,
    ...((e.REPORTS_DRIVE_ID ?? local?.reportsDriveId) ? { reportsDriveId: e.REPORTS_DRIVE_ID ?? local?.reportsDriveId } : {}),
    calls: { removeEnabled: e.CALLS_REMOVE_ENABLED ?? false, ...(e.CALLS_CALLBACK_URL ? { callbackUrl: e.CALLS_CALLBACK_URL } : {}) },
    ...((e.GRAPH_TEAMS_APP_ID ?? local?.teamsAppId) ? { teamsAppId: (e.GRAPH_TEAMS_APP_ID ?? local?.teamsAppId)!.toLowerCase() } : {}),
  };
}
