// "Confirm" (POST /api/v1/conferences/:id/booking, or the card's Book with nothing to approve):
// the Teams meeting is created in the chair's calendar with the chair and social worker invited
// and locked down (bookMeeting). Refused while an approval is pending or after one was refused.
import type { AppDeps } from '../app-deps';
import { type BookingResult, bookMeeting } from '../meetings/book-meeting.use-case';
import { refuseIfAwaitingApproval } from './approvals.use-case';
import { actorOf, checkVersion, loadFor, refuseIfStoodDown } from './booking-context';
import { requireViewer } from '../access/viewer-of';
import { BookingRequestError } from './booking-request-errors';

export async function confirmBooking(deps: AppDeps, actorId: string | undefined, conferenceId: string, ifMatch: number | null = null): Promise<BookingResult> {
  const viewer = await requireViewer(deps, actorId, 'invitations.send');
  const c = await loadFor(deps, viewer, conferenceId, 'invitations.send');
  checkVersion(c, ifMatch);
  refuseIfStoodDown(c);
  if (c.status !== 'draft' && c.status !== 'booked') throw new BookingRequestError('BOOKING.NOT_CHANGEABLE', `conference ${c.id} is ${c.status}`);
  refuseIfAwaitingApproval(c, ['late-booking', 'repeat-plan-oversight', 'rebooking-past-last-date']);
  // bookMeeting resumes a booking that stopped half-way (meeting made, lock-down not yet proven).
  return bookMeeting(deps, c.id, actorOf(viewer));
}
