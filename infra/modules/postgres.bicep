// Azure Database for PostgreSQL Flexible Server with private access: the server lives in its
// delegated subnet, answers only inside the virtual network (no public endpoint) and is found
// through the private DNS zone. TLS is required (the server's default, require_secure_transport).
// The database is created here; its owner role (migrations) and the service login (the running
// bot, a member of cpc_service) are made once by scripts/azure/db-roles.sh: ARM cannot create
// PostgreSQL roles.

param name string
param location string
param tags object
param version string
param skuName string

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param tier string

@minValue(32)
param storageGb int

@minValue(7)
@maxValue(35)
param backupRetentionDays int

param geoRedundantBackup bool
param highAvailability bool
param adminLogin string

@secure()
param adminPassword string

param databaseName string
param delegatedSubnetId string
param privateDnsZoneId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: tier
  }
  properties: {
    version: version
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: highAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output serverName string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
