// Reading and changing the invite list, one invitee at a time, with the list's version as If-Match.
// Before the meeting exists (a draft) a change is one transaction: the conference and its audit
// entry. Once booked, it goes through the booking's own use cases (change-booking.use-case.ts)
// under the conference's lease: an added invitee stays pending — no event PATCH, no e-mail —
// until "send invitations"; a removal is sent to Graph at once (the person loses the meeting now).
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../domain/access/access-decision';
import type { Conference, Invitee, InviteeRole } from '../../domain/conference/conference';
import { isFamilySide } from '../../domain/conference/attendee-order';
import { childIsInvited, draftOf, type InviteeDraft, inviteeFromDraft, validateInvitee } from '../../domain/invite-list/invitee-rules';
import { authorise } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { revokeReportAccess } from '../reports/revoke-report-access';
import type { Actor } from '../meetings/booking-deps';
import { BookingError } from '../meetings/booking-errors';
import { addInvitee, checkInviteListVersion, type NewInvitee, removeInvitee } from '../meetings/change-booking.use-case';
import { InvalidInvitee, InviteListError } from './invite-list-errors';
import { type InviteListView, inviteListVersionOf, inviteListView } from './invite-list-view';

const actorOf = (v: Viewer): Actor => ({ id: v.id, role: v.role });

export async function loadConference(deps: Pick<AppDeps, 'store'>, conferenceId: string): Promise<Conference> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  return c;
}

function viewOf(deps: AppDeps, c: Conference): InviteListView {
  return inviteListView(c, deps.profileFor(c.profileId), deps.clock.today());
}

export async function readInviteList(deps: AppDeps, viewer: Viewer, conferenceId: string): Promise<InviteListView> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'invite-list.read', c);
  return viewOf(deps, c);
}

function editable(c: Conference): void {
  if (c.status !== 'draft' && c.status !== 'booked') throw new InviteListError('INVITE_LIST.NOT_EDITABLE', `conference ${c.id} is ${c.status}`);
}

function validated(c: Conference, draft: InviteeDraft, deps: AppDeps, exceptId?: string): void {
  const errors = validateInvitee(c, draft, deps.profileFor(c.profileId), exceptId);
  if (errors.length > 0) throw new InvalidInvitee(errors);
}

/**
 * Saves `change(fresh)` in one transaction with its audit entry, after checking the version on
 * the conference as read inside it (a draft, or a change that needs nothing from Graph).
 */
async function saveListChange(
  deps: AppDeps,
  viewer: Viewer,
  conferenceId: string,
  ifMatch: number,
  change: (fresh: Conference) => { next: Conference; action: string; detail: Record<string, string | number | boolean | null> },
): Promise<Conference> {
  return deps.uow.run(async (tx) => {
    const fresh = await deps.store.get(conferenceId, tx);
    if (!fresh) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
    checkInviteListVersion(fresh, ifMatch);
    editable(fresh);
    const { next, action, detail } = change(fresh);
    const saved = await deps.store.save({ ...next, inviteListVersion: inviteListVersionOf(fresh) + 1 }, tx);
    await deps.audit.append({ actorId: viewer.id, actorRole: viewer.role, action, conferenceId, detail: { ...detail, inviteListVersion: inviteListVersionOf(saved) } }, tx);
    return saved;
  });
}

/**
 * A professional typed in by e-mail who is in the council's directory gets their directory id, so
 * their attendance request is a 1:1 card rather than an e-mail. Family members (and anyone whose
 * address the directory does not hold exactly once) are never looked up.
 */
async function withDirectoryMatch(deps: AppDeps, draft: InviteeDraft): Promise<InviteeDraft> {
  if (draft.directoryId || !draft.email || isFamilySide(draft.role as InviteeRole) || draft.role === 'interpreter' || draft.role === 'observer') return draft;
  const email = draft.email.trim().toLowerCase();
  const found = await deps.directory.search(email, 2).catch(() => []);
  const same = found.filter((p) => p.email.toLowerCase() === email);
  return same.length === 1 ? { ...draft, directoryId: same[0]!.id } : draft;
}

export async function addToInviteList(deps: AppDeps, viewer: Viewer, conferenceId: string, ifMatch: number, typed: InviteeDraft): Promise<{ list: InviteListView; inviteeId: string }> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'invite-list.edit', c);
  checkInviteListVersion(c, ifMatch);
  editable(c);
  validated(c, typed, deps);
  const draft = await withDirectoryMatch(deps, typed);
  const id = randomUUID();
  const invitee = inviteeFromDraft(id, draft, 'pending');
  let saved: Conference;
  if (c.meeting && childIsInvited(draft)) {
    saved = (await addInvitee(deps, conferenceId, invitee as unknown as NewInvitee, actorOf(viewer), { inviteListVersion: ifMatch, deferSync: true })).conference;
  } else {
    // A draft, or a child listed but not invited (nothing for Graph to know).
    saved = await saveListChange(deps, viewer, conferenceId, ifMatch, (fresh) => {
      validated(fresh, draft, deps);
      return { next: { ...fresh, invitees: [...fresh.invitees, invitee] }, action: 'invite-list.invitee-added', detail: { inviteeId: id, role: invitee.role, invited: invitee.status !== 'removed' } };
    });
  }
  return { list: viewOf(deps, saved), inviteeId: id };
}

/** The stored fields that come from sending and answering, kept through an edit. */
function keepHistory(before: Invitee, after: Invitee): Invitee {
  const kept: Partial<Invitee> = {};
  for (const k of ['invitedAt', 'notice', 'mail', 'attendance', 'report', 'joinAt', 'attendanceRequest'] as const) {
    if (before[k] !== undefined) (kept as Record<string, unknown>)[k] = before[k];
  }
  return { ...after, ...kept };
}

export async function editInviteeOnList(
  deps: AppDeps,
  viewer: Viewer,
  conferenceId: string,
  inviteeId: string,
  ifMatch: number,
  patch: Partial<InviteeDraft>,
): Promise<InviteListView> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'invite-list.edit', c);
  const saved = await saveListChange(deps, viewer, conferenceId, ifMatch, (fresh) => {
    const before = fresh.invitees.find((i) => i.id === inviteeId && (i.status !== 'removed' || (i.role === 'child' && !childIsInvited(i))));
    if (!before) throw new BookingError('INVITEE.NOT_FOUND', `invitee ${inviteeId} is not on the list`);
    const draft: InviteeDraft = { ...draftOf(before), ...patch };
    validated(fresh, draft, deps, inviteeId);
    const after = keepHistory(before, inviteeFromDraft(inviteeId, draft, before.status === 'removed' ? 'pending' : before.status));
    // Once someone has been sent anything, who they are and where it went cannot change in place.
    const sentSomething = before.status === 'invited' || before.mail !== undefined;
    const identityChanged = after.email.toLowerCase() !== before.email.toLowerCase() || after.role !== before.role || after.status !== before.status;
    if (fresh.meeting && (sentSomething || after.status !== before.status) && identityChanged) {
      throw new InviteListError('INVITE_LIST.CONTACT_CHANGE_NEEDS_REINVITE', `invitee ${inviteeId} has been invited`);
    }
    return {
      next: { ...fresh, invitees: fresh.invitees.map((i) => (i.id === inviteeId ? after : i)) },
      action: 'invite-list.invitee-edited',
      detail: { inviteeId, role: after.role, fields: Object.keys(patch).sort().join(',') },
    };
  });
  return viewOf(deps, saved);
}

export async function removeFromInviteList(deps: AppDeps, viewer: Viewer, conferenceId: string, inviteeId: string, ifMatch: number): Promise<InviteListView> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'invite-list.edit', c);
  checkInviteListVersion(c, ifMatch);
  editable(c);
  const target = c.invitees.find((i) => i.id === inviteeId);
  if (!target || (target.status === 'removed' && !(target.role === 'child' && !childIsInvited(target)))) {
    throw new BookingError('INVITEE.NOT_FOUND', `invitee ${inviteeId} is not on the list`);
  }
  if (c.meeting && target.status !== 'removed') {
    const report = await removeInvitee(deps, conferenceId, inviteeId, actorOf(viewer), { inviteListVersion: ifMatch });
    // Someone removed reads no more reports: their permissions on the others' reports go now.
    const hadAccess = report.conference.invitees.some((i) => i.report?.sharedWith?.[inviteeId] !== undefined);
    if (hadAccess) await revokeReportAccess(deps, conferenceId, actorOf(viewer));
    return viewOf(deps, (await deps.store.get(conferenceId)) ?? report.conference);
  }
  // Never invited (a draft, or a child listed only): the entry goes from the list.
  const saved = await saveListChange(deps, viewer, conferenceId, ifMatch, (fresh) => ({
    next: { ...fresh, invitees: fresh.invitees.filter((i) => i.id !== inviteeId) },
    action: 'invite-list.invitee-removed',
    detail: { inviteeId, role: target.role },
  }));
  return viewOf(deps, saved);
}
