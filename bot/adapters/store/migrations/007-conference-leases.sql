-- One run at a time per conference (booking, changes, stand-down): a lease with an expiry, so a
-- second click or a second instance stops with BOOKING.IN_PROGRESS instead of racing the first,
-- and a crashed run blocks nobody once its lease has expired. Each step of a run renews the lease
-- inside its own transaction (the row lock fences a run that lost it).
CREATE TABLE conference_leases (
  conference_id text PRIMARY KEY,
  holder        text NOT NULL,
  expires_at    timestamptz NOT NULL
);
