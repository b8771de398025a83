// POST /api/v1/conferences/:id/stand-down: a reason (DOMAIN-RULES §6), a rationale and the named
// safeguarding manager, whose approval card it waits for. On approval (decideApproval) the
// Teams meeting is cancelled and each family member told individually (standDown). Not quorate:
// the rebooking must be reconvened within T17 working days of the original date.
import { z } from 'zod';
import type { Approval, Conference, StandDownReason, StandDownRecord } from '../../domain/conference/conference';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { revokeReportAccess } from '../reports/revoke-report-access';
import { withBookingRun } from '../meetings/booking-run';
import { type SyncReport, standDown } from '../meetings/change-booking.use-case';
import { BookingError } from '../meetings/booking-errors';
import { type ApprovalNotice, sendApprovalCards } from './approvals.use-case';
import { actorOf, calendarOf, checkVersion, loadFor, refuseIfStoodDown } from './booking-context';
import { BookingRequestError } from './booking-request-errors';
import { newApproval } from './draft-conference';
import { STAND_DOWN_REASONS } from '../../domain/booking/stand-down-reasons';

export { STAND_DOWN_REASONS };
export const standDownReasonSchema = z.enum(STAND_DOWN_REASONS);

export const STAND_DOWN_LABEL: Record<StandDownReason, string> = {
  'no-longer-needed': 'No longer needed',
  'not-quorate': 'Not quorate (not enough information)',
  'report-not-shared-with-family': 'Social work report not shared with the family',
  'no-interpreter': 'No interpreter',
  'family-cannot-attend': 'Family cannot attend',
  unforeseen: 'Unforeseen (illness, network failure)',
};

export interface StandDownRequest {
  reason: StandDownReason;
  rationale: string;
  managerId: string;
}

export type StandDownAnswer =
  | { kind: 'requested'; conference: Conference; approval: Approval; notices: ApprovalNotice[] }
  /** An approved stand-down that stopped before the meeting was cancelled: resumed. */
  | { kind: 'resumed'; conference: Conference; sync: SyncReport };

export async function requestStandDown(deps: AppDeps, actorId: string | undefined, conferenceId: string, request: StandDownRequest, ifMatch: number | null = null): Promise<StandDownAnswer> {
  const viewer = await requireViewer(deps, actorId, 'conference.stand-down');
  const c = await loadFor(deps, viewer, conferenceId, 'conference.stand-down');
  checkVersion(c, ifMatch);
  const actor = actorOf(viewer);
  const asked = c.standDown && c.approvals?.find((a) => a.id === c.standDown!.approvalId);
  // An approved stand-down that stopped half-way (the cancel or a family e-mail not done): the
  // same request finishes it; standDown resumes where it stopped and sends nothing twice.
  if (asked?.status === 'approved') {
    const sync = await standDown(deps, c.id, c.standDown!.reason, actor);
    await revokeReportAccess(deps, c.id, actor);
    return { kind: 'resumed', conference: sync.conference, sync };
  }
  refuseIfStoodDown(c);
  if (asked?.status === 'pending') throw new BookingRequestError('BOOKING.STAND_DOWN_PENDING', `a stand-down of conference ${c.id} awaits approval`, { approvalId: asked.id });
  if (c.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
  const rationale = request.rationale.trim();
  if (rationale === '') throw new BookingRequestError('BOOKING.RATIONALE_REQUIRED', 'a stand-down needs a rationale');
  const manager = await deps.directory.get(request.managerId);
  if (!manager) throw new BookingRequestError('BOOKING.PERSON_NOT_FOUND', 'the named manager is not in the directory', { field: 'managerId' });
  if (manager.role !== 'safeguarding-manager') throw new BookingRequestError('BOOKING.MANAGER_NOT_SAFEGUARDING', 'a stand-down is approved by a safeguarding manager', { field: 'managerId' });

  const profile = deps.profileFor(c.profileId);
  const t17 = profile.timescales.T17;
  const reconveneBy = request.reason === 'not-quorate' && t17 !== null ? calendarOf(profile).addWorkingDays(c.start.slice(0, 10), t17) : undefined;
  const now = deps.clock.now().toISOString();
  const approval = newApproval('stand-down', manager.id, viewer.id, now, rationale);
  const record: StandDownRecord = { reason: request.reason, requestedBy: viewer.id, requestedAt: now, approvalId: approval.id, ...(reconveneBy && { reconveneBy }) };
  const saved = await withBookingRun(deps, c.id, actor, async (run) => {
    const current = await run.load();
    checkVersion(current, ifMatch);
    if (current.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKED', `conference ${c.id} is ${current.status}`);
    return run.step(async (s) => {
      const next = await s.save({ ...current, approvals: [...(current.approvals ?? []), approval], standDown: record });
      await s.audit('stand-down.requested', { approvalId: approval.id, reasonCode: request.reason, approverId: manager.id, reconveneBy: reconveneBy ?? null });
      return next;
    });
  });
  const notices = await sendApprovalCards(deps, saved, [approval], actor);
  return { kind: 'requested', conference: saved, approval, notices };
}
