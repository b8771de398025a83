// Local mode only: signs a token for a user id with the launcher's key, in the shape of an Entra
// access token (oid, tid, scp), so that the API's one verifier accepts it. Production has none.
import { importJWK, type JWK, SignJWT } from 'jose';
import type { DevSignInResponse } from '../../../app/api/dev-sign-in.schema';
import type { LocalApiKey } from '../../../config/api-config';

export type DevTokenIssuer = (userId: string) => Promise<DevSignInResponse>;

export const DEV_TOKEN_TTL_SECONDS = 3_600;

export function createDevTokenIssuer(key: LocalApiKey, now: () => Date): DevTokenIssuer {
  let signing: ReturnType<typeof importJWK> | undefined;
  return async (userId) => {
    signing ??= importJWK(key.privateJwk as JWK, key.alg);
    const iat = Math.floor(now().getTime() / 1000);
    const accessToken = await new SignJWT({ oid: userId, tid: key.tenantId, scp: 'access_as_user', roles: [] })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(key.issuer)
      .setAudience(key.audience)
      .setSubject(userId)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + DEV_TOKEN_TTL_SECONDS)
      .sign(await signing);
    return { accessToken, tokenType: 'Bearer', expiresIn: DEV_TOKEN_TTL_SECONDS };
  };
}
