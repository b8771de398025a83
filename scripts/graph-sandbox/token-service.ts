// The identity-platform side: the client-credentials token endpoint (secret or certificate
// assertion), its AADSTS errors, and verification of the bearer token on every Graph call.
import { createHash, createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync, type KeyObject, randomUUID, X509Certificate } from 'node:crypto';
import { aadError, unauthorized } from './graph-errors';
import type { SandboxStore } from './sandbox-store';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LIFETIME_SECONDS = 3599;

export const DEFAULT_ROLES = ['Calendars.ReadWrite', 'OnlineMeetings.ReadWrite.All', 'Mail.Send', 'Calls.JoinGroupCall.All', 'User.ReadBasic.All', 'Sites.Selected', 'TeamsAppInstallation.ReadWriteSelfForUser.All'];

export interface SandboxClient {
  clientId: string;
  clientSecret?: string;
  /** PEM certificate (or public key) whose private key signs client_assertion JWTs. */
  certificatePem?: string;
  roles?: string[];
}

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  oid: string;
  roles: string[];
  exp: number;
  nbf: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signed: string; signature: Buffer } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')),
      payload: JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')),
      signed: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2]!, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

export type TokenResult = { status: number; body: Record<string, unknown> };

export class TokenService {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    private readonly kid: string,
    readonly tenantId: string,
    private readonly clients: SandboxClient[],
    private readonly now: () => Date,
  ) {}

  /** Loads the signing key from the database (made on first start) so tokens outlive a restart. */
  static async open(store: SandboxStore, tenantId: string, clients: SandboxClient[], now: () => Date): Promise<TokenService> {
    let pem = await store.getSetting('signing-key');
    if (!pem) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      pem = await store.putSettingIfAbsent('signing-key', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    }
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 27);
    return new TokenService(privateKey, publicKey, kid, tenantId, clients, now);
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [{ ...publicJwk(this.publicKey), kid: this.kid, use: 'sig', alg: 'RS256' }] };
  }

  /** POST /{tenant}/oauth2/v2.0/token */
  issue(tenant: string, form: URLSearchParams, tokenUrl: string): TokenResult {
    const now = this.now();
    const trace = randomUUID();
    const correlation = form.get('client-request-id') ?? randomUUID();
    const err = (status: number, error: string, code: number, text: string) => aadError(status, error, code, text, now, trace, correlation);
    if (tenant.toLowerCase() !== this.tenantId.toLowerCase()) {
      return err(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return err(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    }
    const clientId = form.get('client_id') ?? '';
    const client = this.clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
    if (!client) {
      return err(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant.`,
      );
    }
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (client.clientSecret === undefined || secret !== client.clientSecret) {
        return err(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
        );
      }
    } else if (assertion !== null) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE || !this.assertionValid(client, assertion, tokenUrl, now)) {
        return err(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
      }
    } else {
      return err(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const resources = (form.get('scope') ?? '').split(' ').filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
    const resource = resources.length === 1 && resources[0]!.endsWith('/.default') ? resources[0]!.slice(0, -'/.default'.length) : undefined;
    if (!resource) {
      return err(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const aud = resource === GRAPH_APP_ID ? GRAPH_AUDIENCE : resource;
    const iat = Math.floor(now.getTime() / 1000);
    const claims = {
      aud,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      iat,
      nbf: iat,
      exp: iat + LIFETIME_SECONDS,
      app_displayname: 'sandbox client',
      appid: client.clientId,
      appidacr: secret !== null ? '1' : '2',
      idp: `https://sts.windows.net/${this.tenantId}/`,
      idtyp: 'app',
      oid: uuidFrom(`sp:${client.clientId}`),
      roles: client.roles ?? DEFAULT_ROLES,
      sub: uuidFrom(`sp:${client.clientId}`),
      tid: this.tenantId,
      uti: b64url(randomUUID()).slice(0, 22),
      ver: '1.0',
    };
    return { status: 200, body: { token_type: 'Bearer', expires_in: LIFETIME_SECONDS, ext_expires_in: LIFETIME_SECONDS, access_token: this.sign(claims) } };
  }

  private sign(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.kid }));
    const body = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(this.privateKey);
    return `${header}.${body}.${b64url(signature)}`;
  }

  private assertionValid(client: SandboxClient, assertion: string, tokenUrl: string, now: Date): boolean {
    if (!client.certificatePem) return false;
    const jwt = decodeJwt(assertion);
    if (!jwt) return false;
    const key = client.certificatePem.includes('CERTIFICATE') ? new X509Certificate(client.certificatePem).publicKey : createPublicKey(client.certificatePem);
    const alg = jwt.header.alg;
    const verifier = createVerify('RSA-SHA256').update(jwt.signed);
    const ok =
      alg === 'RS256'
        ? verifier.verify(key, jwt.signature)
        : alg === 'PS256'
          ? verifier.verify({ key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }, jwt.signature)
          : false;
    const p = jwt.payload;
    const seconds = now.getTime() / 1000;
    return (
      ok &&
      p.iss === client.clientId &&
      p.sub === client.clientId &&
      typeof p.exp === 'number' &&
      p.exp > seconds &&
      (p.aud === tokenUrl || (Array.isArray(p.aud) && p.aud.includes(tokenUrl)))
    );
  }

  /** Verifies `Authorization: Bearer …` for a Graph call; throws Graph's 401. */
  verify(authorization: string | undefined): AccessTokenClaims {
    const m = /^Bearer\s+(.*)$/i.exec(authorization ?? '');
    const token = m?.[1]?.trim() ?? '';
    if (!token) throw unauthorized('Access token is empty.');
    const jwt = decodeJwt(token);
    if (!jwt) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
    const ok = jwt.header.alg === 'RS256' && createVerify('RSA-SHA256').update(jwt.signed).verify(this.publicKey, jwt.signature);
    if (!ok) throw unauthorized('Access token validation failure.');
    const p = jwt.payload as Partial<AccessTokenClaims>;
    if (p.aud !== GRAPH_AUDIENCE && p.aud !== GRAPH_APP_ID) throw unauthorized('Access token validation failure. Invalid audience.');
    if (typeof p.exp !== 'number' || p.exp * 1000 <= this.now().getTime()) throw unauthorized('Lifetime validation failed, the token is expired.');
    if (p.tid !== this.tenantId) throw unauthorized('Access token validation failure. Invalid issuer.');
    return p as AccessTokenClaims;
  }

  openidConfiguration(origin: string): Record<string, unknown> {
    const t = this.tenantId;
    return {
      token_endpoint: `${origin}/${t}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${origin}/${t}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${t}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${origin}/oidc/userinfo`,
      authorization_endpoint: `${origin}/${t}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${origin}/${t}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${origin}/${t}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'roles'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: new URL(origin).host,
    };
  }

  cloudDiscovery(origin: string): Record<string, unknown> {
    const host = new URL(origin).host;
    return {
      tenant_discovery_endpoint: `${origin}/${this.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    };
  }
}

function publicJwk(key: KeyObject): Record<string, unknown> {
  const jwk = key.export({ format: 'jwk' });
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}

/** A stable UUID-shaped id derived from a string (object ids of sandbox principals and users). */
export function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
