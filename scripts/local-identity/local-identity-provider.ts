// A local identity provider on loopback standing in for the Bot Framework's: an OpenID
// configuration and JWKS (what the bot validates inbound tokens with) and a client-credentials
// token endpoint (what the bot gets its outbound token from). Tokens are signed with jose.
// Used by the JWT tests (test/auth) and by `npm run bench:bot`'s production configuration.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TokenRequestRecord {
  path: string;
  form: Record<string, string>;
}

export interface LocalIdentityProvider {
  url: string;
  issuer: string;
  openIdMetadataUrl: string;
  kid: string;
  /** Signs a channel→bot token with the published key (claims override the defaults). */
  sign(claims: Record<string, unknown>, options?: { kid?: string; alg?: string; key?: PrivateKey }): Promise<string>;
  /** A key pair the provider does not publish. */
  strangerKey: PrivateKey;
  tokenRequests: TokenRequestRecord[];
  /** The access token the token endpoint hands the bot. */
  issuedAccessToken: string;
  close(): Promise<void>;
}

export async function startLocalIdentityProvider(options: { clientId: string; clientSecret: string }): Promise<LocalIdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  const kid = 'local-key-1';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const tokenRequests: TokenRequestRecord[] = [];
  const issuedAccessToken = 'local-outbound-access-token-0001';
  let url = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method === 'GET' && path === '/.well-known/openidconfiguration') {
        return json(200, { issuer: `${url}/issuer`, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      }
      // Teams' keys carry endorsements naming the channels they may sign for.
      if (req.method === 'GET' && path === '/keys') return json(200, { keys: [{ ...jwk, endorsements: ['msteams'] }] });
      if (req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')) {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        tokenRequests.push({ path, form });
        if (form.grant_type !== 'client_credentials' || form.client_id !== options.clientId || form.client_secret !== options.clientSecret) {
          return json(401, { error: 'invalid_client' });
        }
        return json(200, { token_type: 'Bearer', expires_in: 3600, access_token: issuedAccessToken });
      }
      return json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}/issuer`;

  return {
    url,
    issuer,
    openIdMetadataUrl: `${url}/.well-known/openidconfiguration`,
    kid,
    strangerKey: stranger.privateKey,
    tokenRequests,
    issuedAccessToken,
    async sign(claims, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      const { iss, aud, exp, nbf, iat, ...rest } = { iss: issuer, iat: now, nbf: now - 60, exp: now + 3600, ...claims } as Record<string, unknown>;
      const jwt = new SignJWT(rest).setProtectedHeader({ alg: o.alg ?? 'RS256', kid: o.kid ?? kid, typ: 'JWT' });
      if (typeof iss === 'string') jwt.setIssuer(iss);
      if (typeof aud === 'string') jwt.setAudience(aud);
      if (typeof iat === 'number') jwt.setIssuedAt(iat);
      if (typeof nbf === 'number') jwt.setNotBefore(nbf);
      if (typeof exp === 'number') jwt.setExpirationTime(exp);
      return jwt.sign(o.key ?? privateKey);
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
