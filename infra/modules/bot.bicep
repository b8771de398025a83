// The Azure Bot: registers the single-tenant Entra app as a bot, points Teams at the web app's
// messaging endpoint (bot/adapters/http/http-server.ts: POST /api/messages) and enables the
// Microsoft Teams channel. Calling (the bot that removes someone from a meeting,
// CALLS_REMOVE_ENABLED) adds the calling webhook POST /api/calls (calls-callback.ts).

param name string
param displayName string
param tags object

@allowed(['F0', 'S1'])
param sku string

param botAppId string
param tenantId string
param hostName string

@allowed(['true', 'false'])
param callsRemoveEnabled string

var callingEnabled = callsRemoveEnabled == 'true'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      enableCalling: callingEnabled
      callingWebhook: callingEnabled ? 'https://${hostName}/api/calls' : null
    }
  }
}

output name string = bot.name
output messagingEndpoint string = bot.properties.endpoint
