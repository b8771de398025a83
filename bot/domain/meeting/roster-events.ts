// The live roster from Teams' join/leave events (issue 9). A redelivered or older event changes
// nothing (each entry keeps the instant of the latest event applied); a leave that overtakes its
// join is kept so the late join cannot put the person back. Matching happens on first sight and a
// match, above all the chair's by hand, is never undone by a later event.
import type { Invitee } from '../conference/conference';
import type { RosterEntry } from './live-meeting';
import { matchParticipant } from './roster-match';

export interface ParticipantEvent {
  type: 'join' | 'leave';
  participantId: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  displayName?: string;
  meetingRole?: string;
  at: string /* ISO */;
}

/** ISO instants compared as instants (a different offset or precision is still ordered right). */
function notAfter(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a <= b : x <= y;
}

function idsOf(e: ParticipantEvent): Partial<RosterEntry> {
  return {
    ...(e.aadObjectId && { aadObjectId: e.aadObjectId }),
    ...(e.userPrincipalName && { userPrincipalName: e.userPrincipalName }),
    ...(e.email && { email: e.email }),
    ...(e.displayName && { displayName: e.displayName }),
    ...(e.meetingRole && { meetingRole: e.meetingRole }),
  };
}

export function applyParticipantEvent(roster: RosterEntry[], invitees: Invitee[], e: ParticipantEvent): { roster: RosterEntry[]; changed: boolean } {
  const index = roster.findIndex((r) => r.participantId === e.participantId);
  const existing = index >= 0 ? roster[index] : undefined;
  if (existing && notAfter(e.at, existing.lastEventAt)) return learnIds(roster, existing, invitees, e);

  const merged: RosterEntry = existing
    ? { ...existing, ...idsOf(e), lastEventAt: e.at, inMeeting: e.type === 'join' }
    : { participantId: e.participantId, ...idsOf(e), inMeeting: e.type === 'join', firstJoinedAt: e.at, lastEventAt: e.at };
  let matched = false;
  if (!merged.inviteeId) {
    const m = matchParticipant(invitees, merged);
    if (m) {
      merged.inviteeId = m.inviteeId;
      merged.matchedBy = m.matchedBy;
      matched = true;
    }
  }
  const changed = !existing || existing.inMeeting !== merged.inMeeting || matched;
  const next = existing ? roster.map((r, i) => (i === index ? merged : r)) : [...roster, merged];
  return { roster: next, changed };
}

/**
 * An older event does not move the person in or out, but who they are does not depend on the
 * order: an entry first seen through an id-less leave is matched by the late join's ids.
 */
function learnIds(roster: RosterEntry[], entry: RosterEntry, invitees: Invitee[], e: ParticipantEvent): { roster: RosterEntry[]; changed: boolean } {
  if (entry.inviteeId) return { roster, changed: false };
  const withIds: RosterEntry = { ...idsOf(e), ...entry };
  const m = matchParticipant(invitees, withIds);
  if (!m) return { roster, changed: false };
  const matched: RosterEntry = { ...withIds, inviteeId: m.inviteeId, matchedBy: m.matchedBy };
  return { roster: roster.map((r) => (r === entry ? matched : r)), changed: true };
}

/** The chair says who an unknown joiner is; it replaces any automatic match. Unknown participant: unchanged. */
export function matchByChair(roster: RosterEntry[], participantId: string, inviteeId: string): RosterEntry[] {
  return roster.map((r) => (r.participantId === participantId ? { ...r, inviteeId, matchedBy: 'chair' } : r));
}
