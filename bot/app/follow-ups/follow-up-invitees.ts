// Who a follow-up conference invites: the core group members (a first core group), the invite
// list carried over (a review, or the next core group). Carried: who they are and how to reach
// them; never what belonged to the old meeting (its exclusion windows, slots, answers, reports,
// e-mails sent) — each meeting has its own. The ids stay the same, so the same person is the same
// invitee id across the child's conferences.
import type { Invitee } from '../../domain/conference/conference';

const CARRIED = ['id', 'role', 'agency', 'displayName', 'email', 'directoryId', 'phone', 'interpreter', 'ageBand', 'notInvitedDecision', 'advocateOffered'] as const;

function carried(i: Invitee): Invitee {
  const out: Record<string, unknown> = {};
  for (const k of CARRIED) if (i[k] !== undefined) out[k] = i[k];
  return { ...(out as unknown as Invitee), status: 'pending' };
}

/**
 * `base`: the new conference's own invitees (chair, social worker, booking clerk). Each source
 * invitee picked is added unless the same person (directory id) or the same id is already there;
 * the chair role is never carried (the booking names the chair).
 */
export function carryInvitees(base: readonly Invitee[], source: readonly Invitee[], pick: (i: Invitee) => boolean): Invitee[] {
  const out = [...base];
  for (const i of source) {
    if (i.status === 'removed' || i.role === 'chair' || !pick(i)) continue;
    if (out.some((o) => o.id === i.id || (i.directoryId !== undefined && o.directoryId === i.directoryId))) continue;
    out.push(carried(i));
  }
  return out;
}
