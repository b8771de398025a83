// Bot Framework authentication exactly as botbuilder does it (JWT signature, issuer, audience =
// our app id, serviceUrl claim = activity.serviceUrl), configured from the validated Config.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../../config/load-config';

export type BotAuthConfig = Pick<Config, 'bot' | 'botEndpoints'>;

export function createBotAuthentication(
  config: BotAuthConfig,
  credentialsFactory?: ServiceClientCredentialsFactory,
): ConfigurationBotFrameworkAuthentication {
  const bot = config.bot;
  // No app id: botbuilder's credential factory reports authentication as disabled (local mode
  // only; loadConfig refuses a non-loopback HOST there).
  const options: Record<string, string> = bot
    ? {
        MicrosoftAppId: bot.appId,
        MicrosoftAppType: bot.appType,
        MicrosoftAppTenantId: bot.tenantId,
        ...(bot.password !== null ? { MicrosoftAppPassword: bot.password } : {}),
        ...(bot.certificate ? { CertificateThumbprint: bot.certificate.thumbprint, CertificatePrivateKey: bot.certificate.privateKey } : {}),
      }
    : {};
  if (config.botEndpoints) Object.assign(options, config.botEndpoints);
  return new ConfigurationBotFrameworkAuthentication(options, credentialsFactory);
}
