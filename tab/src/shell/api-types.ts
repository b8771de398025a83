// The API's answers and bodies as the server defines them (bot/app/api/*.schema.ts), types only:
// the dependency rule lets tab/ import nothing else from the server, and only with `import type`.
import type { z } from 'zod';
import type { decisionDraftSchema, decisionReadingSchema } from '../../../bot/app/api/decision.schema';
import type { meetingViewSchema, runSheetSchema, stageAnswerSchema } from '../../../bot/app/api/meeting.schema';

export type MeetingView = z.output<typeof meetingViewSchema>;
export type RunSheet = z.output<typeof runSheetSchema>;
export type StageAnswer = z.output<typeof stageAnswerSchema>;
export type DecisionReading = z.output<typeof decisionReadingSchema>;
export type DecisionDraft = z.input<typeof decisionDraftSchema>;
import type { bookingRequestSchema as BookingRequestSchema } from '../../../bot/app/api/booking.schema';
export type BookingRequest = z.input<typeof BookingRequestSchema>;
import type { bookingCheckResponseSchema as BookingCheckSchema } from '../../../bot/app/api/booking.schema';
export type BookingCheck = z.output<typeof BookingCheckSchema>;
import type { createdConferenceSchema as CreatedConferenceSchema } from '../../../bot/app/api/booking.schema';
export type CreatedConference = z.output<typeof CreatedConferenceSchema>;
import type { conferenceReadingSchema as ConferenceReadingSchema } from '../../../bot/app/api/booking.schema';
export type ConferenceReading = z.output<typeof ConferenceReadingSchema>;
import type { bookedConferenceSchema as BookedConferenceSchema } from '../../../bot/app/api/booking.schema';
export type BookedConference = z.output<typeof BookedConferenceSchema>;
import type { inviteListSchema as InviteListSchema } from '../../../bot/app/api/invite-list.schema';
export type InviteList = z.output<typeof InviteListSchema>;
import type { inviteeEntrySchema as InviteeEntrySchema } from '../../../bot/app/api/invite-list.schema';
export type InviteeEntry = z.output<typeof InviteeEntrySchema>;
import type { inviteeDraftSchema as InviteeDraftInputSchema } from '../../../bot/app/api/invite-list.schema';
export type InviteeDraftInput = z.input<typeof InviteeDraftInputSchema>;
import type { inviteePatchSchema as InviteePatchInputSchema } from '../../../bot/app/api/invite-list.schema';
export type InviteePatchInput = z.input<typeof InviteePatchInputSchema>;
import type { addedInviteeSchema as AddedInviteeSchema } from '../../../bot/app/api/invite-list.schema';
export type AddedInvitee = z.output<typeof AddedInviteeSchema>;
import type { sendInvitationsSchema as InvitationsSentSchema } from '../../../bot/app/api/invite-list.schema';
export type InvitationsSent = z.output<typeof InvitationsSentSchema>;
import type { peopleResponseSchema as PeopleAnswerSchema } from '../../../bot/app/api/people.schema';
export type PeopleAnswer = z.output<typeof PeopleAnswerSchema>;
