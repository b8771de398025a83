// Each deadline of a conference as the clerk's dashboard shows it: done, due, due soon or missed
// (docs/tab/dashboard.md). "Done" is read from what the conference records — the same facts the
// reminders stop on (bot/domain/reminders/reminder-plan.ts) — and the rest follows from the date.
// Pure: today and the calendar are given.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Conference, Invitee } from '../conference/conference';
import type { RuleId } from '../policy/policy-profile';
import type { Deadline } from '../timescales/compute-deadlines';

export const DEADLINE_STATUSES = ['done', 'due', 'due-soon', 'missed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Due soon: not done and due today or within this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface DeadlineWithStatus extends Deadline {
  status: DeadlineStatus;
}

/** The statutory latest dates: met by holding the conference. */
const HELD_BY: readonly RuleId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T19', 'T18'];
/** Closing times rather than tasks (exclusion requests to the chair, the briefing): done once passed. */
const CLOSES: readonly RuleId[] = ['T11', 'T24'];

const live = (i: Invitee) => i.status !== 'removed';
const isHeld = (c: Conference) => c.status === 'held' || c.status === 'closed';

/** Whether the task of `rule` is recorded as done on the conference (never guessed from the date). */
export function isRecordedDone(c: Conference, rule: RuleId): boolean {
  switch (rule) {
    case 'T7': // every current invitee invited, once the meeting exists
      return c.meeting !== undefined && c.invitees.filter(live).every((i) => i.status === 'invited');
    case 'T8': {
      const checks = c.invitees.filter((i) => live(i) && i.policeCheck).map((i) => i.policeCheck!);
      return checks.length > 0 && checks.every((p) => p.requestedAt !== undefined);
    }
    case 'T9': {
      const professionals = c.invitees.filter((i) => live(i) && i.role === 'professional');
      return professionals.length > 0 && professionals.every((i) => i.report !== undefined);
    }
    case 'T10':
      return c.socialWorkReport?.sharedWithFamilyAt !== undefined;
    case 'T10b':
      return c.socialWorkReport?.sharedWithChairAndClerkAt !== undefined;
    case 'T23':
      return c.meeting !== undefined || c.status !== 'draft';
    default:
      return HELD_BY.includes(rule) ? isHeld(c) : false;
  }
}

/** By the date alone: past → missed; today up to DUE_SOON_WORKING_DAYS working days ahead → due soon. */
export function statusByDate(calendar: WorkingCalendar, today: IsoDate, date: IsoDate, done: boolean): DeadlineStatus {
  if (done) return 'done';
  if (date < today) return 'missed';
  return calendar.countWorkingDays(today, date) <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'due';
}

/**
 * The conference's deadlines (as conferenceDeadlines computed them, plus its follow-up tasks)
 * with a status each. A pre-birth window's opening (the first of two T18 dates) and the closing
 * times are done once reached; a stood-down conference's deadlines are not listed at all.
 */
export function deadlineStatuses(
  c: Conference,
  deadlines: readonly Deadline[],
  calendar: WorkingCalendar,
  today: IsoDate,
  followUps: readonly (Deadline & { doneAt?: string })[] = [],
): DeadlineWithStatus[] {
  if (c.status === 'stood-down') return [];
  const t18 = deadlines.filter((d) => d.rule === 'T18');
  const opening = t18.length === 2 ? t18[0] : undefined;
  const out: DeadlineWithStatus[] = deadlines.map((d) => {
    const passedWindow = (d === opening || CLOSES.includes(d.rule)) && (today > d.date || isHeld(c));
    const done = passedWindow || (d !== opening && isRecordedDone(c, d.rule));
    return { rule: d.rule, name: d.name, date: d.date, text: d.text, status: statusByDate(calendar, today, d.date, done) };
  });
  for (const f of followUps) out.push({ rule: f.rule, name: f.name, date: f.date, text: f.text, status: statusByDate(calendar, today, f.date, f.doneAt !== undefined) });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
