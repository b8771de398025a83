// Who a Teams user or an API caller is, for decide(): their directory entry's role and address.
// Someone not in the directory (a guest, a removed account) has no viewer: requireViewer refuses
// them with ACCESS.UNKNOWN_PERSON (audited), before any use case runs.
import type { Viewer } from '../../domain/access/access-decision';
import type { AuditLog } from '../ports/audit-log.port';
import type { Directory } from '../ports/directory.port';
import { ACCESS_REFUSED_AUDIT_ACTION, AccessRefused } from './authorise';

export async function viewerOf(directory: Directory, objectId: string | undefined): Promise<Viewer | null> {
  if (!objectId) return null;
  const person = await directory.get(objectId);
  if (!person) return null;
  return { id: person.id, role: person.role, email: person.email };
}

/** The viewer, or an audited ACCESS.UNKNOWN_PERSON refusal naming what was attempted. */
export async function requireViewer(deps: { directory: Directory; audit: AuditLog }, objectId: string | undefined, attempted: string): Promise<Viewer> {
  const viewer = await viewerOf(deps.directory, objectId);
  if (viewer) return viewer;
  await deps.audit.append({
    actorId: objectId ?? 'unknown',
    actorRole: 'unknown',
    action: ACCESS_REFUSED_AUDIT_ACTION,
    conferenceId: null,
    detail: { attempted, code: 'ACCESS.UNKNOWN_PERSON' },
  });
  throw new AccessRefused('ACCESS.UNKNOWN_PERSON', `not in the directory: ${attempted}`);
}
