// The chair's meeting alerts in /api/v1 (docs/meeting/roster-and-alerts.md).
import { z } from 'zod';
import { ALERT_KINDS, MEETING_STAGES } from '../../domain/meeting/live-meeting';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
export const alertParamsSchema = z.object({ conferenceId: idSchema, alertId: idSchema });

export const acknowledgedAlertSchema = z.object({
  alert: z.object({
    id: z.string(),
    kind: z.enum(ALERT_KINDS),
    stage: z.enum(MEETING_STAGES),
    participantId: z.string().optional(),
    inviteeId: z.string().optional(),
    raisedAt: z.string(),
    deliveries: z.number().int(),
    acknowledgedAt: z.string().optional(),
    acknowledgedBy: z.string().optional(),
    clearedAt: z.string().optional(),
  }),
  /** Already acknowledged (or no longer open) before this request: nothing changed. */
  already: z.boolean(),
});
