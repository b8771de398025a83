-- Alerts for the clerk (options that did not take, late invitations, unconfirmed family mail):
-- kept until acknowledged so that none is lost if nobody is looking when it is raised.
CREATE TABLE clerk_alerts (
  id              bigserial PRIMARY KEY,
  conference_id   text NOT NULL,
  code            text NOT NULL,
  severity        text NOT NULL CHECK (severity IN ('warning', 'critical')),
  detail          jsonb NOT NULL,
  raised_at       timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text
);
CREATE INDEX clerk_alerts_open_idx ON clerk_alerts (conference_id) WHERE acknowledged_at IS NULL;
