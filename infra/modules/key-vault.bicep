// Key Vault (RBAC authorisation) holding every secret the product uses. The web app reads them
// through Key Vault references in its app settings (web-app.bicep), as its managed identity with
// the Key Vault Secrets User role; nothing secret is ever an app setting value or an output.

param name string
param location string
param tags object
param purgeProtection bool

@description('Application Insights resource whose connection string is stored here')
param appInsightsName string

@description('FQDN of the PostgreSQL server (private access)')
param postgresHost string
param databaseName string
param databaseOwnerLogin string
param databaseServiceLogin string

@secure()
param botAppPassword string

@secure()
param auditHmacKey string

@secure()
param postgresAdminPassword string

@secure()
param databaseOwnerPassword string

@secure()
param databaseServicePassword string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once on it cannot be turned off; null leaves it off (dev vaults can then be purged).
    enablePurgeProtection: purgeProtection ? true : null
    // App Service resolves Key Vault references over the vault's public endpoint; access is by
    // RBAC only. A private endpoint is the further step (docs/azure.md).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// node-postgres checks the server certificate against the host name (verify-full).
func postgresUrl(login string, password string, host string, database string) string =>
  'postgres://${login}:${uriComponent(password)}@${host}:5432/${database}?sslmode=verify-full'

// The Entra app's client secret: the bot's Bot Framework password and its Graph credential (one
// app registration, docs/entra.md).
resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Entra client secret'
  }
}

// Keys the audit log's hash chain (bot/config/audit-config.ts): base64 or hex of 32+ random bytes.
resource auditHmacKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'audit-hmac-key'
  properties: {
    value: auditHmacKey
    contentType: 'base64 or hex, 32+ bytes'
  }
}

// For scripts/azure/db-roles.sh only: never an app setting.
resource postgresAdminPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdminPassword
    contentType: 'PostgreSQL server administrator password'
  }
}

// Also kept alone, for db-roles.sh to set the roles' passwords with.
resource databaseOwnerPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-owner-password'
  properties: {
    value: databaseOwnerPassword
    contentType: 'password of the schema owner role'
  }
}

resource databaseServicePasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-service-password'
  properties: {
    value: databaseServicePassword
    contentType: 'password of the service login (member of cpc_service)'
  }
}

// DATABASE_URL: the running bot, a login that is a member of cpc_service (docs/storage.md).
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: postgresUrl(databaseServiceLogin, databaseServicePassword, postgresHost, databaseName)
    contentType: 'postgres URL'
  }
}

// DATABASE_MIGRATION_URL: the schema owner, for migrations only.
resource databaseMigrationUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-migration-url'
  properties: {
    value: postgresUrl(databaseOwnerLogin, databaseOwnerPassword, postgresHost, databaseName)
    contentType: 'postgres URL'
  }
}

// It carries the ingestion key: treated as a secret too.
resource appInsightsConnectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'applicationinsights-connection-string'
  properties: {
    value: appInsights.properties.ConnectionString
    contentType: 'Application Insights connection string'
  }
}

output name string = vault.name
output id string = vault.id

// Versionless URIs: App Service picks up a rotated secret within a day, or at once on restart.
output secretUris object = {
  botAppPassword: botAppPasswordSecret.properties.secretUri
  auditHmacKey: auditHmacKeySecret.properties.secretUri
  databaseUrl: databaseUrlSecret.properties.secretUri
  databaseMigrationUrl: databaseMigrationUrlSecret.properties.secretUri
  appInsightsConnectionString: appInsightsConnectionStringSecret.properties.secretUri
}
