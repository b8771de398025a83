// Environment "prod": two instances or more on PremiumV3, zone-redundant PostgreSQL with 35 days
// of backups, purge-protected Key Vault; migrations are a deployment step (the app never holds
// the owner role: docs/storage.md "Database roles", docs/azure.md).
//   set -a; . env/.env.prod; . env/.env.prod.user; set +a
//   az deployment group what-if -g "$AZURE_RESOURCE_GROUP_NAME" -f infra/main.bicep -p infra/parameters/prod.bicepparam
using '../main.bicep'

param baseName = 'cpc'
param environmentName = 'prod'

param botAppId = readEnvironmentVariable('MicrosoftAppId')
param tenantId = readEnvironmentVariable('MicrosoftAppTenantId')
param botAppPassword = readEnvironmentVariable('SECRET_BOT_PASSWORD')
param auditHmacKey = readEnvironmentVariable('SECRET_AUDIT_HMAC_KEY')
param postgresAdminPassword = readEnvironmentVariable('SECRET_POSTGRES_ADMIN_PASSWORD')
param databaseOwnerPassword = readEnvironmentVariable('SECRET_DATABASE_OWNER_PASSWORD')
param databaseServicePassword = readEnvironmentVariable('SECRET_DATABASE_SERVICE_PASSWORD')

param mailSender = readEnvironmentVariable('GRAPH_MAIL_SENDER')
param reportsDriveId = readEnvironmentVariable('REPORTS_DRIVE_ID')
param teamsAppCatalogId = readEnvironmentVariable('GRAPH_TEAMS_APP_ID', '')
param publicHostName = readEnvironmentVariable('PUBLIC_HOST_NAME', '')
param profile = readEnvironmentVariable('PROFILE', 'england')
param logLevel = 'info'

param appServiceSku = 'P1v3'
param appInstanceCount = 2
param botSku = 'S1'
param postgresSkuName = 'Standard_D2ds_v5'
param postgresTier = 'GeneralPurpose'
param postgresStorageGb = 128
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresHighAvailability = true
param logRetentionDays = 90
param keyVaultPurgeProtection = true
param appRunsMigrations = false
