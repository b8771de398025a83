// Environment "dev": small and cheap, one instance, the app migrates at start.
//   set -a; . env/.env.dev; . env/.env.dev.user; set +a
//   az deployment group create -g "$AZURE_RESOURCE_GROUP_NAME" -f infra/main.bicep -p infra/parameters/dev.bicepparam
// Every tenant-specific value and every secret comes from the environment (the same names as the
// Agents Toolkit's env/.env.dev and env/.env.dev.user): nothing council-specific is committed.
using '../main.bicep'

param baseName = 'cpc'
param environmentName = 'dev'

param botAppId = readEnvironmentVariable('MicrosoftAppId')
param tenantId = readEnvironmentVariable('MicrosoftAppTenantId')
param botAppPassword = readEnvironmentVariable('SECRET_BOT_PASSWORD')
param auditHmacKey = readEnvironmentVariable('SECRET_AUDIT_HMAC_KEY')
param postgresAdminPassword = readEnvironmentVariable('SECRET_POSTGRES_ADMIN_PASSWORD')
param databaseOwnerPassword = readEnvironmentVariable('SECRET_DATABASE_OWNER_PASSWORD')
param databaseServicePassword = readEnvironmentVariable('SECRET_DATABASE_SERVICE_PASSWORD')

param mailSender = readEnvironmentVariable('GRAPH_MAIL_SENDER')
param reportsDriveId = readEnvironmentVariable('REPORTS_DRIVE_ID', '')
param teamsAppCatalogId = readEnvironmentVariable('GRAPH_TEAMS_APP_ID', '')
param profile = 'england'
param logLevel = 'debug'

param appServiceSku = 'B1'
param appInstanceCount = 1
param botSku = 'F0'
param postgresSkuName = 'Standard_B1ms'
param postgresTier = 'Burstable'
param postgresStorageGb = 32
param postgresBackupRetentionDays = 7
param logRetentionDays = 30
param keyVaultPurgeProtection = false
param appRunsMigrations = true
