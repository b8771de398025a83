// A checked booking request as a new draft conference: the anchors it is measured from, the
// booking details, the chair and social worker (and the booking clerk) as invitees from the
// directory, the chair as organiser, and the approvals it must wait for.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../domain/access/access-decision';
import type { BookingAnswer, ValidBooking } from '../../domain/booking/check-booking-request';
import type { Approval, ApprovalKind, Conference, Invitee, InviteeRole } from '../../domain/conference/conference';
import type { ProfileId } from '../../domain/policy/policy-profile';
import type { Person } from '../ports/directory.port';
import type { BookingPeople } from './check-booking.use-case';

function inviteeOf(id: string, role: InviteeRole, p: Person): Invitee {
  return { id, role, displayName: p.displayName, email: p.email, directoryId: p.id, status: 'pending', ...(p.agency && { agency: p.agency }) };
}

export function newApproval(kind: ApprovalKind, approverId: string, requestedBy: string, requestedAt: string, reason: string): Approval {
  return { id: randomUUID(), kind, approverId, requestedBy, requestedAt, reason, status: 'pending' };
}

export function draftConference(
  input: { value: ValidBooking; answer: BookingAnswer; people: BookingPeople },
  requester: { viewer: Viewer; person: Person | null },
  profileId: ProfileId,
  now: string,
  extra: { id?: string; rebookingOf?: string; lateApprovalKind?: ApprovalKind } = {},
): Omit<Conference, 'version'> {
  const { value: v, answer, people } = input;
  const invitees: Invitee[] = [inviteeOf('chair', 'chair', people.chair), inviteeOf('social-worker', 'social-worker', people.socialWorker)];
  // The clerk who books minutes the conference: on the list, so they can read and run it.
  const { viewer, person } = requester;
  if (viewer.role === 'clerk' && person && person.id !== people.chair.id && person.id !== people.socialWorker.id) invitees.push(inviteeOf('clerk', 'clerk', person));

  const approvals: Approval[] = [];
  if (answer.late && people.manager) {
    approvals.push(newApproval(extra.lateApprovalKind ?? 'late-booking', people.manager.id, viewer.id, now, v.lateReason ?? ''));
  }
  if (answer.repeatPlan && people.serviceManager) {
    approvals.push(newApproval('repeat-plan-oversight', people.serviceManager.id, viewer.id, now, `A previous plan ended on ${v.previousPlanEndedOn}.`));
  }
  return {
    id: extra.id ?? randomUUID(),
    caseReference: v.caseReference,
    kind: v.kind,
    profileId,
    start: v.start,
    end: v.end,
    ...(v.familySectionStart && { familySectionStart: v.familySectionStart }),
    organizerId: people.chair.id,
    status: 'draft',
    bookingVersion: 1,
    invitees,
    anchors: { [v.anchorKind]: v.anchorDate },
    booking: {
      chairId: people.chair.id,
      socialWorkerId: people.socialWorker.id,
      requestedBy: viewer.id,
      durationMinutes: v.durationMinutes,
      confidentialMinutes: v.confidentialMinutes,
      ...(v.lateReason !== undefined && { lateReason: v.lateReason }),
      ...(answer.repeatPlan && { repeatPlan: true }),
    },
    approvals,
    ...(extra.rebookingOf && { rebookingOf: extra.rebookingOf }),
  };
}

/** Audit detail of a booking's answer: dates, rules and ids only. */
export function answerDetail(c: Pick<Conference, 'kind' | 'start' | 'approvals'>, answer: BookingAnswer) {
  return {
    kind: c.kind,
    date: c.start.slice(0, 10),
    statutoryLatest: answer.statutoryLatest?.date ?? null,
    late: answer.late,
    repeatPlan: answer.repeatPlan,
    missedRules: answer.missed.map((m) => m.rule),
    approvalIds: (c.approvals ?? []).map((a) => a.id),
  };
}
