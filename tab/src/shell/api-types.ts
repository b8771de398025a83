// The API's answers and bodies as the server defines them (bot/app/api/*.schema.ts), types only:
// the dependency rule lets tab/ import nothing else from the server, and only with `import type`.
import type { z } from 'zod';
import type { decisionDraftSchema, decisionReadingSchema } from '../../../bot/app/api/decision.schema';
import type { meetingViewSchema, runSheetSchema, stageAnswerSchema } from '../../../bot/app/api/meeting.schema';
import type { planTimelineSchema, timelinessReportSchema } from '../../../bot/app/api/timeliness.schema';
import type { familyViewSchema } from '../../../bot/app/api/family-view.schema';
import type { stageViewSchema, stageViewShareUrlSchema } from '../../../bot/app/api/stage-view.schema';

export type MeetingView = z.output<typeof meetingViewSchema>;
export type RunSheet = z.output<typeof runSheetSchema>;
export type StageAnswer = z.output<typeof stageAnswerSchema>;
export type DecisionReading = z.output<typeof decisionReadingSchema>;
export type DecisionDraft = z.input<typeof decisionDraftSchema>;
export type TimelinessReport = z.output<typeof timelinessReportSchema>;
export type PlanTimeline = z.output<typeof planTimelineSchema>;
export type ConferenceList = z.output<typeof import('../../../bot/app/api/dashboard.schema').conferenceListSchema>;
export type ConferenceListing = z.output<typeof import('../../../bot/app/api/dashboard.schema').conferenceListingSchema>;
export type DeadlineWithStatus = z.output<typeof import('../../../bot/app/api/dashboard.schema').deadlineWithStatusSchema>;
export type PendingApprovals = z.output<typeof import('../../../bot/app/api/booking.schema').pendingApprovalsSchema>;
export type DecidedApproval = z.output<typeof import('../../../bot/app/api/booking.schema').decidedApprovalSchema>;
export type ApprovalDecision = z.input<typeof import('../../../bot/app/api/booking.schema').approvalDecisionSchema>;
export type ConferenceReading = z.output<typeof import('../../../bot/app/api/booking.schema').conferenceReadingSchema>;
export type Board = z.output<typeof import('../../../bot/app/api/invite-list.schema').boardSchema>;
export type InviteList = z.output<typeof import('../../../bot/app/api/invite-list.schema').inviteListSchema>;
export type ReportList = z.output<typeof import('../../../bot/app/api/reports.schema').reportListSchema>;
export type FamilyView = z.output<typeof familyViewSchema>;
export type StageView = z.output<typeof stageViewSchema>;
export type StageViewShareUrl = z.output<typeof stageViewShareUrlSchema>;
