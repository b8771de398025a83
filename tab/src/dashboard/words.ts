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

export const DEADLINE_LABEL: Record<DeadlineWithStatus['status'], string> = {
  done: 'Done',
  due: 'Due',
  'due-soon': 'Due soon',
  missed: 'Missed',
};

const utc = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);

/** 'Mon 1 Mar 2027' */
export const formatDate = (isoDate: string): string =>
  utc(isoDate).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 'Monday 1 March 2027' */
export const formatLongDate = (isoDate: string): string =>
  utc(isoDate).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '10:00' from 'YYYY-MM-DDTHH:mm' */
export const timeOf = (local: string): string => local.slice(11, 16);

/** An ISO instant as a London date and time ('20 Feb 2027, 09:00'). */
export const formatInstant = (instant: string): string =>
  new Date(instant).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
