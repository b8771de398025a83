// The stage view's shapes (docs/tab/stage-view.md): what the meeting stage shows everyone in the
// call. Strict objects: the router checks every answer against them, so a field added by mistake
// (a name, an agency's view) is a 500, never shown.
import { z } from 'zod';
import { HARM_CATEGORIES } from '../../domain/decision/decision';
import { MEETING_STAGES } from '../../domain/meeting/live-meeting';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
export const stageViewParamsSchema = z.object({ conferenceId: idSchema });
export const stageViewTokenQuerySchema = z.object({ token: z.string().min(1).max(2000) });

export const stageViewSchema = z.strictObject({
  conferenceId: z.string(),
  caseReference: z.string(),
  kind: z.string(),
  date: z.string().meta({ description: 'YYYY-MM-DD (Europe/London).' }),
  stage: z.enum(MEETING_STAGES).nullable().meta({ description: 'null until the meeting has started.' }),
  agenda: z.array(z.strictObject({ stage: z.enum(MEETING_STAGES), label: z.string(), status: z.enum(['done', 'current', 'to-come']) })),
  plan: z
    .strictObject({
      outcome: z.enum(['child-protection-plan', 'child-in-need', 'no-further-action']),
      outcomeLabel: z.string(),
      category: z.enum([...HARM_CATEGORIES, 'multiple']).optional(),
      categoryLabel: z.string().optional(),
      firstCoreGroupDate: z.string().optional(),
      reviewDate: z.string().optional(),
    })
    .nullable()
    .meta({ description: 'After the decision is recorded: the outcome and next dates; nothing from the confidential section.' }),
});

export const stageViewShareUrlSchema = z.strictObject({
  url: z.string().meta({ description: '/tab/stage?conference=<id>&token=<signed>: pass to meeting.shareAppContentToStage.' }),
  expiresAt: z.string(),
});
