#!/usr/bin/env bash
# The database roles of docs/storage.md "Database roles", once per server, as its administrator:
#   cpc_owner    LOGIN, owns the database and its schema: migrations (DATABASE_MIGRATION_URL)
#   cpc_service  NOLOGIN, what the bot may do (migration 006 grants it the tables)
#   cpc_bot      LOGIN, a member of cpc_service only: the running bot (DATABASE_URL)
# The passwords are the ones Bicep stored in Key Vault (database-owner-password,
# database-service-password), so the URLs there match. Idempotent: existing roles get their
# password set again.
#
# The server has private access only: run this from a machine inside its virtual network (a VM,
# Azure Cloud Shell attached to the network), with psql and az (docs/azure.md):
#   scripts/azure/db-roles.sh --vault <KEY_VAULT_NAME> --host <POSTGRES_HOST> [--admin cpcadmin]
# Without az, give the passwords in PGPASSWORD (the administrator's), CPC_OWNER_PASSWORD and
# CPC_BOT_PASSWORD. Then migrate: restart the web app (dev) or npm run db:migrate (prod).
# Not run against Azure where it was written (no Azure there).
set -euo pipefail

VAULT="" HOST="" PORT=5432 ADMIN=cpcadmin DATABASE=cpc OWNER=cpc_owner SERVICE_LOGIN=cpc_bot
while [ $# -gt 0 ]; do
  case "$1" in
    --vault) VAULT="$2"; shift 2 ;;
    --host) HOST="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --admin) ADMIN="$2"; shift 2 ;;
    --database) DATABASE="$2"; shift 2 ;;
    *) echo "db-roles: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$HOST" ] || { echo "db-roles: --host is required (POSTGRES_HOST)" >&2; exit 2; }
secret() { az keyvault secret show --vault-name "$VAULT" --name "$1" --query value -o tsv; }
if [ -n "$VAULT" ]; then
  PGPASSWORD="$(secret postgres-admin-password)"
  CPC_OWNER_PASSWORD="$(secret database-owner-password)"
  CPC_BOT_PASSWORD="$(secret database-service-password)"
fi
: "${PGPASSWORD:?the administrator password (or --vault)}" "${CPC_OWNER_PASSWORD:?}" "${CPC_BOT_PASSWORD:?}"
# Encrypted always; verify-full with PGSSLROOTCERT=system needs psql 16+ (export both to use it).
export PGPASSWORD PGSSLMODE="${PGSSLMODE:-require}"

# psql quotes the variables itself (:'name', format's %I and %L): no value is pasted into SQL text.
psql "host=$HOST port=$PORT dbname=postgres user=$ADMIN" -v ON_ERROR_STOP=1 \
  -v owner="$OWNER" -v owner_password="$CPC_OWNER_PASSWORD" \
  -v bot="$SERVICE_LOGIN" -v bot_password="$CPC_BOT_PASSWORD" -v database="$DATABASE" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'owner', :'owner_password') \gexec
SELECT 'CREATE ROLE cpc_service NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cpc_service') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'bot') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'bot') \gexec
SELECT format('ALTER ROLE %I LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', :'bot', :'bot_password') \gexec
-- The administrator must be able to act as the owner to hand it the database (PostgreSQL 16+).
SELECT format('GRANT %I TO current_user', :'owner') \gexec
-- PostgreSQL 15+: the public schema belongs to pg_database_owner, so to the owner from here on;
-- migration 006 revokes CREATE on it from everyone else.
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'owner') \gexec
SELECT format('GRANT cpc_service TO %I', :'bot') \gexec
SQL
echo "db-roles: $OWNER owns $DATABASE; $SERVICE_LOGIN is a member of cpc_service; next: migrate as $OWNER"
