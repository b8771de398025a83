// App Service (Linux) running the bot: Node 24 LTS, a system-assigned managed identity, the
// readiness probe /readyz as health check, HTTPS only, always on, outbound traffic to the
// database through the virtual network. Its app settings are every setting bot/config reads in
// production (test/infra/bicep-settings.test.ts checks them against loadConfig); every secret
// among them is a Key Vault reference resolved by App Service with the app's identity.

param planName string
param appName string
param location string
param tags object
param skuName string

@minValue(1)
param instanceCount int

param appSubnetId string
param keyVaultName string
param workspaceId string

@description('Versionless secret URIs from key-vault.bicep')
param secretUris object

@description('Custom domain bound later (docs/azure.md); empty: the azurewebsites.net name')
param publicHostName string

param botAppId string
param tenantId string
param allowedTenantIds string
param mailSender string
param mailSenderName string
param reportsDriveId string
param teamsAppCatalogId string

@allowed(['true', 'false'])
param callsRemoveEnabled string

param profile string
param retentionConferenceYears string
param retentionReportFileDays string
param logLevel string

@description('Give the app the owner role too (DATABASE_MIGRATION_URL): it migrates at start')
param appRunsMigrations bool

// Built-in role "Key Vault Secrets User" (read secret values), the same id in every tenant.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

func kvRef(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Stateless service (docs/operations.md): no sticky sessions between instances.
    clientAffinityEnabled: false
    virtualNetworkSubnetId: appSubnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      // Node 20 is past its end of life (April 2026); the product targets Node 24 LTS (.nvmrc).
      linuxFxVersion: 'NODE|24-lts'
      // The production entry point; `npm start` is the local launcher and must never run here.
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Private (RFC 1918) traffic, the database's, goes through the network; Graph and the
      // Bot Framework are reached directly.
      vnetRouteAllEnabled: false
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var hostName = empty(publicHostName) ? site.properties.defaultHostName : publicHostName

// One line per setting, `NAME: value`: the settings test reads them from this text.
var appSettings = {
  // The bot's Entra app (bot/config/load-config.ts readBotCredentials)
  MicrosoftAppId: botAppId
  MicrosoftAppType: 'SingleTenant'
  MicrosoftAppTenantId: tenantId
  MicrosoftAppPassword: kvRef(secretUris.botAppPassword)
  ALLOWED_TENANT_IDS: allowedTenantIds
  PUBLIC_BASE_URL: 'https://${hostName}'
  PROFILE: profile
  // The council's retention policy (bot/config/retention-config.ts, docs/operations.md#retention)
  RETENTION_CONFERENCE_YEARS: retentionConferenceYears
  RETENTION_REPORT_FILE_DAYS: retentionReportFileDays
  LOG_LEVEL: logLevel
  // The audit chain's key (bot/config/audit-config.ts)
  AUDIT_HMAC_KEY: kvRef(secretUris.auditHmacKey)
  // The service role, member of cpc_service (docs/storage.md "Database roles")
  DATABASE_URL: kvRef(secretUris.databaseUrl)
  // Microsoft Graph: the same Entra app (bot/config/graph-config.ts)
  GRAPH_TENANT_ID: tenantId
  GRAPH_CLIENT_ID: botAppId
  GRAPH_CLIENT_SECRET: kvRef(secretUris.botAppPassword)
  GRAPH_MAIL_SENDER: mailSender
  GRAPH_MAIL_SENDER_NAME: mailSenderName
  // The SharePoint document library for reports (docs/reports.md); empty: reports refused
  REPORTS_DRIVE_ID: reportsDriveId
  GRAPH_TEAMS_APP_ID: teamsAppCatalogId
  CALLS_REMOVE_ENABLED: callsRemoveEnabled
  // OpenTelemetry export (optional in the product; present here)
  APPLICATIONINSIGHTS_CONNECTION_STRING: kvRef(secretUris.appInsightsConnectionString)
  // App Service itself: run the uploaded zip as it is, no build on the server
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

var migrationSettings = {
  // The schema owner, for migrations at start (bot/main.ts migrates on its own connection)
  DATABASE_MIGRATION_URL: kvRef(secretUris.databaseMigrationUrl)
}

// Applied after the role assignment, so the references resolve at the first start.
resource siteAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, appRunsMigrations ? migrationSettings : {})
  dependsOn: [
    secretsUser
  ]
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output name string = site.name
output hostName string = hostName
output principalId string = site.identity.principalId
