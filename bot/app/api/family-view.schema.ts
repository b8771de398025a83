// GET /api/v1/family-view?token=: what the family's page shows. Three facts only — the stage,
// the family member's own join time and the conference date — never a name, another person, an
// agency or anything said in the meeting.
import { z } from 'zod';

export const FAMILY_VIEW_STAGES = ['not-started', 'pre-meeting', 'confidential', 'family', 'decision', 'looked-after', 'closed', 'cancelled'] as const;

export const familyViewQuerySchema = z.object({ token: z.string().min(1).max(2000) }).strict().meta({ id: 'FamilyViewQuery' });

export const familyViewSchema = z
  .object({
    stage: z.enum(FAMILY_VIEW_STAGES).meta({
      description: "The meeting's stage: not-started before Teams reports it running, cancelled once stood down, else the live stage.",
    }),
    joinAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).meta({ description: 'Their own join time, Europe/London wall clock.' }),
    conferenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict()
  .meta({ id: 'FamilyView' });
export type FamilyView = z.infer<typeof familyViewSchema>;
