#!/usr/bin/env bash
# The product's one Entra app registration (docs/entra.md): single tenant; the bot's identity,
# the Microsoft Graph caller (application permissions, admin consent), the RSC grantee and the
# tab's SSO audience. Idempotent: an app of the same name is reused, permissions are added again.
#
#   scripts/azure/entra-app.sh --env dev --tab-host cpc-dev-k3x9q2.azurewebsites.net [options]
#     --name NAME            display name (default: cp-conference-bot-<env>)
#     --with-calls           + Calls.JoinGroupCall.All (CALLS_REMOVE_ENABLED=true)
#     --with-installs        + TeamsAppInstallation.ReadWriteSelfForUser.All (GRAPH_TEAMS_APP_ID set)
#     --with-job-titles      User.Read.All instead of User.ReadBasic.All (job titles in pickers)
#     --no-consent           add the permissions but leave the consent to an administrator
#     --new-secret           add a client secret (written to env/.env.<env>.user, never printed)
#
# Writes MicrosoftAppId and MicrosoftAppTenantId to env/.env.<env>. Needs az (az login as an
# Application Administrator; the consent needs a Privileged Role Administrator or Global Administrator).
# Not run on the machine this was written on (no az there): read it before the first run.
set -euo pipefail

ENV_NAME="" NAME="" TAB_HOST="" CALLS=0 INSTALLS=0 JOB_TITLES=0 CONSENT=1 NEW_SECRET=0
while [ $# -gt 0 ]; do
  case "$1" in
    --env) ENV_NAME="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --tab-host) TAB_HOST="$2"; shift 2 ;;
    --with-calls) CALLS=1; shift ;;
    --with-installs) INSTALLS=1; shift ;;
    --with-job-titles) JOB_TITLES=1; shift ;;
    --no-consent) CONSENT=0; shift ;;
    --new-secret) NEW_SECRET=1; shift ;;
    *) echo "entra-app: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$ENV_NAME" ] || { echo "entra-app: --env is required" >&2; exit 2; }
[ -n "$TAB_HOST" ] || { echo "entra-app: --tab-host is required (the web app's host name: BOT_DOMAIN in env/.env.$ENV_NAME)" >&2; exit 2; }
NAME="${NAME:-cp-conference-bot-$ENV_NAME}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ENV_FILE="$ROOT/env/.env.$ENV_NAME"
USER_FILE="$ROOT/env/.env.$ENV_NAME.user"

# Microsoft Graph's own app id (the same in every tenant).
GRAPH_API=00000003-0000-0000-c000-000000000000
# Teams desktop/mobile and Teams web: the clients that ask for the tab's SSO token.
TEAMS_CLIENTS=(1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346)

# Each application permission and why (docs/entra.md has the table).
PERMISSIONS=(
  Calendars.ReadWrite             # the conference's Outlook event and Teams meeting in the organiser's calendar
  OnlineMeetings.ReadWrite.All    # lock the meeting's options down and read them back (+ the access policy)
  Mail.Send                       # each family member's own invitation, from GRAPH_MAIL_SENDER
  Sites.Selected                  # the reports library only, once granted on its site (reports-site.ps1)
)
if [ "$JOB_TITLES" = 1 ]; then PERMISSIONS+=(User.Read.All); else PERMISSIONS+=(User.ReadBasic.All); fi
[ "$INSTALLS" = 1 ] && PERMISSIONS+=(TeamsAppInstallation.ReadWriteSelfForUser.All)
[ "$CALLS" = 1 ] && PERMISSIONS+=(Calls.JoinGroupCall.All)

TENANT_ID="$(az account show --query tenantId -o tsv)"
APP_ID="$(az ad app list --display-name "$NAME" --query "[0].appId" -o tsv)"
if [ -z "$APP_ID" ]; then
  APP_ID="$(az ad app create --display-name "$NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  echo "entra-app: created $NAME"
else
  echo "entra-app: reusing $NAME"
fi
OBJECT_ID="$(az ad app show --id "$APP_ID" --query id -o tsv)"
az ad sp show --id "$APP_ID" >/dev/null 2>&1 || az ad sp create --id "$APP_ID" >/dev/null

for permission in "${PERMISSIONS[@]}"; do
  role="$(az ad sp show --id "$GRAPH_API" --query "appRoles[?value=='$permission'].id | [0]" -o tsv)"
  [ -n "$role" ] || { echo "entra-app: Graph has no application permission $permission" >&2; exit 1; }
  az ad app permission add --id "$APP_ID" --api "$GRAPH_API" --api-permissions "$role=Role" --only-show-errors
  echo "entra-app: application permission $permission"
done

# The tab's SSO and the API's bearer tokens (bot/config/api-config.ts expects v2 tokens):
# Application ID URI api://<tab host>/<app id>, scope access_as_user, the Teams clients pre-authorised.
az ad app update --id "$APP_ID" --identifier-uris "api://$TAB_HOST/$APP_ID"
SCOPE_ID="$(az ad app show --id "$APP_ID" --query "api.oauth2PermissionScopes[?value=='access_as_user'].id | [0]" -o tsv)"
if [ -z "$SCOPE_ID" ]; then
  SCOPE_ID="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
  az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" --headers Content-Type=application/json --body "{
    \"api\": {
      \"requestedAccessTokenVersion\": 2,
      \"oauth2PermissionScopes\": [{
        \"id\": \"$SCOPE_ID\", \"value\": \"access_as_user\", \"type\": \"User\", \"isEnabled\": true,
        \"adminConsentDisplayName\": \"Use the conference tab as the signed-in user\",
        \"adminConsentDescription\": \"Lets Teams sign the user in to the child protection conference tab.\",
        \"userConsentDisplayName\": \"Use the conference tab as you\",
        \"userConsentDescription\": \"Lets Teams sign you in to the child protection conference tab.\"
      }]
    }
  }"
fi
# A scope must exist before it can be pre-authorised: a second request.
PREAUTHORIZED=""
for client in "${TEAMS_CLIENTS[@]}"; do
  PREAUTHORIZED="$PREAUTHORIZED${PREAUTHORIZED:+,}{\"appId\":\"$client\",\"delegatedPermissionIds\":[\"$SCOPE_ID\"]}"
done
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" --headers Content-Type=application/json \
  --body "{\"api\":{\"requestedAccessTokenVersion\":2,\"preAuthorizedApplications\":[$PREAUTHORIZED]}}"

if [ "$CONSENT" = 1 ]; then
  az ad app permission admin-consent --id "$APP_ID"
  echo "entra-app: admin consent granted"
else
  echo "entra-app: consent left to an administrator: Entra admin centre > App registrations > $NAME > API permissions > Grant admin consent"
fi

set_line() { # file name value: replace NAME=… or append it
  touch "$1"
  if grep -q "^$2=" "$1"; then
    local tmp; tmp="$(mktemp)"
    awk -v k="$2" -v v="$3" 'index($0, k "=") == 1 { print k "=" v; next } { print }' "$1" >"$tmp" && mv "$tmp" "$1"
  else
    printf '%s=%s\n' "$2" "$3" >>"$1"
  fi
}
set_line "$ENV_FILE" MicrosoftAppId "$APP_ID"
set_line "$ENV_FILE" MicrosoftAppTenantId "$TENANT_ID"
if [ "$NEW_SECRET" = 1 ]; then
  SECRET="$(az ad app credential reset --id "$APP_ID" --append --display-name "cpc-$ENV_NAME" --years 1 --query password -o tsv)"
  (umask 077; set_line "$USER_FILE" SECRET_BOT_PASSWORD "$SECRET")
  echo "entra-app: new client secret in $USER_FILE (valid one year; rotate: docs/operations.md)"
fi
echo "entra-app: MicrosoftAppId and MicrosoftAppTenantId written to $ENV_FILE"
echo "entra-app: next: the Teams policies (scripts/azure/teams-policies.ps1 -AppId $APP_ID …) and the reports site (reports-site.ps1)"
