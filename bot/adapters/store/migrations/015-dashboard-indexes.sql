-- Indexes for the dashboard's and the board's reads at a large council's scale (docs/scale.md,
-- measured by `npm run bench:scale` with 100,000 conferences): without them both are full scans.
-- The approvals waiting for a manager: SqlConferenceStore.listWithPendingApprovalFor asks
-- `extra -> 'approvals' @> '[{"approverId":…,"status":"pending"}]'`; jsonb_path_ops answers @> only,
-- and is smaller than the default operator class.
CREATE INDEX conferences_approvals_idx ON conferences USING gin ((extra -> 'approvals') jsonb_path_ops);
-- "board <case reference>" and "invite <case reference>": SqlConferenceLookup matches the reference
-- without regard to case and takes the latest; this index gives those rows already in that order.
CREATE INDEX conferences_case_reference_upper_idx ON conferences (upper(case_reference), start_at DESC, id);
