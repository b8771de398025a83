// GET /api/v1/me: the caller as the token names them, and — for the tab, which shows each person
// their own view — who they are to the product: their role (staff roster) and name (directory).
import { z } from 'zod';
import { ACCESS_ROLES } from '../../domain/access/access-policy';
import { AGENCIES } from '../../domain/conference/agency';
import { callerSchema } from './caller.schema';

export const staffOfCallerSchema = z
  .object({
    role: z.enum(ACCESS_ROLES).meta({ description: "The product role from the staff roster; 'professional' when unlisted." }),
    agency: z.enum(AGENCIES).optional().meta({ description: 'From the staff roster, when it names one.' }),
    displayName: z.string().optional().meta({ description: "The caller's own name, from the directory." }),
  })
  .meta({ id: 'StaffOfCaller' });

export const meSchema = callerSchema
  .extend({
    staff: staffOfCallerSchema.nullable().meta({ description: 'null when the caller is not in the directory (a guest, a removed account) or the directory cannot be read now.' }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
