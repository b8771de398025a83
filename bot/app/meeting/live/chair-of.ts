// Who "the chair" is for the live meeting: booking.chairId (an Entra id), else the chair invitee's directory id.
import type { Conference, Invitee } from '../../../domain/conference/conference';
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';

export function chairIdOf(c: Conference): string | null {
  return c.booking?.chairId ?? c.invitees.find((i) => i.role === 'chair' && i.status !== 'removed')?.directoryId ?? null;
}

export function isChair(c: Conference, actorId: string): boolean {
  const chairInvitee = c.invitees.find((i) => i.role === 'chair' && i.status !== 'removed');
  return actorId === c.booking?.chairId || (chairInvitee?.directoryId !== undefined && actorId === chairInvitee.directoryId);
}

/** The chair's Teams ids in this meeting (for the targeted notification, which takes meeting MRIs, 29:…). */
export function chairParticipantIds(c: Conference, live: Pick<LiveMeeting, 'roster'>): string[] {
  const chairId = chairIdOf(c);
  const chairInvitees = new Set(c.invitees.filter((i: Invitee) => i.role === 'chair').map((i) => i.id));
  return live.roster
    .filter((r) => r.inMeeting && ((r.inviteeId !== undefined && chairInvitees.has(r.inviteeId)) || (chairId !== null && r.aadObjectId === chairId)))
    .map((r) => r.participantId);
}
