-- The job queue (docs/storage.md, Jobs): a job is enqueued in the transaction of the change that
-- makes it due, claimed by one UPDATE … FOR UPDATE SKIP LOCKED that sets a lease, and completed in
-- its handler's transaction. Payloads carry ids only; last_error holds a code, never a message.
CREATE TABLE jobs (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  payload          jsonb NOT NULL,
  dedup_key        text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  run_at           timestamptz NOT NULL,
  lease_holder     text,
  lease_expires_at timestamptz,
  last_error       text CHECK (last_error ~ '^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$'),
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  -- a lease exactly while running
  CHECK ((status = 'running') = (lease_holder IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- One live job per (kind, dedup key): a done or failed one no longer blocks a new one.
CREATE UNIQUE INDEX jobs_dedup_live ON jobs (kind, dedup_key)
  WHERE dedup_key IS NOT NULL AND status IN ('pending', 'running');
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status = 'pending';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';
