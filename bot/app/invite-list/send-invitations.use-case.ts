// "Send invitations": brings the Teams event and the family e-mails in line with the list
// (syncBooking: the pending professionals join the event's attendees and are invited, each family
// member gets their own e-mail), then asks each invited professional for their attendance. The
// notice (T7) is recorded per invitee when invited; late ones are flagged to the clerk (already
// in the booking's rules). Safe to press again: nothing is sent twice.
import type { Viewer } from '../../domain/access/access-decision';
import { authorise } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { type AttendanceRequestReport, requestAttendance } from '../attendance/request-attendance';
import { BookingError } from '../meetings/booking-errors';
import { syncBooking } from '../meetings/change-booking.use-case';
import { type InviteListView, inviteListView } from './invite-list-view';
import { loadConference } from './invite-list.use-case';

export interface SendInvitationsResult {
  list: InviteListView;
  /** Invited by this send (professionals on the event, family members e-mailed). */
  invited: string[];
  /** Invited after the T7 notice deadline. */
  late: string[];
  family: { sent: string[]; failed: string[]; unknown: string[] };
  attendance: AttendanceRequestReport;
}

export async function sendInvitations(deps: AppDeps, viewer: Viewer, conferenceId: string): Promise<SendInvitationsResult> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'invitations.send', c);
  if (!c.meeting) throw new BookingError('MEETING.NOT_CREATED', `conference ${conferenceId} has no meeting yet: invitations go with the booking`);
  if (c.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKED', `conference ${conferenceId} is ${c.status}`);
  const before = new Map(c.invitees.map((i) => [i.id, i]));
  const synced = await syncBooking(deps, conferenceId, { id: viewer.id, role: viewer.role });
  const { conference, report } = await requestAttendance(deps, synced.conference);
  const invited = conference.invitees.filter((i) => i.status === 'invited' && before.get(i.id)?.status !== 'invited').map((i) => i.id);
  return {
    list: inviteListView(conference, deps.profileFor(conference.profileId), deps.clock.today()),
    invited: [...new Set([...invited, ...synced.family.sent])],
    late: conference.invitees.filter((i) => i.notice && !i.notice.met && i.status !== 'removed').map((i) => i.id),
    family: { sent: [...synced.family.sent], failed: [...synced.family.failed], unknown: [...synced.family.unknown] },
    attendance: report,
  };
}
