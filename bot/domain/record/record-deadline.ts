// T12 (DOMAIN-RULES §2): the decision and recommendations are issued within N working days of the
// conference, under the conference's profile and its working calendar.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { PolicyProfile } from '../policy/policy-profile';

/** The last working day to issue by; the conference day itself when the profile has T12 off. */
export function recordDeadline(profile: PolicyProfile, calendar: WorkingCalendar, conferenceDate: IsoDate): IsoDate {
  const n = profile.timescales.T12;
  return n === null ? conferenceDate.slice(0, 10) : calendar.addWorkingDays(conferenceDate.slice(0, 10), n);
}
