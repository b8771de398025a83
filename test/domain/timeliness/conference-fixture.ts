// A bare invented conference for the timeliness tables (no invitees: the measures read dates only).
import type { Conference } from '../../../bot/domain/conference/conference';

export function conf(id: string, over: Partial<Conference>): Conference {
  return {
    id, caseReference: `CP-${id}`, kind: 'ICPC', profileId: 'england', start: '2027-01-04T10:00', end: '2027-01-04T12:00', organizerId: 'clerk',
    status: 'booked', bookingVersion: 1, invitees: [], version: 1, ...over,
  };
}
