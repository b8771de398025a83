// The conference a Teams meeting chat belongs to (the meeting tab's set-up and side panel start
// from the chat id in Teams' context). Answered only to people part of the conference: anyone
// else is refused (404 ACCESS.NOT_PART_OF_CONFERENCE, audited), as for the conference itself.
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { BookingError } from '../meetings/booking-errors';
import { loadFor } from '../booking/booking-context';

export async function conferenceOfChat(deps: AppDeps, actorId: string, chatId: string): Promise<{ conferenceId: string }> {
  const viewer = await requireViewer(deps, actorId, 'conference.read');
  const conferenceId = await deps.lookup.idByMeetingThread(chatId);
  if (!conferenceId) throw new BookingError('CONFERENCE.NOT_FOUND', 'no conference for this meeting chat');
  await loadFor(deps, viewer, conferenceId, 'conference.read');
  return { conferenceId };
}
