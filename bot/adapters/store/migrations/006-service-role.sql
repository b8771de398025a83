-- The running service's role: what the bot needs and nothing more. Migrations run as the schema
-- owner (DATABASE_MIGRATION_URL); the bot connects (DATABASE_URL) as a login role that the
-- deploying admin makes a member of cpc_service (docs/storage.md has the SQL):
--   CREATE ROLE cpc_bot LOGIN PASSWORD '…';  GRANT cpc_service TO cpc_bot;
-- Not owning any table, the service cannot disable or drop the audit triggers nor replace their
-- functions; on audit_log it may only INSERT and SELECT. Roles are per server, not per database:
-- the role is created once and each database's migration grants it that database's tables.
-- PGlite runs all of this too (it supports roles and grants), but connects as its one superuser.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cpc_service') THEN
    BEGIN
      CREATE ROLE cpc_service NOLOGIN;
    EXCEPTION
      -- Another database on the same server created it at the same moment.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'migration 006 needs CREATEROLE, or an admin to run first: CREATE ROLE cpc_service NOLOGIN'
          USING ERRCODE = 'insufficient_privilege';
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO cpc_service;
-- Only the owner creates objects (PostgreSQL 15's default; older servers let everyone).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Ordinary read and write on the product's tables, never TRUNCATE, TRIGGER or REFERENCES.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cpc_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cpc_service;
-- Tables and sequences that later migrations create (as this same owner) get the same; a later
-- append-only table must revoke what it does not allow, as below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cpc_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cpc_service;

-- The readiness probe reads which migrations ran; only the owner records them.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM cpc_service;
-- The audit log: append and read. Its head: read and move (the trigger allows forward only;
-- SELECT … FOR UPDATE needs UPDATE).
REVOKE UPDATE, DELETE ON audit_log FROM cpc_service;
REVOKE INSERT, DELETE ON audit_head FROM cpc_service;
REVOKE ALL ON audit_log, audit_head FROM PUBLIC;
