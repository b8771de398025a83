-- Core groups (docs/meeting/core-groups.md). The child's plan: the actions and safety goals agreed
-- at the conference and at each core group, append-only by the use case (004), one jsonb document
-- per plan (the conference whose decision made it) under optimistic concurrency. The minutes: one
-- document per core group conference, with the T16 deadline and circulation beside it.
CREATE TABLE child_plans (
  plan_id        text PRIMARY KEY REFERENCES conferences (id) ON DELETE CASCADE,
  state          jsonb NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core_group_minutes (
  conference_id  text PRIMARY KEY REFERENCES conferences (id) ON DELETE CASCADE,
  plan_id        text NOT NULL REFERENCES child_plans (plan_id) ON DELETE CASCADE,
  state          jsonb NOT NULL,
  due_by         date,
  circulated_at  timestamptz,
  version        integer NOT NULL CHECK (version >= 1),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX core_group_minutes_plan_idx ON core_group_minutes (plan_id);
