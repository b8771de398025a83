-- The staff roster (docs/directory.md): the product role and agency of tenant members, which Graph's
-- user object does not hold. Council IT sets it with `npm run staff:role`; each change is audited.
-- Someone not listed is a 'professional' with no agency: they can only act on their own invitations.
-- Ids only: the person's name and address stay in Entra.
CREATE TABLE staff_roles (
  object_id text PRIMARY KEY CHECK (object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  role      text NOT NULL CHECK (role IN ('clerk', 'chair', 'social-worker', 'team-manager', 'professional', 'safeguarding-manager', 'service-manager')),
  agency    text CHECK (agency IN ('childrens-social-care', 'police', 'health', 'education', 'probation', 'housing', 'early-years', 'adult-services', 'cafcass', 'other')),
  set_by    text NOT NULL,
  set_at    timestamptz NOT NULL
);
