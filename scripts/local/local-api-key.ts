// The local API's signing key, made afresh each time the launcher (or a test) loads this module:
// POST /api/v1/dev/sign-in signs with it, and the bot validates its tokens with the public half
// through the same code path as Entra's. Nothing is written to disk; a restart signs everyone out.
import { generateKeyPairSync, type JsonWebKey, randomUUID } from 'node:crypto';
import type { LocalApiKey } from '../../bot/config/api-config';

/** `tenantId`: the tenant the dev tokens name (the Graph sandbox's). */
export function makeLocalApiKey(tenantId: string): LocalApiKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `local-${randomUUID()}`;
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } as JsonWebKey;
  return {
    jwks: { keys: [publicJwk] },
    privateJwk: privateKey.export({ format: 'jwk' }) as JsonWebKey,
    kid,
    alg: 'ES256',
    issuer: 'urn:cpc:local-dev-sign-in',
    audience: 'api://cpc-local',
    tenantId,
  };
}
