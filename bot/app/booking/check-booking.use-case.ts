// "Check" on the booking card and POST /api/v1/booking-checks: the domain's field rules, the
// people named looked up in the directory, and the answer (statutory latest date, deadlines,
// misses). Changes nothing.
import type { Viewer } from '../../domain/access/access-decision';
import type { AccessRole } from '../../domain/access/access-policy';
import type { BookingRuleCode, FieldErrors } from '../../domain/booking/booking-rule-codes';
import { type BookingAnswer, type BookingAnswerOptions, type BookingRequestInput, checkBookingRequest, type ValidBooking } from '../../domain/booking/check-booking-request';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import type { Person } from '../ports/directory.port';
import { calendarOf, checkPeople, MANAGER_ROLES } from './booking-context';

export interface BookingPeople {
  chair: Person;
  socialWorker: Person;
  manager?: Person;
  serviceManager?: Person;
}

export type BookingEvaluation =
  | { ok: true; value: ValidBooking; answer: BookingAnswer; people: BookingPeople; fieldErrors: FieldErrors }
  | { ok: false; fieldErrors: FieldErrors; answer: BookingAnswer | null };

/** The domain's check, then the directory's: chair, social worker and managers of the right roles. */
export interface EvaluateOptions extends BookingAnswerOptions {
  /** Who may approve a late date (default: a team, safeguarding or service manager). */
  lateApprover?: { roles: readonly AccessRole[]; wrongRole: BookingRuleCode; message: string };
}

const ANY_MANAGER = { roles: MANAGER_ROLES, wrongRole: 'BOOKING.MANAGER_NOT_A_MANAGER' as const, message: 'Name a team manager, safeguarding manager or service manager.' };

export async function evaluateBooking(deps: AppDeps, input: BookingRequestInput, options: EvaluateOptions = {}): Promise<BookingEvaluation> {
  const profile = deps.profileFor(deps.profileId);
  const { lateApprover = ANY_MANAGER, ...answerOptions } = options;
  const checked = checkBookingRequest(profile, calendarOf(profile), input, deps.clock.today(), answerOptions);
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  const answer = checked.answer;
  const people = await checkPeople(deps, [
    { field: 'chairId', id: input.chairId?.trim(), roles: ['chair'], wrongRole: 'BOOKING.CHAIR_NOT_A_CHAIR', message: 'This person is not a conference chair in the directory.' },
    { field: 'socialWorkerId', id: input.socialWorkerId?.trim(), roles: ['social-worker'], wrongRole: 'BOOKING.SOCIAL_WORKER_NOT_A_SOCIAL_WORKER', message: 'This person is not a social worker in the directory.' },
    ...(answer?.late ? [{ field: 'managerId' as const, id: input.managerId?.trim(), ...lateApprover }] : []),
    ...(answer?.repeatPlan ? [{ field: 'serviceManagerId' as const, id: input.serviceManagerId?.trim(), roles: ['service-manager' as const], wrongRole: 'BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER' as const, message: 'Name a service manager.' }] : []),
  ], errors);
  if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors, answer };
  return {
    ok: true,
    value: checked.value,
    answer: checked.answer,
    fieldErrors: {},
    people: {
      chair: people.get('chairId')!,
      socialWorker: people.get('socialWorkerId')!,
      ...(people.get('managerId') && { manager: people.get('managerId')! }),
      ...(people.get('serviceManagerId') && { serviceManager: people.get('serviceManagerId')! }),
    },
  };
}

/** Who may book may check; anyone else is refused (audited) before anything is looked up. */
export async function bookingViewer(deps: AppDeps, actorId: string | undefined): Promise<Viewer> {
  const viewer = await requireViewer(deps, actorId, 'conference.create');
  await authorise(deps, viewer, 'conference.create');
  return viewer;
}

export async function checkBooking(deps: AppDeps, actorId: string | undefined, input: BookingRequestInput): Promise<BookingEvaluation> {
  await bookingViewer(deps, actorId);
  return evaluateBooking(deps, input);
}
