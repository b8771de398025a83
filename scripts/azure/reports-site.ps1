<#
  The reports library (docs/reports.md): grants the app write access to the one SharePoint site
  that holds it (the application permission Sites.Selected reaches nothing else) and prints the
  library's drive id for REPORTS_DRIVE_ID.

  Install-Module Microsoft.Graph.Sites
  Connect-MgGraph -Scopes Sites.FullControl.All      (a SharePoint Administrator)
  ./scripts/azure/reports-site.ps1 -AppId <MicrosoftAppId> -HostName council.sharepoint.com `
      -SitePath sites/cp-conferences -Library 'Conference reports'

  Not run where it was written (no PowerShell there).
#>
param(
  [Parameter(Mandatory = $true)][ValidatePattern('^[0-9a-fA-F-]{36}$')][string]$AppId,
  [Parameter(Mandatory = $true)][string]$HostName,
  [Parameter(Mandatory = $true)][string]$SitePath,
  [Parameter(Mandatory = $true)][string]$Library,
  [string]$DisplayName = 'cp-conference-bot'
)
$ErrorActionPreference = 'Stop'

$site = Get-MgSite -SiteId "${HostName}:/$($SitePath.TrimStart('/'))"
$granted = Get-MgSitePermission -SiteId $site.Id | Where-Object {
  $_.GrantedToIdentitiesV2.Application.Id -contains $AppId
}
if ($granted) {
  Write-Host "reports-site: the app already has a permission on $($site.WebUrl)"
} else {
  New-MgSitePermission -SiteId $site.Id -BodyParameter @{
    roles = @('write')
    grantedToIdentities = @(@{ application = @{ id = $AppId; displayName = $DisplayName } })
  } | Out-Null
  Write-Host "reports-site: write access granted on $($site.WebUrl)"
}
$drive = Get-MgSiteDrive -SiteId $site.Id | Where-Object { $_.Name -eq $Library }
if (-not $drive) { throw "reports-site: no library named '$Library' on $($site.WebUrl)" }
Write-Host "REPORTS_DRIVE_ID=$($drive.Id)"
