// Local mode: the staff roster from the seeded people (SEED_PEOPLE, invented) when it is empty, so
// that the sandbox's chairs, clerks and managers sign in with their roles. A roster someone has
// edited (npm run staff:role) is left as it is. Each entry is audited like any other change.
import type { StaffRoles } from '../../bot/app/ports/staff-roles.port';
import { SEED_PEOPLE } from '../graph-sandbox/directory/seed-people';

export const LOCAL_SEED_ACTOR = { id: 'local-launcher', role: 'system' } as const;

/** The number of entries written (0 when the roster already had any). */
export async function seedStaffRoster(roster: StaffRoles): Promise<number> {
  if ((await roster.count()) > 0) return 0;
  let written = 0;
  for (const person of SEED_PEOPLE) {
    if (person.role === 'family-member') continue;
    await roster.set({ objectId: person.id, role: person.role, agency: person.agency }, LOCAL_SEED_ACTOR);
    written++;
  }
  return written;
}
