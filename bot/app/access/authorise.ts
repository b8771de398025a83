// The guard every API route and card handler calls before its use case: decide() from
// bot/domain/access, and on refusal an audit entry (ids and codes only) and a coded throw.
// Call it before UnitOfWork.run, never inside: a refusal throws, and an entry appended in the
// use case's transaction would roll back with it, leaving the refusal unrecorded.
import { type AccessRefusalCode, decide, type Viewer } from '../../domain/access/access-decision';
import type { AccessAction } from '../../domain/access/access-policy';
import type { Conference } from '../../domain/conference/conference';
import { CodedError } from '../../domain/shared/coded-error';
import type { AuditLog } from '../ports/audit-log.port';

export { ACCESS_REFUSAL_CODES } from '../../domain/access/access-decision';

/** The access area's codes (bot/app/errors/error-codes.ts combines them with the others). */
export type AccessErrorCode = AccessRefusalCode | 'ACCESS.UNKNOWN_PERSON';

export class AccessRefused extends CodedError<AccessErrorCode> {}

export const ACCESS_REFUSED_AUDIT_ACTION = 'access.refused';

export async function authorise(
  deps: { audit: AuditLog },
  viewer: Viewer,
  action: AccessAction,
  conference?: Conference,
  subject?: { inviteeId: string },
): Promise<void> {
  const decision = decide(viewer, action, conference, subject);
  if (decision.ok) return;
  await deps.audit.append({
    actorId: viewer.id,
    actorRole: viewer.role,
    action: ACCESS_REFUSED_AUDIT_ACTION,
    conferenceId: conference?.id ?? null,
    detail: {
      attempted: action,
      code: decision.code,
      ...(subject && { inviteeId: subject.inviteeId }),
      ...(viewer.invitation && { linkInviteeId: viewer.invitation.inviteeId }),
    },
  });
  throw new AccessRefused(decision.code, `access refused: ${action}`, conference ? { conferenceId: conference.id } : undefined);
}
