// Local mode's sign-in list: everyone on the staff roster who is in the directory, by role then
// name. Only registered when dev sign-in is (local mode); the local people are invented.
import type { Directory } from '../ports/directory.port';
import type { StaffRoles } from '../ports/staff-roles.port';
import type { DevIdentities } from './dev-identities.schema';

export async function listDevIdentities(deps: { directory: Directory; staffRoles: StaffRoles }): Promise<DevIdentities> {
  const roster = await deps.staffRoles.list();
  const people = await Promise.all(roster.map((entry) => deps.directory.get(entry.objectId)));
  const identities = roster.flatMap((entry, i) => {
    const person = people[i];
    if (!person) return [];
    return [{ objectId: person.id, displayName: person.displayName, role: entry.role, agency: entry.agency, jobTitle: person.jobTitle ?? null }];
  });
  identities.sort((a, b) => a.role.localeCompare(b.role) || a.displayName.localeCompare(b.displayName));
  return { identities };
}
