// After the decision (issue 9): the conferences booked from it and the tasks tracked with their
// deadlines — T13 plan sign-off (where the profile has it), T14 minutes circulated, T15 minute
// amendments (where the profile has it), and for a core group T16 minutes circulated. Pure.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile } from '../policy/policy-profile';

export const FOLLOW_UP_RULES = ['T13', 'T14', 'T15', 'T16'] as const;
export type FollowUpRule = (typeof FOLLOW_UP_RULES)[number];

export interface FollowUpTask {
  rule: FollowUpRule;
  /** The last day it may be done (Europe/London date). */
  due: IsoDate;
  /** ISO instant and Entra id of who marked it done. */
  doneAt?: string;
  doneBy?: string;
}

/** On the conference whose decision (or core group minutes) they follow. */
export interface FollowUps {
  /** The first core group booked from the decision (kind CORE_GROUP). */
  coreGroupId?: string;
  /** The review conference booked from the decision (kind RCPC). */
  reviewId?: string;
  /** A core group's next core group, booked from its minutes. */
  nextCoreGroupId?: string;
  tasks: FollowUpTask[];
}

/** What a follow-up conference is: booked from which conference, for which child's plan. */
export interface FollowUpOf {
  conferenceId: string;
  kind: 'first-core-group' | 'review' | 'next-core-group';
  /** The conference whose decision made the plan: its actions and safety goals are kept under this id. */
  planId: string;
  /** The review the core groups lead up to (T6), when booked. */
  reviewDate?: IsoDate;
}

export const FOLLOW_UP_NAMES: Readonly<Record<FollowUpRule, string>> = {
  T13: 'child protection plan signed off by the chair',
  T14: 'conference record / minutes circulated',
  T15: 'minute amendments completed',
  T16: 'core group minutes circulated',
};

/**
 * The tasks a meeting held on `heldOn` leaves: a conference T13/T14/T15, a core group T16; a rule
 * the profile has off is no task. Each due N working days after the meeting.
 */
export function followUpTasks(profile: PolicyProfile, calendar: WorkingCalendar, kind: ConferenceKind, heldOn: IsoDate): FollowUpTask[] {
  const t = profile.timescales;
  const rules: FollowUpRule[] = kind === 'CORE_GROUP' ? ['T16'] : ['T13', 'T14', 'T15'];
  return rules.filter((r) => t[r] !== null).map((rule) => ({ rule, due: calendar.addWorkingDays(heldOn, t[rule] as number) }));
}

/** Adds the tasks not already there (by rule): a second call changes nothing. */
export function withTasks(existing: FollowUps | undefined, tasks: readonly FollowUpTask[]): FollowUps {
  const had = existing?.tasks ?? [];
  return { ...existing, tasks: [...had, ...tasks.filter((t) => !had.some((h) => h.rule === t.rule))] };
}

export type MarkDone = { ok: true; followUps: FollowUps; changed: boolean } | { ok: false; code: 'FOLLOW_UP.TASK_NOT_FOUND' };

/** Marks a task done once; marking it again changes nothing (the first record stands). */
export function markTaskDone(existing: FollowUps | undefined, rule: FollowUpRule, by: string, at: string): MarkDone {
  const task = existing?.tasks.find((t) => t.rule === rule);
  if (!existing || !task) return { ok: false, code: 'FOLLOW_UP.TASK_NOT_FOUND' };
  if (task.doneAt) return { ok: true, followUps: existing, changed: false };
  return { ok: true, changed: true, followUps: { ...existing, tasks: existing.tasks.map((t) => (t.rule === rule ? { ...t, doneAt: at, doneBy: by } : t)) } };
}
