// The private network: one subnet the web app's outbound traffic joins (VNet integration), one
// delegated to PostgreSQL Flexible Server (private access: the server has no public endpoint),
// and the private DNS zone through which the web app resolves the server's name.

param name string
param location string
param tags object
param addressPrefix string
param appSubnetPrefix string
param databaseSubnetPrefix string

@description('Must end in .postgres.database.azure.com (PostgreSQL Flexible Server private access)')
param postgresDnsZoneName string

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: databaseSubnetPrefix
          delegations: [
            {
              name: 'postgres-flexible-server'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

resource postgresDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: postgresDnsZoneName
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: postgresDnsZone
  name: '${name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')
output databaseSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'database')
// Read after the link exists (a module's outputs come when all of it is deployed): the server
// must not be created before the zone is linked to the network it resolves from.
output postgresDnsZoneId string = postgresDnsZone.id
output postgresDnsLinkId string = postgresDnsLink.id
