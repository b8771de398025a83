// The API's one error envelope (every 4xx/5xx of /api/v1). `code` is one of the product's
// stable codes (bot/app/errors/error-codes.ts); `details` is null or non-identifying detail.
import { z } from 'zod';

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'A stable code, e.g. AUTH.UNAUTHORIZED; map on this, never on the message.' }),
      message: z.string(),
      details: z.unknown().meta({ description: 'null, or detail such as validation issues (paths and messages only).' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
