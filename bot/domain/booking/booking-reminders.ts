// T23 (a profile that has it, e.g. leicestershire: 5): an ICPC is booked by working day N after
// the strategy discussion; the manager is alerted on day N−1 if it is not, and on day N the
// booking is overdue. The job queue's reminders (another area) ask this function what is due.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { PolicyProfile } from '../policy/policy-profile';

export interface BookingReminderDates {
  /** Working day N−1 after the strategy discussion: the manager is told the ICPC is not booked yet. */
  managerAlertOn: IsoDate;
  /** Working day N: the booking-by deadline; still unbooked on this day, it is overdue. */
  overdueOn: IsoDate;
}

/** null when the profile has no T23. */
export function bookingReminderDates(profile: PolicyProfile, calendar: WorkingCalendar, strategyDiscussion: IsoDate): BookingReminderDates | null {
  const n = profile.timescales.T23;
  if (n === null) return null;
  return {
    managerAlertOn: calendar.addWorkingDays(strategyDiscussion, Math.max(0, n - 1)),
    overdueOn: calendar.addWorkingDays(strategyDiscussion, n),
  };
}

export type BookingReminder = 'manager-alert' | 'overdue';

/**
 * The reminder due `today` for an ICPC that is not booked yet: the overdue one from day N on, the
 * manager alert from day N−1; null before, when already booked, or without T23.
 */
export function bookingReminderDue(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  strategyDiscussion: IsoDate,
  today: IsoDate,
  booked: boolean,
): BookingReminder | null {
  if (booked) return null;
  const dates = bookingReminderDates(profile, calendar, strategyDiscussion);
  if (!dates) return null;
  if (today >= dates.overdueOn) return 'overdue';
  if (today >= dates.managerAlertOn) return 'manager-alert';
  return null;
}
