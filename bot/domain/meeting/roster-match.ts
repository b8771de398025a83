// Which invitee a Teams participant is (issue 9): by Entra object id, then UPN, then e-mail, both
// case-insensitive against the invitee's address. Never by display name: a guest or anonymous
// joiner stays unmatched for the chair to match by hand. Two candidates is no match at all.
import type { Invitee } from '../conference/conference';

export type ParticipantIds = { aadObjectId?: string; userPrincipalName?: string; email?: string };
export type ParticipantMatch = { inviteeId: string; matchedBy: 'entra-id' | 'upn' | 'email' };

const norm = (v: string | undefined): string | undefined => {
  const t = v?.trim().toLowerCase();
  return t ? t : undefined;
};

/** One invitee, none (continue with the next key) or several ('ambiguous': stop, no match). */
function unique(candidates: Invitee[]): Invitee | 'ambiguous' | undefined {
  if (candidates.length > 1) return 'ambiguous';
  return candidates[0];
}

export function matchParticipant(invitees: Invitee[], p: ParticipantIds): ParticipantMatch | null {
  const active = invitees.filter((i) => i.status !== 'removed');
  const aad = norm(p.aadObjectId);
  if (aad) {
    const hit = unique(active.filter((i) => norm(i.directoryId) === aad));
    if (hit === 'ambiguous') return null;
    if (hit) return { inviteeId: hit.id, matchedBy: 'entra-id' };
  }
  // An invitee known by another Entra id is not this person, whatever address they share.
  const byAddress = active.filter((i) => !(aad && i.directoryId && norm(i.directoryId) !== aad));
  for (const [key, matchedBy] of [[norm(p.userPrincipalName), 'upn'], [norm(p.email), 'email']] as const) {
    if (!key) continue;
    const hit = unique(byAddress.filter((i) => norm(i.email) === key));
    if (hit === 'ambiguous') return null;
    if (hit) return { inviteeId: hit.id, matchedBy };
  }
  return null;
}
