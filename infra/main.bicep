// The product in one resource group (docs/azure.md): network, PostgreSQL (private access),
// Key Vault with every secret, Log Analytics + Application Insights, the App Service web app and
// the Azure Bot with its Teams channel. Parameters per environment: parameters/<env>.bicepparam
// (az CLI) or parameters/m365agents.parameters.json (Microsoft 365 Agents Toolkit, m365agents.yml).

targetScope = 'resourceGroup'

@description('Short product name in every resource name')
@minLength(2)
@maxLength(8)
param baseName string

@description('Environment name: dev, test, prod…')
@minLength(2)
@maxLength(6)
param environmentName string

param location string = resourceGroup().location
param tags object = {}

// --- The Entra app (scripts/azure/entra-app.sh) ---

@description('Client id of the single-tenant Entra app: bot identity and Graph caller')
param botAppId string

@description('The council tenant')
param tenantId string = tenant().tenantId

@description('Tenants whose Teams may call the bot (comma-separated); by default the council tenant')
param allowedTenantIds string = tenantId

@secure()
@description('The Entra app client secret')
param botAppPassword string

// --- The product's settings ---

@secure()
@description('Audit chain key: openssl rand -base64 32')
param auditHmacKey string

@description('Mailbox family invitations are sent from (Mail.Send)')
param mailSender string

param mailSenderName string = 'Child protection conference team'

@description('SharePoint document library (drive id b!…) for reports; empty: reports refused')
param reportsDriveId string = ''

@description('The app id in the tenant app catalog, for proactive 1:1 installs; empty: none')
param teamsAppCatalogId string = ''

@allowed(['true', 'false'])
param callsRemoveEnabled string = 'false'

@description('Policy profile (bot/domain/policy): england, staffordshire, …')
param profile string = 'england'

@description('Conference data kept this many years after a case\'s last conference, then deleted by the daily retention job; off (the default) keeps it. At least 26 (docs/operations.md#retention): the council\'s records manager decides.')
param retentionConferenceYears string = 'off'

@description('Report files deleted from the library this many days after their access expired; off (the default) leaves it to the library\'s own retention policy.')
param retentionReportFileDays string = 'off'

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Custom domain once bound; empty: <app>.azurewebsites.net')
param publicHostName string = ''

// --- Sizing ---

param appServiceSku string = 'P1v3'

@minValue(1)
param appInstanceCount int = 2

@allowed(['F0', 'S1'])
param botSku string = 'S1'

param postgresVersion string = '17'
param postgresSkuName string = 'Standard_D2ds_v5'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'GeneralPurpose'

param postgresStorageGb int = 64
param postgresBackupRetentionDays int = 35
param postgresGeoRedundantBackup bool = false
param postgresHighAvailability bool = false
param logRetentionDays int = 90
param keyVaultPurgeProtection bool = true

// --- Database and roles (docs/storage.md "Database roles") ---

param postgresAdminLogin string = 'cpcadmin'

@secure()
param postgresAdminPassword string

param databaseName string = 'cpc'

@description('Schema owner, for migrations (DATABASE_MIGRATION_URL)')
param databaseOwnerLogin string = 'cpc_owner'

@secure()
param databaseOwnerPassword string

@description('The running bot, a member of cpc_service (DATABASE_URL)')
param databaseServiceLogin string = 'cpc_bot'

@secure()
param databaseServicePassword string

@description('Let the app migrate at start with the owner role; false: migrations are a deployment step')
param appRunsMigrations bool = true

// --- Network ---

param vnetAddressPrefix string = '10.40.0.0/16'
param appSubnetPrefix string = '10.40.1.0/24'
param databaseSubnetPrefix string = '10.40.2.0/24'

var suffix = take(uniqueString(resourceGroup().id, baseName, environmentName), 6)
var prefix = toLower('${baseName}-${environmentName}')
var allTags = union(tags, { product: 'cp-conference-bot', environment: environmentName })
var postgresServerName = '${prefix}-pg-${suffix}'

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: '${prefix}-vnet'
    location: location
    tags: allTags
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    databaseSubnetPrefix: databaseSubnetPrefix
    postgresDnsZoneName: '${postgresServerName}.private.postgres.database.azure.com'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${prefix}-logs'
    appInsightsName: '${prefix}-insights'
    location: location
    tags: allTags
    retentionDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: postgresServerName
    location: location
    tags: allTags
    version: postgresVersion
    skuName: postgresSkuName
    tier: postgresTier
    storageGb: postgresStorageGb
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    highAvailability: postgresHighAvailability
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    databaseName: databaseName
    delegatedSubnetId: network.outputs.databaseSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: take(toLower('${baseName}${environmentName}kv${suffix}'), 24)
    location: location
    tags: allTags
    purgeProtection: keyVaultPurgeProtection
    appInsightsName: monitoring.outputs.appInsightsName
    postgresHost: postgres.outputs.fqdn
    databaseName: postgres.outputs.databaseName
    databaseOwnerLogin: databaseOwnerLogin
    databaseServiceLogin: databaseServiceLogin
    botAppPassword: botAppPassword
    auditHmacKey: auditHmacKey
    postgresAdminPassword: postgresAdminPassword
    databaseOwnerPassword: databaseOwnerPassword
    databaseServicePassword: databaseServicePassword
  }
}

module webApp 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    planName: '${prefix}-plan'
    appName: '${prefix}-${suffix}'
    location: location
    tags: allTags
    skuName: appServiceSku
    instanceCount: appInstanceCount
    appSubnetId: network.outputs.appSubnetId
    keyVaultName: keyVault.outputs.name
    workspaceId: monitoring.outputs.workspaceId
    secretUris: keyVault.outputs.secretUris
    publicHostName: publicHostName
    botAppId: botAppId
    tenantId: tenantId
    allowedTenantIds: allowedTenantIds
    mailSender: mailSender
    mailSenderName: mailSenderName
    reportsDriveId: reportsDriveId
    teamsAppCatalogId: teamsAppCatalogId
    callsRemoveEnabled: callsRemoveEnabled
    profile: profile
    retentionConferenceYears: retentionConferenceYears
    retentionReportFileDays: retentionReportFileDays
    logLevel: logLevel
    appRunsMigrations: appRunsMigrations
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${prefix}-bot-${suffix}'
    displayName: 'Child protection conferences'
    tags: allTags
    sku: botSku
    botAppId: botAppId
    tenantId: tenantId
    hostName: webApp.outputs.hostName
    callsRemoveEnabled: callsRemoveEnabled
  }
}

// Written to env/.env.<env> by the Agents Toolkit (arm/deploy writes outputs by name).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output WEB_APP_NAME string = webApp.outputs.name
output BOT_DOMAIN string = webApp.outputs.hostName
output TAB_BASE_URL string = 'https://${webApp.outputs.hostName}'
output BOT_MESSAGING_ENDPOINT string = bot.outputs.messagingEndpoint
output KEY_VAULT_NAME string = keyVault.outputs.name
output POSTGRES_HOST string = postgres.outputs.fqdn
output POSTGRES_SERVER_NAME string = postgres.outputs.serverName
