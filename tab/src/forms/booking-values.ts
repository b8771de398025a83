// The booking form's values (strings as typed, people as picked) and the request they make for
// POST /api/v1/booking-checks and /api/v1/conferences. Pure: no React.
import type { BookingRequest } from '../shell/api-types';
import type { PickedPerson } from './picked-person';

export type Kind = BookingRequest['kind'];
export type TextField = 'caseReference' | 'anchorKind' | 'anchorDate' | 'date' | 'startTime' | 'durationMinutes' | 'confidentialMinutes' | 'lateReason' | 'previousPlanEndedOn';
export type PersonField = 'chairId' | 'socialWorkerId' | 'managerId' | 'serviceManagerId';
export type FieldName = TextField | PersonField | 'kind';

export interface BookingValues {
  kind: Kind;
  text: Record<TextField, string>;
  people: Record<PersonField, PickedPerson | null>;
}

export const EMPTY_BOOKING: BookingValues = {
  kind: 'ICPC',
  text: { caseReference: '', anchorKind: '', anchorDate: '', date: '', startTime: '10:00', durationMinutes: '90', confidentialMinutes: '', lateReason: '', previousPlanEndedOn: '' },
  people: { chairId: null, socialWorkerId: null, managerId: null, serviceManagerId: null },
};

const MINUTES = /^\d{1,4}$/;

/** The request as the API takes it, or the one field this form cannot send (a length that is not a number). */
export function bookingRequestOf(v: BookingValues): { body: BookingRequest } | { field: TextField; message: string } {
  const t = v.text;
  if (!MINUTES.test(t.durationMinutes.trim())) return { field: 'durationMinutes', message: 'Enter the length in minutes (30 to 240).' };
  if (t.confidentialMinutes.trim() !== '' && !MINUTES.test(t.confidentialMinutes.trim())) return { field: 'confidentialMinutes', message: 'Enter the confidential section in minutes, or leave it empty.' };
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const body: BookingRequest = {
    kind: v.kind,
    caseReference: t.caseReference.trim(),
    ...(opt(t.anchorKind) ? { anchorKind: t.anchorKind as NonNullable<BookingRequest['anchorKind']> } : {}),
    anchorDate: t.anchorDate.trim(),
    chairId: v.people.chairId?.id ?? '',
    socialWorkerId: v.people.socialWorkerId?.id ?? '',
    date: t.date.trim(),
    startTime: t.startTime.trim(),
    durationMinutes: Number(t.durationMinutes.trim()),
    ...(opt(t.confidentialMinutes) ? { confidentialMinutes: Number(t.confidentialMinutes.trim()) } : {}),
    ...(opt(t.lateReason) ? { lateReason: t.lateReason.trim() } : {}),
    ...(v.people.managerId ? { managerId: v.people.managerId.id } : {}),
    ...(opt(t.previousPlanEndedOn) ? { previousPlanEndedOn: t.previousPlanEndedOn.trim() } : {}),
    ...(v.people.serviceManagerId ? { serviceManagerId: v.people.serviceManagerId.id } : {}),
  };
  return { body };
}
