// One child's plan as a timeline (the conference page): the strategy discussion, the ICPC, the
// core groups and reviews with each one's statutory timescale, the decisions, and the deadlines
// that follow (T12 records, T13–T16 tasks, the next core group or review not yet booked).
// Pure: the caller gives the plan's conferences with their decisions and records, and today.
import { instantToLondon } from '../calendar/london-time';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Conference } from '../conference/conference';
import type { ConferenceKind } from '../conference/conference-kind';
import type { Decision, DecisionOutcome, HarmCategory } from '../decision/decision';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import { withinInterval, withinMonths } from '../timescales/limits';
import { meetingDue, type RecordFacts, recordCompletedOn, type TimelinessStatus, timelinessOf } from './timeliness';

export type TimelineItemType = 'strategy-discussion' | 'meeting' | 'decision' | 'deadline';
/** Meetings: held (on or before today), booked (later), stood-down, draft. Deadlines: done, due, missed. */
export type TimelineItemStatus = 'held' | 'booked' | 'stood-down' | 'draft' | 'recorded' | 'done' | 'due' | 'missed';

export interface TimelineItem {
  type: TimelineItemType;
  date: IsoDate;
  /** The conference it belongs to (the strategy discussion: the ICPC's). */
  conferenceId: string;
  label: string;
  kind: ConferenceKind | null;
  rule: RuleId | null;
  status: TimelineItemStatus;
  /** Meetings: their own timescale's last day and how they did against it. */
  due: IsoDate | null;
  timeliness: TimelinessStatus | null;
  /** Deadlines: the day it was done (null: not yet). */
  doneOn: IsoDate | null;
}

export interface PlanTimeline {
  planId: string;
  caseReference: string;
  /** The day the statuses are measured on (Europe/London). */
  today: IsoDate;
  /** The latest decision keeps a plan running (false: ended, or no decision yet). */
  open: boolean;
  items: TimelineItem[];
}

export interface PlanMember {
  conference: Conference;
  decision?: Decision;
  facts: RecordFacts;
}

export const KIND_LABELS: Readonly<Record<ConferenceKind, string>> = {
  ICPC: 'Initial conference (ICPC)',
  RCPC: 'Review conference (RCPC)',
  CORE_GROUP: 'Core group',
  TRANSFER_IN: 'Transfer-in conference',
  PRE_BIRTH: 'Pre-birth conference',
};

const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  'child-protection-plan': 'child protection plan',
  'child-in-need': 'child in need plan',
  'no-further-action': 'no further action',
};

/** Whether the decision keeps a plan running (a new plan, or a review that continues or changes it). */
export function keepsPlan(d: Decision): boolean {
  if (d.review) return d.review.outcome !== 'end-plan';
  return d.outcome === 'child-protection-plan';
}

function decisionLabel(d: Decision): string {
  if (d.review) {
    const words = { continue: 'plan continues', 'change-category': 'category changed', 'end-plan': 'plan ends' }[d.review.outcome];
    const category: HarmCategory | undefined = d.review.newCategory ?? d.category;
    return `Decision: ${words}${category && d.review.outcome !== 'end-plan' ? ` (${category})` : ''}`;
  }
  return `Decision: ${OUTCOME_LABELS[d.outcome]}${d.category ? ` (${d.category})` : ''}`;
}

function deadlineStatus(due: IsoDate, doneOn: IsoDate | null, today: IsoDate): TimelineItemStatus {
  if (doneOn !== null) return doneOn <= due ? 'done' : 'missed';
  return today > due ? 'missed' : 'due';
}

const TYPE_ORDER: Readonly<Record<TimelineItemType, number>> = { 'strategy-discussion': 0, meeting: 1, decision: 2, deadline: 3 };
const CONFERENCE_LEVEL: readonly ConferenceKind[] = ['ICPC', 'RCPC', 'TRANSFER_IN', 'PRE_BIRTH'];

export function planTimeline(profile: PolicyProfile, calendar: WorkingCalendar, planId: string, members: readonly PlanMember[], today: IsoDate): PlanTimeline {
  const items: TimelineItem[] = [];
  const blank = { kind: null, rule: null, due: null, timeliness: null, doneOn: null };
  const byDate = [...members].sort((a, b) => a.conference.start.localeCompare(b.conference.start));
  for (const { conference: c, decision, facts } of byDate) {
    const date = c.start.slice(0, 10);
    const strategy = c.anchors?.['strategy-discussion'];
    // A stood-down ICPC and its rebooking share the strategy discussion: listed once.
    if (c.kind === 'ICPC' && strategy && !items.some((i) => i.type === 'strategy-discussion' && i.date === strategy)) items.push({ ...blank, type: 'strategy-discussion', date: strategy, conferenceId: c.id, label: 'Strategy discussion', status: 'held' });
    const due = meetingDue(profile, calendar, c);
    const meetingRow = timelinessOf(profile, calendar, c, facts, today).find((r) => r.measure !== 'records-within-t12');
    const status: TimelineItemStatus = c.status === 'stood-down' || c.status === 'draft' ? c.status : date <= today ? 'held' : 'booked';
    items.push({
      ...blank, type: 'meeting', date, conferenceId: c.id, label: KIND_LABELS[c.kind], kind: c.kind, rule: due?.rule ?? null, status,
      due: due?.due ?? null, timeliness: c.status === 'stood-down' || c.status === 'draft' ? null : (meetingRow?.status ?? null),
    });
    if (decision) {
      items.push({ ...blank, type: 'decision', date: instantToLondon(Date.parse(decision.at)).slice(0, 10), conferenceId: c.id, label: decisionLabel(decision), kind: c.kind, status: 'recorded' });
      const t12 = facts.record?.deadline ?? (profile.timescales.T12 !== null ? calendar.addWorkingDays(date, profile.timescales.T12) : null);
      if (t12 !== null) {
        const doneOn = recordCompletedOn(facts.record);
        items.push({ ...blank, type: 'deadline', date: t12, conferenceId: c.id, label: 'Decision and recommendations issued', rule: 'T12', status: deadlineStatus(t12, doneOn, today), doneOn });
      }
    }
    for (const task of c.followUps?.tasks ?? []) {
      const doneOn = task.doneAt ? instantToLondon(Date.parse(task.doneAt)).slice(0, 10) : null;
      const names = { T13: 'Plan signed off by the chair', T14: 'Conference minutes circulated', T15: 'Minute amendments completed', T16: 'Core group minutes circulated' };
      items.push({ ...blank, type: 'deadline', date: task.due, conferenceId: c.id, label: names[task.rule], rule: task.rule, status: deadlineStatus(task.due, doneOn, today), doneOn });
    }
  }

  // What is due next and not booked yet, while the plan runs.
  const withDecision = byDate.filter((m) => m.decision && CONFERENCE_LEVEL.includes(m.conference.kind));
  const latest = withDecision.at(-1);
  const open = latest?.decision !== undefined && keepsPlan(latest.decision);
  if (latest && open) {
    const c = latest.conference;
    const held = c.start.slice(0, 10);
    const t = profile.timescales;
    const reviewRule: RuleId = c.kind === 'RCPC' ? 'T3' : 'T2';
    const months = c.kind === 'RCPC' ? t.T3 : t.T2;
    if (!c.followUps?.reviewId && months !== null) {
      const date = withinMonths(calendar, held, months);
      items.push({ ...blank, type: 'deadline', date, conferenceId: c.id, label: 'Next review conference (not booked)', rule: reviewRule, status: today > date ? 'missed' : 'due' });
    }
    const coreGroups = byDate.filter((m) => m.conference.kind === 'CORE_GROUP' && m.conference.start.slice(0, 10) >= held && m.conference.status !== 'stood-down');
    const lastCoreGroup = coreGroups.at(-1)?.conference;
    if (!lastCoreGroup && !c.followUps?.coreGroupId && t.T4 !== null) {
      const date = calendar.addWorkingDays(held, t.T4);
      items.push({ ...blank, type: 'deadline', date, conferenceId: c.id, label: 'First core group (not booked)', rule: 'T4', status: today > date ? 'missed' : 'due' });
    } else if (lastCoreGroup && !lastCoreGroup.followUps?.nextCoreGroupId && t.T5 !== null) {
      const date = withinInterval(calendar, lastCoreGroup.start.slice(0, 10), t.T5);
      items.push({ ...blank, type: 'deadline', date, conferenceId: lastCoreGroup.id, label: 'Next core group (not booked)', rule: 'T5', status: today > date ? 'missed' : 'due' });
    }
  }

  items.sort((a, b) => a.date.localeCompare(b.date) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  const root = members.find((m) => m.conference.id === planId)?.conference ?? byDate[0]?.conference;
  return { planId, caseReference: root?.caseReference ?? '', today, open, items };
}
