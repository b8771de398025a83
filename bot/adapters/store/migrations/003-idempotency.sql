-- Redelivered activities and double-submitted cards: one row per key, claimed then completed.
CREATE TABLE idempotency_keys (
  key          text PRIMARY KEY,
  state        text NOT NULL CHECK (state IN ('in-progress', 'done')),
  claim_token  text NOT NULL,
  claimed_at   timestamptz NOT NULL,
  completed_at timestamptz,
  response     jsonb
);
CREATE INDEX idempotency_keys_completed_idx ON idempotency_keys (completed_at) WHERE state = 'done';
