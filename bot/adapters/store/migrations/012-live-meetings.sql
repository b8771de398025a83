-- The live meeting of each conference (docs/meeting.md): stage, roster, alerts and the decision
-- being entered, as one jsonb document under optimistic concurrency. Its own row, so a burst of
-- join events never bumps the conference's version (the clerk's If-Match). Keyed by conference and
-- Teams meeting id: the use case refuses an event whose meeting id differs from the row's.
CREATE TABLE live_meetings (
  conference_id    text PRIMARY KEY REFERENCES conferences (id) ON DELETE CASCADE,
  teams_meeting_id text NOT NULL,
  state            jsonb NOT NULL,
  -- Kept by every save: the alert worker's and a restart's query without reading every document.
  open_alerts      integer NOT NULL DEFAULT 0 CHECK (open_alerts >= 0),
  version          integer NOT NULL CHECK (version >= 1),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_meetings_open_alerts_idx ON live_meetings (conference_id) WHERE open_alerts > 0;

-- A meeting event arrives in the meeting chat's conversation: its thread id (Graph's
-- onlineMeeting chatInfo.threadId, recorded at booking) finds the conference.
CREATE INDEX conference_meetings_chat_thread_idx ON conference_meetings ((extra ->> 'chatThreadId'));
