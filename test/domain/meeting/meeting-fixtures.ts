// Invented people for the meeting domain tests (never names from the seeds).
import type { Conference, Invitee, InviteeRole } from '../../../bot/domain/conference/conference';
import type { RosterEntry } from '../../../bot/domain/meeting/live-meeting';

export const ROLES: readonly InviteeRole[] = [
  'chair', 'social-worker', 'clerk', 'team-manager', 'professional',
  'parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative',
  'interpreter', 'observer', 'foster-carer',
];

export function invitee(id: string, role: InviteeRole, extra: Partial<Invitee> = {}): Invitee {
  return { id, role, displayName: `Testperson ${id}`, email: `${id}@example.org`, status: 'invited', ...extra };
}

export function conference(invitees: Invitee[], extra: Partial<Conference> = {}): Conference {
  return {
    id: 'conf-1', caseReference: 'CP-TEST-1', kind: 'ICPC', profileId: 'england',
    start: '2026-06-01T10:00', end: '2026-06-01T12:00', familySectionStart: '2026-06-01T10:30',
    organizerId: 'organiser', status: 'booked', bookingVersion: 1, invitees, version: 1, ...extra,
  };
}

export function present(participantId: string, inviteeId?: string, extra: Partial<RosterEntry> = {}): RosterEntry {
  return {
    participantId, ...(inviteeId !== undefined && { inviteeId, matchedBy: 'entra-id' as const }),
    inMeeting: true, firstJoinedAt: '2026-06-01T09:00:00.000Z', lastEventAt: '2026-06-01T09:00:00.000Z', ...extra,
  };
}
