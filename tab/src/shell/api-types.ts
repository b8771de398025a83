// The API's answers and bodies as the server defines them (bot/app/api/*.schema.ts), types only:
// the dependency rule lets tab/ import nothing else from the server, and only with `import type`.
import type { z } from 'zod';
import type { decisionDraftSchema, decisionReadingSchema, recordedDecisionSchema } from '../../../bot/app/api/decision.schema';
import type { meetingViewSchema, runSheetSchema, stageAnswerSchema } from '../../../bot/app/api/meeting.schema';
import type { planTimelineSchema, timelinessReportSchema } from '../../../bot/app/api/timeliness.schema';
import type { familyViewSchema } from '../../../bot/app/api/family-view.schema';
import type { stageViewSchema, stageViewShareUrlSchema } from '../../../bot/app/api/stage-view.schema';
import type { conferenceListingSchema, conferenceListSchema, deadlineWithStatusSchema } from '../../../bot/app/api/dashboard.schema';
import type { approvalDecisionSchema, conferenceReadingSchema, decidedApprovalSchema, pendingApprovalsSchema } from '../../../bot/app/api/booking.schema';
import type { boardSchema, inviteListSchema } from '../../../bot/app/api/invite-list.schema';
import type { reportListSchema } from '../../../bot/app/api/reports.schema';

export type MeetingView = z.output<typeof meetingViewSchema>;
export type RunSheet = z.output<typeof runSheetSchema>;
export type StageAnswer = z.output<typeof stageAnswerSchema>;
export type DecisionReading = z.output<typeof decisionReadingSchema>;
export type DecisionDraft = z.input<typeof decisionDraftSchema>;
export type TimelinessReport = z.output<typeof timelinessReportSchema>;
export type PlanTimeline = z.output<typeof planTimelineSchema>;
export type FamilyView = z.output<typeof familyViewSchema>;
export type StageView = z.output<typeof stageViewSchema>;
export type StageViewShareUrl = z.output<typeof stageViewShareUrlSchema>;
export type ConferenceList = z.output<typeof conferenceListSchema>;
export type ConferenceListing = z.output<typeof conferenceListingSchema>;
export type DeadlineWithStatus = z.output<typeof deadlineWithStatusSchema>;
export type PendingApprovals = z.output<typeof pendingApprovalsSchema>;
export type DecidedApproval = z.output<typeof decidedApprovalSchema>;
export type ApprovalDecision = z.input<typeof approvalDecisionSchema>;
export type ConferenceReading = z.output<typeof conferenceReadingSchema>;
export type Board = z.output<typeof boardSchema>;
export type InviteList = z.output<typeof inviteListSchema>;
export type ReportList = z.output<typeof reportListSchema>;
export type RecordedDecision = z.output<typeof recordedDecisionSchema>;
