// What the booking use cases share: the deployment's calendar, the caller as a viewer, the
// conference loaded with its access check, the If-Match and stood-down guards, and the people
// named on a request looked up in the directory.
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { Viewer } from '../../domain/access/access-decision';
import type { AccessAction, AccessRole } from '../../domain/access/access-policy';
import type { BookingField, BookingRuleCode, FieldErrors } from '../../domain/booking/booking-rule-codes';
import type { Conference } from '../../domain/conference/conference';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { CodedError } from '../../domain/shared/coded-error';
import { authorise } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import type { ApiErrorCode } from '../errors/error-codes';
import { BookingError } from '../meetings/booking-errors';
import type { Actor } from '../meetings/booking-deps';
import type { Person } from '../ports/directory.port';
import { BookingRequestError } from './booking-request-errors';

export function calendarOf(profile: PolicyProfile): WorkingCalendar {
  return createWorkingCalendar(profile.calendar, profile.extraClosures);
}

export const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, role: viewer.role });

/** The conference, after the viewer's access to `action` on it (refusals audited; 404 for strangers). */
export async function loadFor(deps: AppDeps, viewer: Viewer, conferenceId: string, action: AccessAction): Promise<Conference> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  await authorise(deps, viewer, action, c);
  return c;
}

/** If-Match: the conference's `version` is its ETag; null (no header: the card path) is not checked. */
export function checkVersion(c: Conference, ifMatch: number | null | undefined): void {
  if (ifMatch !== null && ifMatch !== undefined && ifMatch !== c.version) {
    throw new CodedError<ApiErrorCode>('API.VERSION_STALE', `conference ${c.id} is at version ${c.version}`, { conferenceId: c.id, currentVersion: c.version });
  }
}

export function refuseIfStoodDown(c: Conference): void {
  if (c.status === 'stood-down') throw new BookingRequestError('BOOKING.CONFERENCE_STOOD_DOWN', `conference ${c.id} was stood down`, { conferenceId: c.id });
}

export const MANAGER_ROLES: readonly AccessRole[] = ['team-manager', 'safeguarding-manager', 'service-manager'];

export interface PersonRule {
  field: BookingField;
  id: string | undefined;
  roles: readonly AccessRole[];
  wrongRole: BookingRuleCode;
  message: string;
}

/** Looks each named person up; a field error for anyone missing or of the wrong role. */
export async function checkPeople(deps: Pick<AppDeps, 'directory'>, rules: PersonRule[], errors: FieldErrors): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  for (const r of rules) {
    if (!r.id || errors[r.field]) continue;
    const person = await deps.directory.get(r.id);
    if (!person) errors[r.field] = { code: 'BOOKING.PERSON_NOT_FOUND', message: 'This person is not in the directory. Choose them from the list.' };
    else if (!r.roles.includes(person.role)) errors[r.field] = { code: r.wrongRole, message: r.message };
    else found.set(r.field, person);
  }
  return found;
}
