// GET /api/v1/dev/identities (local mode only): the people the local sign-in offers — the staff
// roster with each person's name from the (sandbox) directory — so the tab's "who are you?" is a list.
import { z } from 'zod';
import { ACCESS_ROLES } from '../../domain/access/access-policy';
import { AGENCIES } from '../../domain/conference/agency';
import { entraIdSchema } from './caller.schema';

export const devIdentitySchema = z
  .object({
    objectId: entraIdSchema,
    displayName: z.string(),
    role: z.enum(ACCESS_ROLES),
    agency: z.enum(AGENCIES).nullable(),
    jobTitle: z.string().nullable(),
  })
  .meta({ id: 'DevIdentity' });

export const devIdentitiesSchema = z.object({ identities: z.array(devIdentitySchema) }).meta({ id: 'DevIdentities' });
export type DevIdentities = z.infer<typeof devIdentitiesSchema>;
