<#
  Uploads the Teams app package for the whole organisation through Microsoft Graph
  (appCatalogs/teamsApps, distribution "organization"): the first time it adds the app, later a
  new version of it (raise APP_VERSION first: Teams updates clients only when it goes up). Prints
  the catalog id for GRAPH_TEAMS_APP_ID (proactive 1:1 installs). The Teams admin center does the
  same by hand: Teams apps > Manage apps > Upload new app (docs/entra.md).

  npm run package                                   (dist/appPackage.<env>.zip, docs/manifest.md)
  Install-Module Microsoft.Graph.Authentication
  Connect-MgGraph -Scopes AppCatalog.ReadWrite.All   (a Teams Administrator)
  ./scripts/azure/upload-app-package.ps1 -Package dist/appPackage.prod.zip -TeamsAppId <TEAMS_APP_ID>

  Not run where it was written (no PowerShell there).
#>
param(
  [Parameter(Mandatory = $true)][string]$Package,
  # The manifest id (TEAMS_APP_ID): the catalog's externalId.
  [Parameter(Mandatory = $true)][ValidatePattern('^[0-9a-fA-F-]{36}$')][string]$TeamsAppId
)
$ErrorActionPreference = 'Stop'
if (-not (Test-Path $Package)) { throw "upload-app-package: no package at $Package (npm run package)" }

$filter = [uri]::EscapeDataString("externalId eq '$TeamsAppId'")
$existing = (Invoke-MgGraphRequest -Method GET `
  -Uri "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps?`$filter=$filter").value | Select-Object -First 1

if ($existing) {
  Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/$($existing.id)/appDefinitions" `
    -InputFilePath $Package -ContentType 'application/zip' | Out-Null
  $catalogId = $existing.id
  Write-Host "upload-app-package: new version uploaded"
} else {
  $created = Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps' `
    -InputFilePath $Package -ContentType 'application/zip'
  $catalogId = $created.id
  Write-Host "upload-app-package: app added to the organisation's catalog"
}
Write-Host "GRAPH_TEAMS_APP_ID=$catalogId"
Write-Host 'upload-app-package: now allow it (app permission policy or app centric management) for the people who use it'
