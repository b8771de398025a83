// Validates the API's bearer tokens: signature against the configured key set (the tenant's
// JWKS in production, the launcher's key in local mode: one code path), issuer, audience,
// expiry, then `tid` in ALLOWED_TENANT_IDS and an object-id-shaped `oid`. Answers codes only.
import { createLocalJWKSet, createRemoteJWKSet, errors, type JWK, type JWTPayload, jwtVerify } from 'jose';
import { type Caller, entraIdSchema } from '../../../app/api/caller.schema';
import type { TransportErrorCode } from '../../../app/errors/error-codes';
import type { ApiAuthConfig } from '../../../config/api-config';

export type BearerResult =
  | { ok: true; caller: Caller }
  | { ok: false; code: Extract<TransportErrorCode, 'AUTH.UNAUTHORIZED' | 'AUTH.UNAVAILABLE' | 'TENANT.NOT_ALLOWED'>; message: string };

export type BearerVerifier = (authorization: string | undefined) => Promise<BearerResult>;

/** The token's fault (401). Anything else from jose (keys unreachable, timeouts) is our outage (503). */
const TOKEN_FAULTS: readonly (new (...args: never[]) => Error)[] = [
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
];

const unauthorized = (message: string): BearerResult => ({ ok: false, code: 'AUTH.UNAUTHORIZED', message });

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? value.split(' ').filter((s) => s !== '') : [];
}

/** `allowedTenantIds` empty (local mode only) accepts any tenant the trusted key signed for. */
/** `now`: the service's clock (the dev token issuer signs with it too, so tests on a set clock agree). */
export function createBearerVerifier(config: ApiAuthConfig, allowedTenantIds: readonly string[], now: () => Date = () => new Date()): BearerVerifier {
  const keys =
    config.keys.kind === 'remote'
      ? createRemoteJWKSet(new URL(config.keys.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 })
      : createLocalJWKSet({ keys: config.keys.jwks.keys as JWK[] });
  const allowed = new Set(allowedTenantIds.map((t) => t.toLowerCase()));

  return async (authorization) => {
    const match = /^Bearer[ ]+([A-Za-z0-9\-_.]+)\s*$/i.exec(authorization ?? '');
    if (!match) return unauthorized('A bearer token is required (Authorization: Bearer <token>).');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, {
        issuer: config.issuer,
        audience: config.audiences,
        algorithms: config.algorithms,
        requiredClaims: ['exp', 'tid', 'oid'],
        clockTolerance: 60,
        currentDate: now(),
      }));
    } catch (err) {
      if (TOKEN_FAULTS.some((Fault) => err instanceof Fault)) return unauthorized('The bearer token is not valid for this API.');
      return { ok: false, code: 'AUTH.UNAVAILABLE', message: 'The signing keys could not be fetched; try again shortly.' };
    }
    const tid = entraIdSchema.safeParse(payload.tid);
    const oid = entraIdSchema.safeParse(payload.oid);
    if (!tid.success || !oid.success) return unauthorized('The bearer token does not name a tenant and an object id.');
    if (allowed.size > 0 && !allowed.has(tid.data.toLowerCase())) {
      return { ok: false, code: 'TENANT.NOT_ALLOWED', message: 'The token is for a tenant this deployment does not serve.' };
    }
    return { ok: true, caller: { objectId: oid.data, tenantId: tid.data, roles: stringList(payload.roles), scopes: stringList(payload.scp) } };
  };
}
