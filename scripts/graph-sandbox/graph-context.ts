// What every Graph route handler receives and returns, and the checks they share.
import { GraphError } from './graph-errors';
import type { SandboxStore } from './sandbox-store';
import { type AccessTokenClaims, uuidFrom } from './token-service';

export interface GraphRequest {
  method: string;
  /** Path segments after /v1.0, URL-decoded. */
  segments: string[];
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  claims: AccessTokenClaims;
  /** True inside a $batch. */
  inBatch: boolean;
  /** The body as received (drive content uploads are binary, not JSON). */
  raw?: Buffer;
}

export interface GraphReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface OrganizerConfig {
  id: string;
  mail?: string;
  displayName?: string;
  accessPolicy: boolean;
}

export interface SandboxEnv {
  store: SandboxStore;
  /** Runs fn in one database transaction with a store bound to it (an effect is all or nothing). */
  transaction<T>(fn: (store: SandboxStore) => Promise<T>): Promise<T>;
  tenantId: string;
  /** e.g. https://127.0.0.1:5443/v1.0 — used in @odata.context and Location. */
  graphUrl: string;
  organizers: OrganizerConfig[] | undefined;
  now: () => Date;
  /** SharePoint document libraries served under /drives/{id} (drive.route.ts). */
  drives: SandboxDrive[];
}

export interface SandboxDrive {
  id: string;
  name?: string;
  /** Sites.Selected: the client ids granted access to the drive's site (POST /sites/{id}/permissions). */
  selectedApps?: string[];
}

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function preferences(headers: Record<string, string>): { includeUnknownEnumMembers: boolean; outlookTimeZone?: string } {
  const prefer = headers.prefer ?? '';
  const tz = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer)?.[1];
  return { includeUnknownEnumMembers: /(^|[\s,])include-unknown-enum-members($|[\s,;])/i.test(prefer), outlookTimeZone: tz };
}

/** A role the app token must carry; Outlook and Teams phrase the 403 differently. */
export function requireRole(req: GraphRequest, anyOf: string[], workload: 'outlook' | 'teams'): void {
  const roles = Array.isArray(req.claims.roles) ? req.claims.roles : [];
  if (anyOf.some((r) => roles.includes(r))) return;
  if (workload === 'outlook') throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  throw new GraphError(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${anyOf.join(', ')}'. Roles on the request '${roles.join(', ')}'.`,
  );
}

export interface SandboxUser {
  key: string;
  oid: string;
  mail: string;
  displayName: string;
  accessPolicy: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any user id or UPN resolves; organizers configured with a mail address resolve by either. */
export function resolveUser(env: SandboxEnv, idOrUpn: string): SandboxUser {
  const key = idOrUpn.toLowerCase();
  const configured = env.organizers?.find((o) => o.id.toLowerCase() === key || o.mail?.toLowerCase() === key);
  const canonical = configured ? configured.id.toLowerCase() : key;
  const oid = GUID.test(canonical) ? canonical : uuidFrom(`user:${canonical}`);
  const mail = (configured?.mail ?? (canonical.includes('@') ? canonical : `${canonical}@sandbox.invalid`)).toLowerCase();
  return {
    key: canonical,
    oid,
    mail,
    displayName: configured?.displayName ?? mail.split('@')[0]!,
    accessPolicy: env.organizers === undefined ? true : (configured?.accessPolicy ?? false),
  };
}

/** The optional Teams rule: app-only onlineMeetings calls need an application access policy for the user. */
export function requireAccessPolicy(user: SandboxUser, req: GraphRequest, action: string): void {
  if (user.accessPolicy) return;
  throw new GraphError(403, 'Forbidden', `App ${req.claims.appid} is not authorized to ${action} meeting on behalf of user ${user.oid}.`);
}

/**
 * Action parameters (sendMail, cancel): OData matches them case-insensitively (Graph's own samples
 * send "Comment"); returns the body with canonical names, refusing any other parameter.
 */
export function actionParameters(body: Record<string, unknown>, allowed: string[], action: string, code: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const canonical = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    if (!canonical) {
      throw new GraphError(400, code, `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`);
    }
    out[canonical] = value;
  }
  return out;
}

export function requireObjectBody(body: unknown, code: string): Record<string, unknown> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphError(400, code, 'Empty Payload. JSON content expected.');
  }
  return body as Record<string, unknown>;
}

export const isEmail = (v: unknown): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
