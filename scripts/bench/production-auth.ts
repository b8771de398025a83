// The benchmark's side of the production configuration: a local identity provider (OpenID
// metadata, JWKS, token endpoint), the production settings that point the product at it, a
// signed channel→bot token per load phase, and a check that the guards are really on.
import { randomBytes } from 'node:crypto';
import { type LocalIdentityProvider, startLocalIdentityProvider } from '../local-identity/local-identity-provider';
import { BENCH_TENANT_ID, benchActivity } from './load';

/** Invented app registration; the secret is checked by the local token endpoint only. */
export const BENCH_APP = {
  appId: 'b3e0c0de-0000-4000-8000-00000000be01',
  secret: 'bench-app-secret-not-real',
  tenantId: BENCH_TENANT_ID,
  scope: 'https://api.botframework.com',
} as const;
const OTHER_TENANT = '5f0c5bde-0000-4000-8000-00000000be0d';

export interface ProductionAuth {
  /** Settings for the production bot's child process (on top of the bench's base env). */
  env: Record<string, string>;
  /** A valid channel→bot token for activities whose serviceUrl is `serviceUrl`. */
  token(serviceUrl: string): Promise<string>;
  close(): Promise<void>;
}

/** The production settings, with botbuilder's endpoints at a local provider (loopback http). */
export function productionEnv(idp: Pick<LocalIdentityProvider, 'url' | 'issuer' | 'openIdMetadataUrl'>): Record<string, string> {
  return {
    MicrosoftAppId: BENCH_APP.appId,
    MicrosoftAppPassword: BENCH_APP.secret,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: BENCH_APP.tenantId,
    ALLOWED_TENANT_IDS: BENCH_TENANT_ID, PUBLIC_BASE_URL: 'https://cpc.council.example',
    ToBotFromChannelOpenIdMetadataUrl: idp.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: idp.issuer,
    ToChannelFromBotLoginUrl: `${idp.url}/${BENCH_APP.tenantId}`,
    ToChannelFromBotOAuthScope: BENCH_APP.scope,
    // Required outside local mode; the measured turns never call Graph.
    GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
    GRAPH_TENANT_ID: BENCH_APP.tenantId,
    GRAPH_CLIENT_ID: BENCH_APP.appId,
    GRAPH_CLIENT_SECRET: 'bench-graph-secret-not-real',
    GRAPH_MAIL_SENDER: 'conference-team@bench.example',
    // A throwaway audit key (production reads it from Key Vault); 32 random bytes per run.
    AUDIT_HMAC_KEY: `hex:${randomBytes(32).toString('hex')}`,
    HOST: '127.0.0.1',
    PLAYGROUND: '0',
  };
}

export async function startProductionAuth(): Promise<ProductionAuth> {
  const idp = await startLocalIdentityProvider({ clientId: BENCH_APP.appId, clientSecret: BENCH_APP.secret });
  return {
    env: productionEnv(idp),
    token: (serviceUrl) => idp.sign({ aud: BENCH_APP.appId, serviceurl: serviceUrl }),
    close: () => idp.close(),
  };
}

/**
 * Before measuring: no token → 401, a valid token from a tenant not allowed → 403, a valid token
 * → 200. Throws BENCH.GUARDS_OFF otherwise, so a run can never report production figures for a
 * bot that skipped its checks.
 */
export async function checkProductionGuards(botUrl: string, serviceUrl: string, token: string): Promise<void> {
  const post = async (activity: Record<string, unknown>, authorization?: string) => {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const own = benchActivity('message', serviceUrl, 'help', 0);
  const stranger = {
    ...benchActivity('message', serviceUrl, 'help', 0),
    conversation: { id: 'a:bench-conversation-stranger', conversationType: 'personal', tenantId: OTHER_TENANT },
    channelData: { tenant: { id: OTHER_TENANT } },
  };
  const got = [await post(own), await post(stranger, `Bearer ${token}`), await post(own, `Bearer ${token}`)];
  if (got.join() !== '401,403,200') {
    throw new Error(`BENCH.GUARDS_OFF: expected 401 (no token), 403 (tenant not allowed), 200 (valid token); got ${got.join(', ')}`);
  }
}
