// The clerk's dashboard API (docs/api.md "Dashboard"): conferences by date, each with its
// deadlines' statuses (done, due, due soon, missed: bot/domain/booking/deadline-status.ts).
import { z } from 'zod';
import { DEADLINE_STATUSES } from '../../domain/booking/deadline-status';
import { approvalSummarySchema, conferenceSummarySchema } from './booking.schema';
import { deadlineSchema, isoDateSchema } from './timescales.schema';

export const conferenceListQuerySchema = z
  .object({
    from: isoDateSchema.optional().meta({ description: "Default: today (the server's Europe/London date)." }),
    to: isoDateSchema.optional().meta({ description: 'Default: 56 days after from.' }),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must be on or before to', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'at most 366 days at a time', path: ['to'] });

export const deadlineWithStatusSchema = deadlineSchema
  .extend({ status: z.enum(DEADLINE_STATUSES).meta({ description: 'done; missed (past, not done); due-soon (today or within 3 working days); due.' }) })
  .meta({ id: 'DeadlineWithStatus' });

export const conferenceListingSchema = z
  .object({
    conference: conferenceSummarySchema,
    version: z.number().int(),
    deadlines: z.array(deadlineWithStatusSchema),
    pendingApprovals: z.array(approvalSummarySchema).meta({ description: 'Approvals still waiting on this conference (without the reason).' }),
  })
  .meta({ id: 'ConferenceListing' });

export const conferenceListSchema = z
  .object({ from: z.string(), to: z.string(), today: z.string(), conferences: z.array(conferenceListingSchema) })
  .meta({ id: 'ConferenceList' });
