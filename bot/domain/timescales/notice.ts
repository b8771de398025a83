import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile } from '../policy/policy-profile';

/**
 * T7: the day invitations must be sent by — the Nth working day before the conference
 * ("at least N working days before"; on or before that day). null when the rule is off.
 * A transfer-in or pre-birth conference is an initial conference (the ICPC value); a core
 * group is not a conference and has no notice rule (null).
 */
export function inviteNoticeDeadline(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  kind: 'ICPC' | 'RCPC' | ConferenceKind,
  conferenceDate: IsoDate,
): IsoDate | null {
  if (kind === 'CORE_GROUP') return null;
  const n = profile.timescales.T7[kind === 'RCPC' ? 'RCPC' : 'ICPC'];
  return n === null ? null : calendar.addWorkingDays(conferenceDate, -n);
}
