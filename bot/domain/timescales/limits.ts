// The counting conventions of DOMAIN-RULES §1, shared by computeDeadlines and checkProposedDate.
import { addCalendarDays, addMonths } from '../calendar/civil-date';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ConferenceKind } from '../conference/conference-kind';
import type { Interval } from '../policy/policy-profile';
import type { VariantKind } from './rule-texts';

/** "within N months of E": same day N months later, clamped, then the last working day on or before. */
export function withinMonths(calendar: WorkingCalendar, from: IsoDate, months: number): IsoDate {
  return calendar.lastWorkingDayOnOrBefore(addMonths(from, months));
}

/** "every N weeks" (E + 7N days) or "every N months", as the latest permissible working day. */
export function withinInterval(calendar: WorkingCalendar, from: IsoDate, interval: Interval): IsoDate {
  return interval.unit === 'weeks'
    ? calendar.lastWorkingDayOnOrBefore(addCalendarDays(from, 7 * interval.n))
    : withinMonths(calendar, from, interval.n);
}

/** The first working day on or after `date`, through the WorkingCalendar interface alone. */
export function firstWorkingDayOnOrAfter(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}

/**
 * T18: the due date is 40+0 weeks of gestation, so week W+0 is the due date minus (40 − W)
 * weeks. The window runs from W=fromWeek+0 to W=toWeek+0, each end moved inside onto a working day.
 */
export function preBirthWindow(
  calendar: WorkingCalendar,
  dueDate: IsoDate,
  weeks: { fromWeek: number; toWeek: number },
): { opens: IsoDate; closes: IsoDate } {
  return {
    opens: firstWorkingDayOnOrAfter(calendar, addCalendarDays(dueDate, -7 * (40 - weeks.fromWeek))),
    closes: calendar.lastWorkingDayOnOrBefore(addCalendarDays(dueDate, -7 * (40 - weeks.toWeek))),
  };
}

const ICPC_ONLY: readonly VariantKind[] = ['ICPC'];
const RCPC_ONLY: readonly VariantKind[] = ['RCPC'];
const BOTH: readonly VariantKind[] = ['ICPC', 'RCPC'];

/**
 * Which T7/T10 variant a conference kind uses: a transfer-in and a pre-birth conference are
 * initial conferences; a core group is not a conference, so (like no kind) both are listed.
 */
export function variantsFor(kind: ConferenceKind | undefined): readonly VariantKind[] {
  switch (kind) {
    case 'ICPC':
    case 'TRANSFER_IN':
    case 'PRE_BIRTH':
      return ICPC_ONLY;
    case 'RCPC':
      return RCPC_ONLY;
    default:
      return BOTH;
  }
}
