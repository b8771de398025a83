// After a stand-down nobody is entitled to the agency reports any more, after a removal the person
// removed is not: the sharing is reconciled with who is entitled now (permissions revoked). A
// failure leaves the change itself as it is and is audited; access also ends at its expiry, and
// the next reconcile (any upload, a retry) revokes it.
import { CodedError } from '../../domain/shared/coded-error';
import type { AppDeps } from '../app-deps';
import type { Actor } from '../meetings/booking-deps';
import { BookingError } from '../meetings/booking-errors';
import { reconcileReportAccess } from './report-sharing';

export async function revokeReportAccess(deps: AppDeps, conferenceId: string, actor: Actor): Promise<void> {
  try {
    await reconcileReportAccess(deps, conferenceId, actor);
  } catch (err) {
    if (!(err instanceof CodedError || err instanceof BookingError)) throw err;
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'report.revoke-failed', conferenceId, detail: { code: err.code } });
  }
}
