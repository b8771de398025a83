-- Conference aggregate: the conference row, its invitees and its Teams meeting record.
-- Wall-clock times are Europe/London 'YYYY-MM-DDTHH:mm' text: a timestamp type would invite
-- time-zone conversion by a driver, and the fixed format sorts in time order.
CREATE TABLE conferences (
  id                   text PRIMARY KEY,
  case_reference       text NOT NULL,
  kind                 text NOT NULL,
  profile_id           text NOT NULL,
  start_at             text NOT NULL CHECK (start_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  end_at               text NOT NULL CHECK (end_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  family_section_start text CHECK (family_section_start ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  organizer_id         text NOT NULL,
  status               text NOT NULL,
  booking_version      integer NOT NULL,
  -- Fields added to the Conference type later, kept until they get columns of their own.
  extra                jsonb NOT NULL DEFAULT '{}'::jsonb,
  version              integer NOT NULL CHECK (version >= 1),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conferences_start_at_idx ON conferences (start_at);
CREATE INDEX conferences_case_reference_idx ON conferences (case_reference);

CREATE TABLE conference_invitees (
  conference_id text NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  id            text NOT NULL,
  position      integer NOT NULL,
  role          text NOT NULL,
  agency        text,
  display_name  text NOT NULL,
  email         text NOT NULL,
  join_at       text CHECK (join_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  interpreter   jsonb,
  status        text NOT NULL,
  invited_at    text,
  notice        jsonb,
  extra         jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (conference_id, id)
);

CREATE TABLE conference_meetings (
  conference_id     text PRIMARY KEY REFERENCES conferences (id) ON DELETE CASCADE,
  event_id          text NOT NULL,
  transaction_id    text NOT NULL,
  join_url          text NOT NULL,
  online_meeting_id text,
  options_verified  boolean NOT NULL,
  option_mismatches jsonb NOT NULL DEFAULT '[]'::jsonb,
  extra             jsonb NOT NULL DEFAULT '{}'::jsonb
);
