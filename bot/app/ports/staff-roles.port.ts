// The staff roster: the product role (and agency) of each tenant member who has one. Graph's user
// has no product role, so the council keeps this list in the product's database (set by council
// IT with `npm run staff:role`, every change audited). It is the one source of product roles:
// app roles in a caller's token are not read (docs/access.md).
import type { AccessRole } from '../../domain/access/access-policy';
import { ACCESS_ROLES } from '../../domain/access/access-policy';
import type { Agency } from '../../domain/conference/agency';

/** Roles the roster can hold: every product role but family member (family are never in the tenant directory). */
export type StaffRole = Exclude<AccessRole, 'family-member'>;
export const STAFF_ROLES: readonly StaffRole[] = ACCESS_ROLES.filter((r): r is StaffRole => r !== 'family-member');

/** Someone in the tenant directory but not on the roster. */
export const DEFAULT_STAFF_ROLE: StaffRole = 'professional';

export interface StaffRoleEntry {
  /** Entra object id, lower case. */
  objectId: string;
  role: StaffRole;
  agency: Agency | null;
  /** Who set it: an object id, or 'cli' for council IT's command line. */
  setBy: string;
  setAt: string;
}

export interface StaffRoles {
  get(objectId: string): Promise<StaffRoleEntry | null>;
  /** The entries of those ids that are listed (unlisted ids are absent from the map). */
  getMany(objectIds: readonly string[]): Promise<Map<string, StaffRoleEntry>>;
  list(): Promise<StaffRoleEntry[]>;
  count(): Promise<number>;
  /** Adds or replaces one entry; audited ('staff-role.set') in the same transaction. */
  set(entry: { objectId: string; role: StaffRole; agency: Agency | null }, actor: { id: string; role: string }): Promise<StaffRoleEntry>;
  /** Removes one entry; audited ('staff-role.removed'). False when it was not listed. */
  remove(objectId: string, actor: { id: string; role: string }): Promise<boolean>;
}
