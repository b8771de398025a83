// Logs and telemetry: a Log Analytics workspace (App Service console and HTTP logs, the bot's JSON
// lines) and a workspace-based Application Insights resource. Its connection string goes to Key
// Vault (key-vault.bicep reads it there); the app exports OpenTelemetry to it only when the
// APPLICATIONINSIGHTS_CONNECTION_STRING setting is present (off by default in the product).

param workspaceName string
param appInsightsName string
param location string
param tags object

@minValue(30)
@maxValue(730)
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
