// The dashboard's words for the API's codes and its date formats (en-GB, Europe/London wall clock
// as the API gives it: dates are formatted as written, never shifted by the browser's zone).
import type { DeadlineWithStatus } from '../shell/api-types';

export const KIND_LABEL: Record<string, string> = {
  ICPC: 'Initial (ICPC)',
  RCPC: 'Review (RCPC)',
  CORE_GROUP: 'Core group',
  TRANSFER_IN: 'Transfer-in',
  PRE_BIRTH: 'Pre-birth',
};

export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  booked: 'Booked',
  'stood-down': 'Stood down',
  held: 'Held',
  closed: 'Closed',
};

export const APPROVAL_LABEL: Record<string, string> = {
  'late-booking': 'Late booking',
  'repeat-plan-oversight': 'Repeat plan oversight',
  'stand-down': 'Stand-down',
  'rebooking-past-last-date': 'Rebooking past the last date',
};

/** The agencies' ids (bot/domain/conference/agency.ts) in short words; an unknown id is shown as it is. */
export const AGENCY_LABEL: Record<string, string> = {
  'childrens-social-care': "Children's social care",
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  'early-years': 'Early years',
  'adult-services': 'Adult services',
  cafcass: 'CAFCASS',
  other: 'Other agency',
};
export const agencyLabel = (agency: string | null | undefined): string => (agency ? (AGENCY_LABEL[agency] ?? agency) : '—');

export const DEADLINE_LABEL: Record<DeadlineWithStatus['status'], string> = {
  done: 'Done',
  due: 'Due',
  'due-soon': 'Due soon',
  missed: 'Missed',
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Spelled out here, not by Intl, so every browser writes the same words. */
function parts(isoDate: string) {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { day: d, year: y, weekday: DAYS[weekday]!, month: MONTHS[m - 1]! };
}

/** 'Mon 1 Mar 2027' */
export function formatDate(isoDate: string): string {
  const p = parts(isoDate);
  return `${p.weekday.slice(0, 3)} ${p.day} ${p.month.slice(0, 3)} ${p.year}`;
}

/** 'Monday 1 March 2027' */
export function formatLongDate(isoDate: string): string {
  const p = parts(isoDate);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** '1 Mar' */
export function formatShortDate(isoDate: string): string {
  const p = parts(isoDate);
  return `${p.day} ${p.month.slice(0, 3)}`;
}

/** '10:00' from 'YYYY-MM-DDTHH:mm' */
export const timeOf = (local: string): string => local.slice(11, 16);

/** An ISO instant as a London date and time ('20 Feb 2027, 09:00'). */
export const formatInstant = (instant: string): string =>
  new Date(instant).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
