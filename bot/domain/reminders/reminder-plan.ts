// Which reminders a conference needs, when (Europe/London wall clock, and the instant), and for
// whom, from its state and profile: pure, so the scheduler and the handler ask the same question
// (docs/reminders.md). A reminder whose task is done, whose rule is off or whose conference is
// stood down, held or closed is not in the plan.
import { addCalendarDays } from '../calendar/civil-date';
import type { IsoDate, LocalDateTime } from '../calendar/iso-date';
import { addWallClockMinutes, atLocalTime, londonToInstant } from '../calendar/london-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Conference, Invitee } from '../conference/conference';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import { socialWorkerBriefingStart } from '../timescales/briefing-time';
import { inviteNoticeDeadline } from '../timescales/notice';
import { ruleTexts } from '../timescales/rule-texts';

export const REMINDER_IDS = ['T7', 'T8-morning', 'T8-cutoff', 'T9', 'T10', 'T10b', 'T11', 'T24', 'T23-alert', 'T23-overdue', 'T13', 'T14', 'T15', 'T16'] as const;
export type ReminderId = (typeof REMINDER_IDS)[number];

export type RecipientRole = 'clerk' | 'social-worker' | 'chair' | 'professional' | 'manager';

/** The wall-clock times reminders go out (docs/reminders.md). */
export const REMINDER_TIMES = {
  /** Day deadlines: the morning of the day chosen for each rule. */
  morning: '09:00',
  /** T8: the police's cut-off, and the second reminder two hours before it. */
  policeCutOff: '16:00',
  policeLastCall: '14:00',
  /** T24: this many minutes before the briefing starts. */
  briefingLeadMinutes: 30,
} as const;

export interface PlannedReminder {
  reminder: ReminderId;
  rule: RuleId;
  /** Entra object id (or the organiser's UPN) of the person the card goes to. */
  recipientId: string;
  recipientRole: RecipientRole;
  /** Professionals: their invitee id on the conference. */
  inviteeId?: string;
  /** When it goes out: Europe/London wall clock, and that instant (ms since the epoch). */
  fireAt: LocalDateTime;
  fireAtMs: number;
  /** The deadline it is about, as shown on the card: a Europe/London date, and a time when it is not the day's end. */
  deadline: { date: IsoDate; time: string | null };
  /** After this instant the reminder is pointless: the scheduler drops it. */
  closesAtMs: number;
  headline: string;
  /** The rule's wording with the profile's value. */
  ruleText: string;
}

export const REMINDER_HEADLINES: Readonly<Record<ReminderId, string>> = {
  T7: 'Invitations not sent yet: today is the last day to give the notice',
  'T8-morning': 'Police checks must be requested by 16:00 today',
  'T8-cutoff': 'Police checks: two hours left before the 16:00 cut-off',
  T9: 'Your agency report is due',
  T10: 'Share the reports with the family',
  T10b: 'Send the social work report to the chair and the clerk',
  T11: 'Requests to exclude someone or not to share a report close today',
  T24: 'Brief the chair before the conference',
  'T23-alert': 'An ICPC is needed and is not booked yet',
  'T23-overdue': 'The ICPC is still not booked: today is the last day',
  // After the meeting (bot/domain/follow-ups): until the task is marked done.
  T13: 'Sign off the child protection plan',
  T14: 'Circulate the conference record and minutes',
  T15: 'Complete the minute amendments',
  T16: 'Circulate the core group minutes',
};

/** The follow-up reminders: sent after the meeting too (a held or closed conference still has them). */
const FOLLOW_UP_REMINDERS: readonly ReminderId[] = ['T13', 'T14', 'T15', 'T16'];
export const isFollowUpReminder = (r: ReminderId): boolean => FOLLOW_UP_REMINDERS.includes(r);

type Draft = Omit<PlannedReminder, 'fireAtMs' | 'closesAtMs' | 'headline' | 'ruleText'> & { closes: LocalDateTime };

/** End of a day deadline: midnight at its end, Europe/London. */
const endOf = (date: IsoDate): LocalDateTime => atLocalTime(addCalendarDays(date, 1), '00:00');
const live = (i: Invitee) => i.status !== 'removed';

/** The people on the conference in a role, by Entra id, in list order, each once. */
function idsOf(c: Conference, role: Invitee['role']): string[] {
  return [...new Set(c.invitees.filter((i) => live(i) && i.role === role && i.directoryId).map((i) => i.directoryId!))];
}

export function clerkIds(c: Conference): string[] {
  const named = idsOf(c, 'clerk');
  if (named.length > 0) return named;
  // No clerk on the list: whoever booked it, else the organiser whose calendar holds it.
  return [c.booking?.requestedBy ?? c.organizerId].filter((id): id is string => typeof id === 'string' && id !== '');
}

const socialWorkerIds = (c: Conference) => (c.booking?.socialWorkerId ? [c.booking.socialWorkerId] : idsOf(c, 'social-worker'));
const chairIds = (c: Conference) => (c.booking?.chairId ? [c.booking.chairId] : idsOf(c, 'chair'));

/** Every reminder the conference still needs, in a stable order. */
export function planReminders(c: Conference, profile: PolicyProfile, calendar: WorkingCalendar): PlannedReminder[] {
  if (c.status === 'stood-down') return [];
  const t = profile.timescales;
  const texts = ruleTexts(t);
  const out: Draft[] = [];
  const to = (ids: string[], role: RecipientRole, base: Omit<Draft, 'recipientId' | 'recipientRole'>) => {
    for (const recipientId of ids) out.push({ ...base, recipientId, recipientRole: role });
  };
  const variant: 'ICPC' | 'RCPC' = c.kind === 'RCPC' ? 'RCPC' : 'ICPC';
  const ruleTextOf = (rule: RuleId) => (rule === 'T7' ? texts.variant.T7[variant] : rule === 'T10' ? texts.variant.T10[variant] : texts.single[rule]!);
  const finish = () =>
    out.map(({ closes, ...r }) => ({
      ...r,
      fireAtMs: londonToInstant(r.fireAt),
      closesAtMs: londonToInstant(closes),
      headline: REMINDER_HEADLINES[r.reminder],
      ruleText: ruleTextOf(r.rule),
    }));

  // After the meeting: each follow-up task not yet done, the working day before it is due.
  for (const task of c.followUps?.tasks ?? []) {
    if (task.doneAt) continue;
    const ids = task.rule === 'T13' ? chairIds(c) : task.rule === 'T16' ? socialWorkerIds(c) : clerkIds(c);
    const role: RecipientRole = task.rule === 'T13' ? 'chair' : task.rule === 'T16' ? 'social-worker' : 'clerk';
    const fireDay = calendar.addWorkingDays(task.due, -1);
    to(ids, role, { rule: task.rule, reminder: task.rule, deadline: { date: task.due, time: null }, closes: endOf(task.due), fireAt: atLocalTime(fireDay, REMINDER_TIMES.morning) });
  }
  if (c.status === 'held' || c.status === 'closed') return finish();

  // Before booking: police checks and the booking itself run from the strategy discussion (ICPC).
  const strategy = c.anchors?.['strategy-discussion'];
  if (c.kind === 'ICPC' && strategy !== undefined) {
    if (t.T8 !== null && !policeChecksDone(c)) {
      const day = calendar.addWorkingDays(strategy, t.T8);
      const cutOff = atLocalTime(day, REMINDER_TIMES.policeCutOff);
      const base = { rule: 'T8' as const, deadline: { date: day, time: REMINDER_TIMES.policeCutOff }, closes: cutOff };
      to(socialWorkerIds(c), 'social-worker', { ...base, reminder: 'T8-morning', fireAt: atLocalTime(day, REMINDER_TIMES.morning) });
      to(socialWorkerIds(c), 'social-worker', { ...base, reminder: 'T8-cutoff', fireAt: atLocalTime(day, REMINDER_TIMES.policeLastCall) });
    }
    if (t.T23 !== null && c.status === 'draft' && !c.meeting) {
      const managers = idsOf(c, 'team-manager');
      const [ids, role]: [string[], RecipientRole] = managers.length > 0 ? [managers, 'manager'] : [clerkIds(c), 'clerk'];
      const alertDay = calendar.addWorkingDays(strategy, Math.max(0, t.T23 - 1));
      const dueDay = calendar.addWorkingDays(strategy, t.T23);
      const base = { rule: 'T23' as const, deadline: { date: dueDay, time: null }, closes: endOf(dueDay) };
      to(ids, role, { ...base, reminder: 'T23-alert', fireAt: atLocalTime(alertDay, REMINDER_TIMES.morning) });
      to(ids, role, { ...base, reminder: 'T23-overdue', fireAt: atLocalTime(dueDay, REMINDER_TIMES.morning) });
    }
  }

  // After booking: the deadlines before the conference. A core group is not a conference.
  if (c.status === 'booked' && c.kind !== 'CORE_GROUP') {
    const date = c.start.slice(0, 10);
    const dayBefore = (d: IsoDate) => calendar.addWorkingDays(d, -1);
    const dayRule = (rule: RuleId, reminder: ReminderId, due: IsoDate, fireDay: IsoDate, ids: string[], role: RecipientRole, inviteeId?: string) =>
      to(ids, role, { rule, reminder, deadline: { date: due, time: null }, closes: endOf(due), fireAt: atLocalTime(fireDay, REMINDER_TIMES.morning), ...(inviteeId ? { inviteeId } : {}) });

    const t7 = inviteNoticeDeadline(profile, calendar, c.kind, date);
    if (t7 !== null && c.invitees.some((i) => i.status === 'pending')) dayRule('T7', 'T7', t7, t7, clerkIds(c), 'clerk');
    if (t.T9 !== null) {
      const due = calendar.addWorkingDays(date, -t.T9);
      for (const i of c.invitees) {
        if (live(i) && i.role === 'professional' && i.directoryId && !i.report) dayRule('T9', 'T9', due, dayBefore(due), [i.directoryId], 'professional', i.id);
      }
    }
    const t10 = t.T10[variant];
    if (t10 !== null && !c.socialWorkReport?.sharedWithFamilyAt) {
      const due = calendar.addWorkingDays(date, -t10);
      dayRule('T10', 'T10', due, dayBefore(due), socialWorkerIds(c), 'social-worker');
    }
    if (t.T10b !== null && !c.socialWorkReport?.sharedWithChairAndClerkAt) {
      const due = calendar.addWorkingDays(date, -t.T10b);
      dayRule('T10b', 'T10b', due, dayBefore(due), socialWorkerIds(c), 'social-worker');
    }
    if (t.T11 !== null) {
      const due = calendar.addWorkingDays(date, -t.T11);
      dayRule('T11', 'T11', due, due, chairIds(c), 'chair');
      dayRule('T11', 'T11', due, due, clerkIds(c).filter((id) => !chairIds(c).includes(id)), 'clerk');
    }
    const briefing = socialWorkerBriefingStart(profile, c.start);
    if (briefing !== null) {
      const base = { rule: 'T24' as const, reminder: 'T24' as const, deadline: { date: briefing.slice(0, 10), time: briefing.slice(11) }, closes: briefing };
      to(socialWorkerIds(c), 'social-worker', { ...base, fireAt: addWallClockMinutes(briefing, -REMINDER_TIMES.briefingLeadMinutes) });
    }
  }

  return finish();
}

/** T8: at least one check listed, and every listed one requested. */
function policeChecksDone(c: Conference): boolean {
  const checks = c.invitees.filter((i) => live(i) && i.policeCheck).map((i) => i.policeCheck!);
  return checks.length > 0 && checks.every((p) => p.requestedAt !== undefined);
}

/** What a job asked to send: the reminder, to whom, for which booking version, at what instant. */
export interface ReminderRequest {
  reminder: ReminderId;
  /** The recipient as the job names them: `keyOf(recipientId)`. */
  recipient: string;
  bookingVersion: number;
  fireAtMs: number;
  /** The instant it is asked (the worker's clock): a reminder past its deadline is not sent. */
  nowMs: number;
}

export type ReminderDecision =
  | { send: true; reminder: PlannedReminder }
  | { send: false; reason: 'stood-down' | 'held' | 'closed' | 'superseded' | 'not-needed' | 'moved' }
  /** `missed`: the rule whose task was still not done when its deadline closed (null: a notice, or another reminder of the rule counts it). */
  | { send: false; reason: 'deadline-passed'; missed: RuleId | null };

/** Notices, not tasks: their closing is not a miss (deadline-status.ts treats them as done once passed). */
const NOTICES: readonly RuleId[] = ['T11', 'T24'];
/** A rule with two reminders to one person counts its miss on the last of them only. */
const EARLIER_OF_TWO: readonly ReminderId[] = ['T8-morning', 'T23-alert'];

/** The rule missed when this planned reminder's deadline has closed with its task not done. */
export const missedRuleOf = (p: PlannedReminder): RuleId | null => (NOTICES.includes(p.rule) || EARLIER_OF_TWO.includes(p.reminder) ? null : p.rule);

/**
 * Whether a reminder asked for earlier is still to be sent now: not when the conference is stood
 * down, held or closed, when the booking moved on (a newer version's reminders replace it), when
 * its task is done or its recipient is no longer on it, when its time moved, or when its deadline
 * has passed (the bot was down): the clerk's board shows what is late.
 */
export function decideReminder(
  c: Conference,
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  request: ReminderRequest,
  keyOf: (recipientId: string) => string = (id) => id,
): ReminderDecision {
  if (c.status === 'stood-down') return { send: false, reason: c.status };
  if ((c.status === 'held' || c.status === 'closed') && !isFollowUpReminder(request.reminder)) return { send: false, reason: c.status };
  if (c.bookingVersion !== request.bookingVersion) return { send: false, reason: 'superseded' };
  const planned = planReminders(c, profile, calendar).find((p) => p.reminder === request.reminder && keyOf(p.recipientId) === request.recipient);
  if (!planned) return { send: false, reason: 'not-needed' };
  if (planned.fireAtMs !== request.fireAtMs) return { send: false, reason: 'moved' };
  // Planned still means its task is not recorded done (planReminders leaves done tasks out).
  if (request.nowMs >= planned.closesAtMs) return { send: false, reason: 'deadline-passed', missed: missedRuleOf(planned) };
  return { send: true, reminder: planned };
}
