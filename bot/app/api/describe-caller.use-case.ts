// GET /api/v1/me: the caller as the token names them, with their directory entry (role, agency,
// own name) when they have one. The tab reads it to choose the view; it grants nothing.
import { DirectoryError, type Directory } from '../ports/directory.port';
import type { Caller } from './caller.schema';
import type { Me } from './me.schema';

export function describeCaller(caller: Caller): Caller {
  return { objectId: caller.objectId, tenantId: caller.tenantId, roles: [...caller.roles], scopes: [...caller.scopes] };
}

/** `staff` is null when the caller is not in the directory — or it cannot be read now: /me stays the plain "is my token good?" check. */
export async function describeMe(deps: { directory: Directory }, caller: Caller): Promise<Me> {
  const person = await deps.directory.get(caller.objectId).catch((err: unknown) => {
    if (err instanceof DirectoryError) return null;
    throw err;
  });
  const staff = person ? { role: person.role, ...(person.agency ? { agency: person.agency } : {}), displayName: person.displayName } : null;
  return { ...describeCaller(caller), staff };
}
