// POST /api/v1/dev/sign-in (local mode only): a token for any object-id-shaped user id.
import { z } from 'zod';
import { entraIdSchema } from './caller.schema';

export const devSignInRequestSchema = z.object({ userId: entraIdSchema }).strict().meta({ id: 'DevSignInRequest' });
export type DevSignInRequest = z.infer<typeof devSignInRequestSchema>;

export const devSignInResponseSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().positive().meta({ description: 'Seconds.' }),
  })
  .meta({ id: 'DevSignInResponse' });
export type DevSignInResponse = z.infer<typeof devSignInResponseSchema>;
