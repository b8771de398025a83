// The family's page, read with their signed link (no account): the stage now, their own join
// time and the date. Refused when the link is forged, expired or for something else, and when the
// person it was sent to has been taken off the list or is not on the family's side of it.
import { familyJoinAt, isFamilySide } from '../../domain/conference/attendee-order';
import type { FamilyView } from '../api/family-view.schema';
import type { AppDeps } from '../app-deps';
import { BookingError } from '../meetings/booking-errors';
import { FamilyViewError } from './family-view-errors';

export async function readFamilyView(deps: Pick<AppDeps, 'links' | 'store' | 'live' | 'clock'>, token: string): Promise<FamilyView> {
  const claims = deps.links.verify(token, 'family-view', deps.clock.now());
  const c = await deps.store.get(claims.conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${claims.conferenceId} not found`);
  const invitee = c.invitees.find((i) => i.id === claims.inviteeId);
  if (!invitee || invitee.status === 'removed' || !isFamilySide(invitee.role)) {
    throw new FamilyViewError('FAMILY_VIEW.NOT_INVITED', `invitee ${claims.inviteeId} is not on the family's side of conference ${c.id}`);
  }
  const live = c.status === 'stood-down' ? null : await deps.live.get(c.id);
  const stage: FamilyView['stage'] = c.status === 'stood-down' ? 'cancelled' : live ? live.stage : c.status === 'held' || c.status === 'closed' ? 'closed' : 'not-started';
  return { stage, joinAt: familyJoinAt(c, invitee), conferenceDate: c.start.slice(0, 10) };
}
