-- Where the bot can reach a person proactively (docs/invite-list.md, Attendance cards): the 1:1
-- conversation Teams gave us in the latest personal-scope activity from them (a message, a card
-- press, an installationUpdate). Ids only: no name, no address.
CREATE TABLE conversation_refs (
  person_id       text PRIMARY KEY,
  conversation_id text NOT NULL,
  service_url     text NOT NULL CHECK (service_url ~ '^https?://'),
  tenant_id       text,
  bot_id          text NOT NULL,
  channel_id      text NOT NULL DEFAULT 'msteams',
  updated_at      timestamptz NOT NULL
);
CREATE INDEX conversation_refs_conversation_idx ON conversation_refs (conversation_id);
