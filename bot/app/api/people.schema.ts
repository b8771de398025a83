// GET /api/v1/people: a directory search for people pickers (the tab, a case-management system).
// Tenant staff and professionals only; the role is the product role from the staff roster.
import { z } from 'zod';
import { ACCESS_ROLES } from '../../domain/access/access-policy';
import { AGENCIES } from '../../domain/conference/agency';
import { MAX_PEOPLE, MIN_QUERY } from '../people/search-people';
import { entraIdSchema } from './caller.schema';

export const peopleQuerySchema = z
  .object({
    q: z.string().trim().min(MIN_QUERY).max(100).meta({ description: `The start of a name or e-mail address (at least ${MIN_QUERY} characters).` }),
    top: z.coerce.number().int().min(1).max(MAX_PEOPLE).default(10).meta({ description: `At most this many people (1–${MAX_PEOPLE}, default 10).` }),
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const personSchema = z
  .object({
    id: entraIdSchema.meta({ description: 'Entra object id.' }),
    displayName: z.string(),
    email: z.string().meta({ description: "`mail`, else the user principal name." }),
    jobTitle: z.string().nullable().meta({ description: 'From Entra; null when unset, or when the app holds only User.ReadBasic.All.' }),
    agency: z.enum(AGENCIES).nullable().meta({ description: 'From the staff roster; null when unlisted.' }),
    role: z.enum(ACCESS_ROLES).meta({ description: "The product role from the staff roster; 'professional' when unlisted." }),
  })
  .meta({ id: 'Person' });

export const peopleResponseSchema = z.object({ people: z.array(personSchema) }).meta({ id: 'People' });
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;
