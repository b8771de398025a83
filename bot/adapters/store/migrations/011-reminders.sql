-- Reminders sent (docs/reminders.md): written in the transaction that completes the reminder's
-- job, so "sent" and "job done" commit together. Ids and codes only: the recipient is an Entra id
-- or a digest, never an address. One row per job, per dedup key (conference + reminder +
-- recipient + booking version) and per reminder to one person at one planned instant, so a newer
-- booking version's job for an unchanged reminder finds it already sent.
CREATE TABLE reminders_sent (
  id               bigserial PRIMARY KEY,
  job_id           bigint NOT NULL UNIQUE,
  dedup_key        text NOT NULL UNIQUE,
  conference_id    text NOT NULL,
  reminder         text NOT NULL,
  recipient        text NOT NULL CHECK (recipient ~ '^[A-Za-z0-9._-]{1,100}$'),
  booking_version  integer NOT NULL,
  fire_at          timestamptz NOT NULL,
  sent_at          timestamptz NOT NULL,
  conversation_id  text NOT NULL,
  activity_id      text NOT NULL,
  UNIQUE (conference_id, reminder, recipient, fire_at)
);
