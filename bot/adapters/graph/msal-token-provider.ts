// App-only tokens for Graph from msal-node's ConfidentialClientApplication (client secret or
// certificate), with msal's in-memory token cache. For a local authority (the sandbox) the
// OpenID and cloud-discovery metadata are built here, so msal sends no discovery request.
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type Configuration, type INetworkModule, LogLevel, type NetworkResponse } from '@azure/msal-node';
import type { GraphConfig } from '../../config/graph-config';
import { type Transport, TransportError } from './https-transport';

export interface TokenProvider {
  getToken(): Promise<string>;
}

export class GraphAuthError extends Error {
  readonly code = 'GRAPH.AUTH_FAILED';
  constructor(message: string, readonly aadError?: string) {
    super(message);
    this.name = 'GraphAuthError';
  }
}

type AuthSettings = Pick<GraphConfig, 'authorityHost' | 'tenantId' | 'clientId' | 'credential' | 'scope' | 'offlineAuthorityMetadata'> & { maxRetries?: number };

/** The OpenID configuration the identity platform publishes for `{authorityHost}/{tenant}`. */
export function authorityMetadataFor(authorityHost: string, tenantId: string): string {
  const base = `${authorityHost}/${tenantId}`;
  return JSON.stringify({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    issuer: `${base}/v2.0`,
  });
}

export function cloudDiscoveryMetadataFor(authorityHost: string, tenantId: string): string {
  const host = new URL(authorityHost).host;
  return JSON.stringify({
    tenant_discovery_endpoint: `${authorityHost}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

/**
 * msal's network client on our transport (trusts the configured CA; counted like Graph calls).
 * A token request whose answer is lost (reset, timeout) is simply asked again: a client-
 * credentials grant has no effect beyond the token it returns, so repeating it is harmless.
 */
export function msalNetworkClient(transport: Transport, retries = 3): INetworkModule {
  const send = async (method: string, url: string, headers: Record<string, string>, body: string | undefined) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await transport.send(method, url, headers, body);
      } catch (err) {
        if (!(err instanceof TransportError) || attempt >= retries) throw err;
      }
    }
  };
  const call = async <T>(method: string, url: string, options?: { headers?: Record<string, string>; body?: string }): Promise<NetworkResponse<T>> => {
    const res = await send(method, url, options?.headers ?? {}, options?.body);
    let body: unknown = {};
    try {
      body = res.body === '' ? {} : JSON.parse(res.body);
    } catch {
      body = {};
    }
    return { status: res.status, headers: res.headers, body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

export function createMsalApplication(settings: AuthSettings, transport: Transport): ConfidentialClientApplication {
  const authority = `${settings.authorityHost}/${settings.tenantId}`;
  const credential =
    settings.credential.kind === 'secret'
      ? { clientSecret: settings.credential.secret }
      : {
          clientCertificate: {
            thumbprintSha256: settings.credential.thumbprintSha256,
            privateKey: readFileSync(settings.credential.privateKeyFile, 'utf8'),
            ...(settings.credential.x5cFile ? { x5c: readFileSync(settings.credential.x5cFile, 'utf8') } : {}),
          },
        };
  const config: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority,
      ...credential,
      ...(settings.offlineAuthorityMetadata
        ? {
            knownAuthorities: [new URL(settings.authorityHost).host],
            authorityMetadata: authorityMetadataFor(settings.authorityHost, settings.tenantId),
            cloudDiscoveryMetadata: cloudDiscoveryMetadataFor(settings.authorityHost, settings.tenantId),
          }
        : {}),
    },
    system: {
      networkClient: msalNetworkClient(transport, settings.maxRetries ?? 3),
      // msal's own logger would print PII-free lines only at Error; keep it quiet otherwise.
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
  return new ConfidentialClientApplication(config);
}

/** Tokens from msal's cache until they near expiry (msal refreshes 5 minutes early). */
export function createTokenProvider(settings: AuthSettings, transport: Transport): TokenProvider {
  const app = createMsalApplication(settings, transport);
  return {
    async getToken() {
      try {
        const result = await app.acquireTokenByClientCredential({ scopes: [settings.scope] });
        if (!result?.accessToken) throw new GraphAuthError('the identity platform returned no access token');
        return result.accessToken;
      } catch (err) {
        if (err instanceof GraphAuthError) throw err;
        const e = err as { errorCode?: string; message?: string };
        throw new GraphAuthError(`token request failed: ${e.errorCode ?? 'unknown'}`, e.errorCode);
      }
    },
  };
}
