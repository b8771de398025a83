// Follow-ups and core groups on /api/v1 (docs/meeting/follow-ups.md, docs/meeting/core-groups.md):
// request bodies parsed strictly, answers checked against these schemas. Ids, dates and the
// minutes' own text only; no names.
import { z } from 'zod';
import { FOLLOW_UP_RULES } from '../../domain/follow-ups/follow-ups';
import type { InviteeRole } from '../../domain/conference/conference';
import { INVITEE_ROLES } from '../../domain/invite-list/invitee-rules';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD (Europe/London)');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const text = (max: number) => z.string().max(max);

export const followUpParamsSchema = z.object({ conferenceId: idSchema });
export const followUpTaskParamsSchema = z.object({ conferenceId: idSchema, rule: z.enum(FOLLOW_UP_RULES) });

export const bookFollowUpsBodySchema = z
  .object({
    coreGroup: z.object({ startTime: hhmm.optional(), durationMinutes: z.number().int().min(30).max(240).optional() }).strict().optional(),
    review: z.object({ startTime: hhmm.optional(), durationMinutes: z.number().int().min(30).max(240).optional(), confidentialMinutes: z.number().int().min(0).max(239).optional() }).strict().optional(),
  })
  .strict()
  .meta({ id: 'BookFollowUpsRequest' });

const taskSchema = z.object({ rule: z.enum(FOLLOW_UP_RULES), due: isoDate, doneAt: z.string().optional(), doneBy: z.string().optional() }).meta({ id: 'FollowUpTask' });

export const followUpsSchema = z
  .object({
    conferenceId: idSchema,
    booked: z.array(
      z.object({
        kind: z.enum(['first-core-group', 'review', 'next-core-group']),
        conferenceId: idSchema,
        date: isoDate,
        status: z.enum(['draft', 'booked', 'stood-down', 'held', 'closed']),
        optionsVerified: z.boolean(),
        newlyBooked: z.boolean(),
        invitees: z.number().int(),
      }),
    ),
    tasks: z.array(taskSchema),
    changed: z.boolean().optional(),
  })
  .meta({ id: 'FollowUps' });

const attendeeSchema = z
  .object({ inviteeId: idSchema, role: z.enum(INVITEE_ROLES as [InviteeRole, ...InviteeRole[]]), agency: text(40).optional(), consulted: z.boolean(), invited: z.boolean(), attended: z.boolean(), chair: z.boolean() })
  .strict();
const planItemInput = z.object({ id: idSchema.optional(), kind: z.enum(['action', 'safety-goal']), text: text(1000), owner: text(100).optional() }).strict();
const scalingSchema = z.object({ now: z.number().optional(), initialConference: z.number().optional(), lastMeeting: z.number().optional() }).strict();
const progressSchema = z.object({ itemId: idSchema, progress: text(2000), nextSteps: text(2000) }).strict();
const disagreementSchema = z.object({ itemId: idSchema.optional(), by: text(100), text: text(2000) }).strict();

export const minutesBodySchema = z
  .object({
    attendees: z.array(attendeeSchema).max(60),
    childsWords: text(4000),
    familysWords: text(4000),
    childSeenInTimescale: z.boolean().optional(),
    advocateOffered: z.boolean().optional(),
    progress: z.array(progressSchema).max(50),
    scaling: scalingSchema,
    workingWell: text(4000),
    worriedAbout: text(4000),
    needsToHappen: text(4000),
    recommendationsForReview: text(4000).optional(),
    nextCoreGroupDate: isoDate.optional(),
    disagreements: z.array(disagreementSchema).max(50),
    plan: z.array(planItemInput).max(100),
  })
  .strict()
  .meta({ id: 'CoreGroupMinutesRequest' });

const planItemSchema = z.object({ id: idSchema, kind: z.enum(['action', 'safety-goal']), text: z.string(), owner: z.string().optional(), agreedAt: isoDate, agreedBy: idSchema });

export const coreGroupSchema = z
  .object({
    conferenceId: idSchema,
    planId: idSchema,
    heldOn: isoDate,
    version: z.number().int().min(0),
    minutes: z
      .object({
        heldOn: isoDate,
        attendees: z.array(attendeeSchema),
        childsWords: z.string(),
        familysWords: z.string(),
        childSeenInTimescale: z.boolean().optional(),
        advocateOffered: z.boolean().optional(),
        progress: z.array(progressSchema),
        scaling: scalingSchema,
        workingWell: z.string(),
        worriedAbout: z.string(),
        needsToHappen: z.string(),
        recommendationsForReview: z.string().optional(),
        nextCoreGroupDate: isoDate.optional(),
        disagreements: z.array(disagreementSchema),
        savedAt: z.string(),
        savedBy: z.string(),
        circulatedAt: z.string().optional(),
        circulatedBy: z.string().optional(),
        circulation: z.object({ startedAt: z.string(), by: z.string(), recipients: z.array(z.object({ inviteeId: idSchema, state: z.enum(['sending', 'sent', 'failed', 'unknown']) })) }).optional(),
      })
      .nullable(),
    attendeeTemplate: z.array(attendeeSchema),
    plan: z.array(planItemSchema),
    quorum: z.object({ quorate: z.boolean(), professionalsAttending: z.number().int() }),
    nextDate: z.object({ latest: isoDate.nullable(), earliestFinal: isoDate.nullable(), reviewDate: isoDate.nullable(), lastBeforeReview: z.boolean() }),
    minutesDueBy: isoDate.nullable(),
    circulated: z.boolean(),
    previous: z.object({ conferenceId: idSchema, heldOn: isoDate, scalingNow: z.number().nullable() }).nullable(),
  })
  .meta({ id: 'CoreGroup' });

export const circulationSchema = z
  .object({ coreGroup: coreGroupSchema, alreadyCirculated: z.boolean(), sent: z.array(idSchema), failed: z.array(idSchema), unknown: z.array(idSchema), onTime: z.boolean().nullable() })
  .meta({ id: 'CoreGroupCirculation' });
