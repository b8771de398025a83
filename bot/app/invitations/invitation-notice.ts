import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { IsoDate, LocalDateTime } from '../../domain/calendar/iso-date';
import type { ConferenceKind } from '../../domain/conference/conference-kind';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { inviteNoticeDeadline } from '../../domain/timescales/notice';

export interface NoticeCheck {
  deadline: IsoDate;
  met: boolean;
}

/**
 * The T7 notice check for an invitation sent `today` (Europe/London) for a conference starting
 * at `start`. Null when the profile has no notice rule for this kind of meeting.
 */
export function checkNotice(profile: PolicyProfile, kind: ConferenceKind, start: LocalDateTime, today: IsoDate): NoticeCheck | null {
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  const deadline = inviteNoticeDeadline(profile, calendar, kind, start.slice(0, 10));
  if (deadline === null || deadline === undefined) return null;
  // ISO dates compare correctly as strings.
  return { deadline, met: today <= deadline };
}
