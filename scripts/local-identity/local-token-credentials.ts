// Outbound credentials for tests and bench:bot: botbuilder hands us the configured ToChannelFromBotLoginUrl and
// ToChannelFromBotOAuthScope and we fetch a client-credentials token from that endpoint. (The
// production path, MSAL, insists on an https authority, so it cannot point at a plain-http
// loopback server; everything else — which endpoint, which scope, which app — is botbuilder's.)
import { AppCredentials, PasswordServiceClientCredentialFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';

class LocalTokenAppCredentials extends AppCredentials {
  constructor(appId: string, private readonly secret: string, private readonly loginEndpoint: string, scope: string) {
    super(appId, undefined, scope);
  }

  protected async refreshToken(): Promise<{ accessToken: string; expiresOn: Date }> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const res = await fetch(`${this.loginEndpoint}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.appId, client_secret: this.secret, scope }).toString(),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    return { accessToken: body.access_token, expiresOn: new Date(Date.now() + body.expires_in * 1000) };
  }
}

export class LocalTokenCredentialsFactory extends PasswordServiceClientCredentialFactory implements ServiceClientCredentialsFactory {
  constructor(appId: string, private readonly secret: string, tenantId: string) {
    super(appId, secret, tenantId);
  }

  override async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string): Promise<AppCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new LocalTokenAppCredentials(appId, this.secret, loginEndpoint, audience ?? '');
  }
}
