// GET /api/v1/timescales: the profile-independent inputs of `cpc timescales` (kind, anchors,
// today) and the deadlines. The kind and anchor schemas are the CLI's too (cpc-cli.ts); dates are
// checked by the same domain function (toDayNumber) as the CLI's.
import { z } from 'zod';
import { CalendarError } from '../../domain/calendar/calendar-error';
import { toDayNumber } from '../../domain/calendar/civil-date';
import { CONFERENCE_KINDS } from '../../domain/conference/conference-kind';
import { ANCHOR_KINDS, type AnchorKind, type Anchors } from '../../domain/timescales/anchors';

export const conferenceKindSchema = z.enum(CONFERENCE_KINDS);
export const anchorKindSchema = z.enum(ANCHOR_KINDS);

/** Said by code: the domain's message quotes the value, and an API answer never echoes input. */
const DATE_MESSAGES: Partial<Record<string, string>> = {
  'CALENDAR.OUT_OF_RANGE': 'a date outside the years whose bank holidays are known',
};

/** A real 'YYYY-MM-DD' date within the years the calendar knows (the domain's own check, as the CLI's). */
export const isoDateSchema = z
  .string()
  .superRefine((value, ctx) => {
    try {
      toDayNumber(value);
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      ctx.addIssue({ code: 'custom', message: DATE_MESSAGES[e.code] ?? 'expected a real YYYY-MM-DD date' });
    }
  })
  .meta({ format: 'date', description: 'YYYY-MM-DD (Europe/London calendar date).' });

const anchorFields = Object.fromEntries(
  ANCHOR_KINDS.map((k) => [k, isoDateSchema.optional().meta({ description: `Anchor: the ${k} date.` })]),
) as Record<AnchorKind, z.ZodOptional<typeof isoDateSchema>>;

export const timescalesQuerySchema = z
  .object({
    kind: conferenceKindSchema.optional().meta({ description: 'Picks the T7/T10 variant; both when absent.' }),
    today: isoDateSchema.optional().meta({ description: "Defaults to the server's Europe/London date." }),
    ...anchorFields,
  })
  .strict()
  .refine((q) => ANCHOR_KINDS.some((k) => q[k] !== undefined), { message: `give at least one anchor (${ANCHOR_KINDS.join(', ')})` });
export type TimescalesQuery = z.infer<typeof timescalesQuerySchema>;

export function anchorsOf(query: TimescalesQuery): Anchors {
  const anchors: Anchors = {};
  for (const k of ANCHOR_KINDS) if (query[k] !== undefined) anchors[k] = query[k];
  return anchors;
}

export const deadlineSchema = z
  .object({ rule: z.string(), name: z.string(), date: z.string().meta({ format: 'date' }), text: z.string() })
  .meta({ id: 'Deadline' });

export const timescalesResponseSchema = z
  .object({ profile: z.string().meta({ description: "The deployment's policy profile id." }), deadlines: z.array(deadlineSchema) })
  .meta({ id: 'Timescales' });
export type TimescalesResponse = z.infer<typeof timescalesResponseSchema>;
