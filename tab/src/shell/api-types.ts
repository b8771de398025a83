// The API's answers and bodies as the server defines them (bot/app/api/*.schema.ts), types only:
// the dependency rule lets tab/ import nothing else from the server, and only with `import type`.
import type { z } from 'zod';
import type { decisionDraftSchema, decisionReadingSchema, recordedDecisionSchema } from '../../../bot/app/api/decision.schema';
import type { meetingViewSchema, runSheetSchema, stageAnswerSchema } from '../../../bot/app/api/meeting.schema';

export type MeetingView = z.output<typeof meetingViewSchema>;
export type RunSheet = z.output<typeof runSheetSchema>;
export type StageAnswer = z.output<typeof stageAnswerSchema>;
export type DecisionReading = z.output<typeof decisionReadingSchema>;
export type DecisionDraft = z.input<typeof decisionDraftSchema>;
export type RecordedDecision = z.output<typeof recordedDecisionSchema>;
