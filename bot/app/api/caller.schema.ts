// Who is calling: what the bearer token says, ids only (GET /api/v1/me answers with it).
import { z } from 'zod';

/** An Entra object id (or tenant id): a GUID. The one pattern the API checks ids against. */
export const entraIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected an Entra object id (a GUID)');

export const callerSchema = z
  .object({
    objectId: entraIdSchema.meta({ description: "The token's `oid`." }),
    tenantId: entraIdSchema.meta({ description: "The token's `tid`." }),
    roles: z.array(z.string()).meta({ description: "App roles (`roles`), as granted in Entra." }),
    scopes: z.array(z.string()).meta({ description: 'Delegated scopes (`scp`, split on spaces).' }),
  })
  .meta({ id: 'Caller' });
export type Caller = z.infer<typeof callerSchema>;
