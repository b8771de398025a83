export { ANCHOR_KINDS, type AnchorKind, type Anchors, isAnchorKind } from './anchors';
export { socialWorkerBriefingStart } from './briefing-time';
export { ANCHORS_FOR_KIND, checkProposedDate, type MissedDeadline, type ProposedDateCheck } from './check-proposed-date';
export { computeDeadlines, type Deadline, type DeadlineOptions } from './compute-deadlines';
export { inviteNoticeDeadline } from './notice';
export { TimescaleError, type TimescaleErrorCode } from './timescale-error';
