<#
  The Teams settings the product depends on (docs/entra.md), in Teams PowerShell:
    1. the application access policy: app-only /users/{organiser}/onlineMeetings calls (finding
       and locking down the conference's meeting) are refused with 403 "... not authorized to ...
       on behalf of user" (GRAPH.ACCESS_POLICY_MISSING) until the app may act for the organisers;
    2. with -AllowRemoveParticipant (CALLS_REMOVE_ENABLED=true): the tenant setting that lets this
       app's calling bot remove someone from a meeting (AllowRemoveParticipantAppIds).

  Install-Module MicrosoftTeams; Connect-MicrosoftTeams   (a Teams Administrator)
  ./scripts/azure/teams-policies.ps1 -AppId <MicrosoftAppId> -OrganizerGroupId <group object id>
  ./scripts/azure/teams-policies.ps1 -AppId <MicrosoftAppId> -Global -AllowRemoveParticipant

  A user holds one application access policy: granting this one replaces another app's. If the
  organisers already have one, add this app to it instead (-AddToPolicy <its identity>).
  Changes take up to 30 minutes. Not run where it was written (no PowerShell there).
#>
param(
  [Parameter(Mandatory = $true)][ValidatePattern('^[0-9a-fA-F-]{36}$')][string]$AppId,
  [string]$PolicyName = 'CPC-Conference-Bot',
  # The security group of the people who book conferences (their meetings' organisers): preferred.
  [string]$OrganizerGroupId,
  # Or each organiser's Entra object id.
  [string[]]$OrganizerIds = @(),
  # Or the whole tenant (broader than needed).
  [switch]$Global,
  # Add the app to an existing policy rather than create one.
  [string]$AddToPolicy,
  [switch]$AllowRemoveParticipant
)
$ErrorActionPreference = 'Stop'

if ($AddToPolicy) {
  Set-CsApplicationAccessPolicy -Identity $AddToPolicy -AppIds @{ Add = $AppId }
  Write-Host "teams-policies: $AppId added to the existing policy $AddToPolicy"
} else {
  if (-not (Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId `
      -Description 'Child protection conference bot: find and lock down conference meetings'
  } else {
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{ Add = $AppId }
  }
  if ($OrganizerGroupId) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Group $OrganizerGroupId
    Write-Host "teams-policies: $PolicyName granted to the group $OrganizerGroupId"
  }
  foreach ($id in $OrganizerIds) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $id
    Write-Host "teams-policies: $PolicyName granted to $id"
  }
  if ($Global) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
    Write-Host "teams-policies: $PolicyName granted tenant-wide"
  }
  if (-not $OrganizerGroupId -and $OrganizerIds.Count -eq 0 -and -not $Global) {
    Write-Warning 'teams-policies: the policy exists but is granted to nobody: give -OrganizerGroupId, -OrganizerIds or -Global'
  }
}

if ($AllowRemoveParticipant) {
  # The calling bot removes a participant (DELETE /communications/calls/{id}/participants/{id})
  # only when the tenant lists the app here; it also needs Calls.JoinGroupCall.All (entra-app.sh --with-calls).
  Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{ Add = $AppId }
  Write-Host "teams-policies: $AppId may remove meeting participants"
}
