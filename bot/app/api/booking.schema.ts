// The booking API's bodies and answers (docs/api.md "Booking"): a booking request, the check's
// answer, a conference as its caller may see it, approvals and deadlines. Dates, times and
// references are plain strings here so that the domain's rules answer each with its own code
// (422, the rule named) instead of a generic 400.
import { z } from 'zod';
import { BOOKING_FIELDS } from '../../domain/booking/booking-rule-codes';
import { CONFERENCE_KINDS } from '../../domain/conference/conference-kind';
import { ANCHOR_KINDS } from '../../domain/timescales/anchors';
import { STAND_DOWN_REASONS } from '../../domain/booking/stand-down-reasons';
import { deadlineSchema, isoDateSchema } from './timescales.schema';

const text = (max: number) => z.string().max(max);
const minutes = z.number().int().min(0).max(1440);

export const bookingRequestSchema = z
  .object({
    kind: z.enum(CONFERENCE_KINDS),
    caseReference: text(100).meta({ description: "The council's case reference (the profile's pattern); never a name or an address." }),
    anchorKind: z.enum(ANCHOR_KINDS).optional().meta({ description: "What anchorDate is; default the kind's first (ICPC: strategy-discussion)." }),
    anchorDate: text(20).meta({ description: 'YYYY-MM-DD: the strategy discussion, last conference, transfer decision or due date.' }),
    chairId: text(100).meta({ description: "The chair's Entra object id (from the directory)." }),
    socialWorkerId: text(100),
    date: text(20).meta({ description: 'YYYY-MM-DD, a working day.' }),
    startTime: text(10).meta({ description: 'HH:mm, Europe/London.' }),
    durationMinutes: minutes,
    confidentialMinutes: minutes.optional(),
    lateReason: text(1000).optional(),
    managerId: text(100).optional().meta({ description: 'Past the statutory latest: the team, safeguarding or service manager who approves it.' }),
    previousPlanEndedOn: text(20).optional(),
    serviceManagerId: text(100).optional().meta({ description: 'A repeat plan (previous plan ended within 12 months): the service manager.' }),
  })
  .strict()
  .meta({ id: 'BookingRequest' });
export type BookingRequestBody = z.infer<typeof bookingRequestSchema>;

const fieldErrorSchema = z.object({ code: z.string(), message: z.string() });

export const bookingAnswerSchema = z
  .object({
    statutoryLatest: z.object({ rule: z.string(), date: z.string() }).nullable(),
    earliest: z.string().nullable(),
    deadlines: z.array(deadlineSchema),
    missed: z.array(z.object({ rule: z.string(), date: z.string(), why: z.enum(['past-latest', 'before-window', 'task-overdue']) })),
    late: z.boolean(),
    repeatPlan: z.boolean(),
    bookingBy: z.object({ managerAlertOn: z.string(), overdueOn: z.string() }).nullable().meta({ description: 'T23 where the profile has it.' }),
  })
  .meta({ id: 'BookingAnswer' });

export const bookingCheckResponseSchema = z
  .object({
    ok: z.boolean(),
    fieldErrors: z.partialRecord(z.enum(BOOKING_FIELDS), fieldErrorSchema),
    answer: bookingAnswerSchema.nullable().meta({ description: 'Given whenever kind, anchor and date are valid, even with other fields wrong.' }),
  })
  .meta({ id: 'BookingCheck' });

export const approvalSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['late-booking', 'repeat-plan-oversight', 'stand-down', 'rebooking-past-last-date']),
    approverId: z.string(),
    status: z.enum(['pending', 'approved', 'refused']),
    requestedAt: z.string(),
    decidedAt: z.string().optional(),
  })
  .meta({ id: 'ApprovalSummary' });

export const conferenceSummarySchema = z
  .object({
    id: z.string(),
    caseReference: z.string(),
    kind: z.enum(CONFERENCE_KINDS),
    status: z.enum(['draft', 'booked', 'stood-down', 'held', 'closed']),
    start: z.string(),
    end: z.string(),
    familySectionStart: z.string().optional(),
    joinUrl: z.string().optional(),
    rebookingOf: z.string().optional(),
  })
  .meta({ id: 'ConferenceSummary' });

export const createdConferenceSchema = z
  .object({ conference: conferenceSummarySchema, version: z.number().int(), answer: bookingAnswerSchema, pendingApprovals: z.array(approvalSummarySchema), approvalCardsSent: z.number().int() })
  .meta({ id: 'CreatedConference' });

const standDownSchema = z.object({
  reason: z.enum(STAND_DOWN_REASONS),
  requestedBy: z.string(),
  requestedAt: z.string(),
  approvalId: z.string(),
  reconveneBy: z.string().optional(),
  rebookedAs: z.string().optional(),
});

export const conferenceReadingSchema = z
  .object({
    conference: z.looseObject({ audience: z.enum(['family', 'professional', 'staff']), conferenceId: z.string(), caseReference: z.string() }).meta({ description: 'What this caller may see (docs/access.md).' }),
    version: z.number().int(),
    deadlines: z.array(deadlineSchema).optional().meta({ description: 'Staff only.' }),
    approvals: z.array(approvalSummarySchema).optional(),
    standDown: standDownSchema.optional(),
    rebookingOf: z.string().optional(),
  })
  .meta({ id: 'ConferenceReading' });

export const conferenceParamsSchema = z.object({ conferenceId: text(100).min(1) });
export const approvalParamsSchema = z.object({ conferenceId: text(100).min(1), approvalId: text(100).min(1) });

export const rescheduleRequestSchema = z
  .object({ date: text(20), startTime: text(10), durationMinutes: minutes.optional(), confidentialMinutes: minutes.optional() })
  .strict()
  .meta({ id: 'RescheduleRequest' });

const familySchema = z.object({ sent: z.array(z.string()), failed: z.array(z.string()), unknown: z.array(z.string()), late: z.array(z.string()) });

export const changedConferenceSchema = z
  .object({ conference: conferenceSummarySchema, version: z.number().int(), meetingUpdated: z.boolean(), familyTold: z.array(z.string()) })
  .meta({ id: 'ChangedConference' });

export const bookedConferenceSchema = z
  .object({ conference: conferenceSummarySchema, version: z.number().int(), optionsVerified: z.boolean(), optionMismatches: z.array(z.string()), familyHeld: z.boolean(), family: familySchema })
  .meta({ id: 'BookedConference' });

export const standDownRequestSchema = z
  .object({ reason: z.enum(STAND_DOWN_REASONS), rationale: text(2000).min(1), managerId: text(100).min(1).meta({ description: 'The safeguarding manager who approves it.' }) })
  .strict()
  .meta({ id: 'StandDownRequest' });

export const standDownResponseSchema = z
  .object({ state: z.enum(['requested', 'resumed']), conference: conferenceSummarySchema, version: z.number().int(), approval: approvalSummarySchema.optional(), reconveneBy: z.string().optional() })
  .meta({ id: 'StandDownAnswer' });

export const rebookRequestSchema = z
  .object({ date: text(20), startTime: text(10), durationMinutes: minutes.optional(), confidentialMinutes: minutes.optional(), lateReason: text(1000).optional(), managerId: text(100).optional() })
  .strict()
  .meta({ id: 'RebookRequest' });

export const rebookedSchema = z
  .object({ conference: conferenceSummarySchema, version: z.number().int(), original: z.object({ id: z.string(), version: z.number().int() }), answer: bookingAnswerSchema, pendingApprovals: z.array(approvalSummarySchema) })
  .meta({ id: 'Rebooked' });

export const pendingApprovalsSchema = z
  .object({
    approvals: z.array(z.object({
      conferenceId: z.string(), caseReference: z.string(), kind: z.enum(CONFERENCE_KINDS), start: z.string(),
      approval: approvalSummarySchema.extend({ requestedBy: z.string(), reason: z.string() }),
    })),
  })
  .meta({ id: 'PendingApprovals' });

export const approvalDecisionSchema = z
  .object({ decision: z.enum(['approve', 'refuse']), note: text(1000).optional() })
  .strict()
  .meta({ id: 'ApprovalDecision' });

export const decidedApprovalSchema = z
  .object({
    approval: approvalSummarySchema,
    conference: conferenceSummarySchema,
    version: z.number().int(),
    followUp: z.object({ kind: z.enum(['none', 'booked', 'stood-down', 'failed']), code: z.string().optional() }),
  })
  .meta({ id: 'DecidedApproval' });

export const deadlinesQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must be on or before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'at most 366 days at a time', path: ['to'] });

export const dueDeadlinesSchema = z
  .object({
    deadlines: z.array(deadlineSchema.extend({ conferenceId: z.string(), caseReference: z.string(), conferenceKind: z.enum(CONFERENCE_KINDS), conferenceStart: z.string() })),
  })
  .meta({ id: 'DueDeadlines' });
