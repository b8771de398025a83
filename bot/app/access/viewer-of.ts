// Who a Teams user or an API caller is, for decide(): their directory entry's role and address.
// Someone not in the directory (a guest, a removed account) has no viewer: the edges refuse them.
import type { Viewer } from '../../domain/access/access-decision';
import type { Directory } from '../ports/directory.port';

export async function viewerOf(directory: Directory, objectId: string | undefined): Promise<Viewer | null> {
  if (!objectId) return null;
  const person = await directory.get(objectId);
  if (!person) return null;
  return { id: person.id, role: person.role, email: person.email };
}
