// Settings of the API's bearer authentication (/api/v1). Production validates Entra access
// tokens for the app against the tenant's published keys; local mode validates tokens the local
// launcher's key signed (POST /api/v1/dev/sign-in), through the same verifier.
import type { JsonWebKey } from 'node:crypto';
import { z } from 'zod';
import { isSecureEndpointUrl } from './loopback';

/** What only the local launcher holds: a key pair made at start (scripts/local/local-api-key.ts). */
export interface LocalApiKey {
  /** The public key set the verifier trusts (one key). */
  jwks: { keys: JsonWebKey[] };
  /** Signs the dev sign-in tokens; never leaves the process. */
  privateJwk: JsonWebKey;
  kid: string;
  alg: 'ES256';
  issuer: string;
  audience: string;
  /** The tenant the dev tokens name (the Graph sandbox's). */
  tenantId: string;
}

export interface ApiAuthConfig {
  issuer: string;
  /** Any one of these is accepted as `aud`. */
  audiences: string[];
  algorithms: string[];
  keys: { kind: 'remote'; jwksUrl: string } | { kind: 'local'; jwks: { keys: JsonWebKey[] } };
  /** Local mode only; null = POST /api/v1/dev/sign-in does not exist. */
  devSignIn: LocalApiKey | null;
}

/** The settings below are production ones: local mode refuses them (PRODUCTION_ONLY_SETTINGS). */
export const API_AUTH_SETTINGS = ['API_AUDIENCE', 'API_TOKEN_ISSUER', 'API_JWKS_URL'] as const;

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
/** Keys and issuers decide who is let in: https, or plain http to this machine only (tests). */
const secureUrl = z
  .string()
  .url()
  .refine(isSecureEndpointUrl, 'must be an https:// URL (http:// only for a loopback host)');

const envSchema = z.object({
  API_AUDIENCE: opt(z.string().transform((s) => s.split(',').map((a) => a.trim()).filter((a) => a !== '')).pipe(z.array(z.string().min(1)).min(1))),
  API_TOKEN_ISSUER: opt(secureUrl),
  API_JWKS_URL: opt(secureUrl),
});

/** Throws a ZodError whose first issue's path names the variable (loadConfig turns it into a ConfigError). */
export function readApiAuthConfig(env: Record<string, string | undefined>, app: { appId: string; tenantId: string } | null, localKey: LocalApiKey | null): ApiAuthConfig {
  if (app === null) {
    if (localKey === null) throw new Error('local mode needs the launcher\'s API key');
    return { issuer: localKey.issuer, audiences: [localKey.audience], algorithms: [localKey.alg], keys: { kind: 'local', jwks: localKey.jwks }, devSignIn: localKey };
  }
  const e = envSchema.parse(env);
  // Public cloud, v2 tokens (the app registration's accessTokenAcceptedVersion: 2). A v2 token's
  // `aud` is the client id; one asked for by the Application ID URI may carry that instead.
  return {
    issuer: e.API_TOKEN_ISSUER ?? `https://login.microsoftonline.com/${app.tenantId}/v2.0`,
    audiences: e.API_AUDIENCE ?? [`api://${app.appId}`, app.appId],
    algorithms: ['RS256'],
    keys: { kind: 'remote', jwksUrl: e.API_JWKS_URL ?? `https://login.microsoftonline.com/${app.tenantId}/discovery/v2.0/keys` },
    devSignIn: null,
  };
}
