// Timeliness over a period and one child's plan as a timeline (docs/tab/timeliness.md): dates,
// ids, kinds, rules and statuses only — never a name.
import { z } from 'zod';
import { CONFERENCE_KINDS } from '../../domain/conference/conference-kind';
import { TIMELINESS_MEASURES } from '../../domain/timeliness/timeliness';
import { isoDateSchema } from './timescales.schema';

/** Two years at most: a financial year with the one before it. */
export const TIMELINESS_MAX_DAYS = 731;

/** Both or neither: without a period, the year up to today (the server's Europe/London date). */
export const timelinessQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to, or neither', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must be on or before to', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= TIMELINESS_MAX_DAYS * 86_400_000, { message: `at most ${TIMELINESS_MAX_DAYS} days at a time`, path: ['to'] });

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const status = z.enum(['met', 'missed', 'pending', 'unmeasured']);

export const timelinessReportSchema = z
  .object({
    from: date,
    to: date,
    today: date,
    measures: z.array(
      z.object({
        measure: z.enum(TIMELINESS_MEASURES),
        label: z.string(),
        met: z.number().int(),
        total: z.number().int(),
        share: z.number().min(0).max(1).nullable(),
        pending: z.number().int(),
        unmeasured: z.number().int(),
      }),
    ),
    rows: z.array(
      z.object({
        conferenceId: z.string(),
        caseReference: z.string(),
        kind: z.enum(CONFERENCE_KINDS),
        heldOn: date,
        measure: z.enum(TIMELINESS_MEASURES),
        rule: z.string(),
        due: date.nullable(),
        doneOn: date.nullable(),
        workingDays: z.number().int().nullable(),
        status,
      }),
    ),
  })
  .meta({ id: 'TimelinessReport' });

export const planTimelineSchema = z
  .object({
    planId: z.string(),
    caseReference: z.string(),
    today: date,
    open: z.boolean(),
    items: z.array(
      z.object({
        type: z.enum(['strategy-discussion', 'meeting', 'decision', 'deadline']),
        date,
        conferenceId: z.string(),
        label: z.string(),
        kind: z.enum(CONFERENCE_KINDS).nullable(),
        rule: z.string().nullable(),
        status: z.enum(['held', 'booked', 'stood-down', 'draft', 'recorded', 'done', 'due', 'missed']),
        due: date.nullable(),
        timeliness: status.nullable(),
        doneOn: date.nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanTimeline' });
