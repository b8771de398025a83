// Timeliness over a period (the clerk's dashboard): how many meetings were held within their
// statutory timescale and how many decision records went out within T12 (DOMAIN-RULES §1–2).
// Pure: the caller gives each conference, what the product knows of its record, and today.
// Every date is a Europe/London calendar date; counting uses the profile's working calendar.
import { instantToLondon } from '../calendar/london-time';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Conference } from '../conference/conference';
import type { ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import type { RecordState } from '../record/record-state';
import { withinInterval, withinMonths } from '../timescales/limits';

export const TIMELINESS_MEASURES = ['icpc-within-t1', 'reviews-on-time', 'core-groups-on-time', 'records-within-t12'] as const;
export type TimelinessMeasure = (typeof TIMELINESS_MEASURES)[number];

/**
 * met / missed: counted. pending: not yet decided (a record still going out before its T12 date,
 * a meeting booked for a later day). unmeasured: nothing to measure from (no strategy discussion
 * date on the ICPC, no anchor on a review, no decision recorded in the product).
 */
export type TimelinessStatus = 'met' | 'missed' | 'pending' | 'unmeasured';

export interface TimelinessRow {
  conferenceId: string;
  caseReference: string;
  kind: ConferenceKind;
  /** The meeting's date. */
  heldOn: IsoDate;
  measure: TimelinessMeasure;
  rule: RuleId;
  /** The last permissible day (null when unmeasured). */
  due: IsoDate | null;
  /** The meeting's date, or the day the last copy of the record went (null: not yet). */
  doneOn: IsoDate | null;
  /** Working days from the anchor to the meeting (T1 only: the national measure's own unit). */
  workingDays: number | null;
  status: TimelinessStatus;
}

export interface TimelinessSummary {
  measure: TimelinessMeasure;
  label: string;
  met: number;
  /** met + missed: the rows that count. */
  total: number;
  /** met / total, or null when nothing counts yet. */
  share: number | null;
  pending: number;
  unmeasured: number;
}

export const MEASURE_LABELS: Readonly<Record<TimelinessMeasure, string>> = {
  'icpc-within-t1': 'ICPCs within the timescale of the strategy discussion (T1)',
  'reviews-on-time': 'Review conferences on time (T2, T3)',
  'core-groups-on-time': 'Core groups on time (T4, T5)',
  'records-within-t12': 'Decision records issued within T12',
};

/** What the caller knows of one conference's decision and record (the live meeting's). */
export interface RecordFacts {
  decisionRecorded: boolean;
  record?: RecordState;
}

/** A meeting counts once it is on the books (not a draft, not stood down). */
function onTheBooks(c: Conference): boolean {
  return c.status === 'booked' || c.status === 'held' || c.status === 'closed';
}

/** The meeting's own timescale: rule and last permissible day from the anchors it was booked with. */
export function meetingDue(profile: PolicyProfile, calendar: WorkingCalendar, c: Pick<Conference, 'kind' | 'anchors'>): { rule: RuleId; due: IsoDate } | null {
  const t = profile.timescales;
  const a = c.anchors ?? {};
  const options: { rule: RuleId; due: IsoDate }[] = [];
  switch (c.kind) {
    case 'ICPC':
      if (a['strategy-discussion'] && t.T1 !== null) options.push({ rule: 'T1', due: calendar.addWorkingDays(a['strategy-discussion'], t.T1) });
      break;
    case 'RCPC':
      if (a.icpc && t.T2 !== null) options.push({ rule: 'T2', due: withinMonths(calendar, a.icpc, t.T2) });
      if (a.rcpc && t.T3 !== null) options.push({ rule: 'T3', due: withinMonths(calendar, a.rcpc, t.T3) });
      break;
    case 'CORE_GROUP':
      if (a.icpc && t.T4 !== null) options.push({ rule: 'T4', due: calendar.addWorkingDays(a.icpc, t.T4) });
      if (a['core-group'] && t.T5 !== null) options.push({ rule: 'T5', due: withinInterval(calendar, a['core-group'], t.T5) });
      break;
    default:
      return null;
  }
  // Both anchors given: the earlier limit binds (as checkProposedDate misses either).
  return options.sort((x, y) => x.due.localeCompare(y.due))[0] ?? null;
}

const MEETING_MEASURE: Partial<Record<ConferenceKind, { measure: TimelinessMeasure; rule: RuleId }>> = {
  ICPC: { measure: 'icpc-within-t1', rule: 'T1' },
  RCPC: { measure: 'reviews-on-time', rule: 'T2' },
  CORE_GROUP: { measure: 'core-groups-on-time', rule: 'T4' },
};

/** Held on or before the due day: met; after it: missed; booked for a day after today and the due day not passed: pending. */
function judge(heldOn: IsoDate, due: IsoDate, today: IsoDate): TimelinessStatus {
  if (heldOn > due) return 'missed';
  return heldOn <= today ? 'met' : 'pending';
}

/** The day the last copy went, when every copy due has gone (null: some still to go). */
export function recordCompletedOn(record: RecordState | undefined): IsoDate | null {
  if (!record || record.recipients.length === 0 || record.recipients.some((r) => r.state !== 'sent' || !r.at)) return null;
  const last = record.recipients.map((r) => r.at as string).sort().at(-1) as string;
  return instantToLondon(Date.parse(last)).slice(0, 10);
}

/** The rows of one conference: its meeting's timescale and (a conference, not a core group) its record's T12. */
export function timelinessOf(profile: PolicyProfile, calendar: WorkingCalendar, c: Conference, facts: RecordFacts, today: IsoDate): TimelinessRow[] {
  if (!onTheBooks(c)) return [];
  const heldOn = c.start.slice(0, 10);
  const base = { conferenceId: c.id, caseReference: c.caseReference, kind: c.kind, heldOn };
  const rows: TimelinessRow[] = [];
  const meeting = MEETING_MEASURE[c.kind];
  const due = meetingDue(profile, calendar, c);
  if (meeting) {
    // T1 off in the profile: nothing to measure an ICPC against (the other kinds always have T2–T5).
    if (!(c.kind === 'ICPC' && profile.timescales.T1 === null)) {
      rows.push(
        due
          ? {
              ...base, measure: meeting.measure, rule: due.rule, due: due.due, doneOn: heldOn <= today ? heldOn : null,
              workingDays: due.rule === 'T1' ? calendar.countWorkingDays(c.anchors!['strategy-discussion']!, heldOn) : null,
              status: judge(heldOn, due.due, today),
            }
          : { ...base, measure: meeting.measure, rule: meeting.rule, due: null, doneOn: null, workingDays: null, status: 'unmeasured' },
      );
    }
  }
  if (c.kind !== 'CORE_GROUP' && profile.timescales.T12 !== null && heldOn <= today) {
    const t12 = facts.record?.deadline ?? calendar.addWorkingDays(heldOn, profile.timescales.T12);
    const doneOn = recordCompletedOn(facts.record);
    const status: TimelinessStatus = !facts.decisionRecorded
      ? 'unmeasured'
      : doneOn !== null
        ? doneOn <= t12 ? 'met' : 'missed'
        : today > t12 ? 'missed' : 'pending';
    rows.push({ ...base, measure: 'records-within-t12', rule: 'T12', due: facts.decisionRecorded ? t12 : null, doneOn, workingDays: null, status });
  }
  return rows;
}

/** One summary per measure, in TIMELINESS_MEASURES order (a measure with no rows shows 0 of 0). */
export function summarise(rows: readonly TimelinessRow[]): TimelinessSummary[] {
  return TIMELINESS_MEASURES.map((measure) => {
    const of = rows.filter((r) => r.measure === measure);
    const met = of.filter((r) => r.status === 'met').length;
    const total = met + of.filter((r) => r.status === 'missed').length;
    return {
      measure,
      label: MEASURE_LABELS[measure],
      met,
      total,
      share: total === 0 ? null : met / total,
      pending: of.filter((r) => r.status === 'pending').length,
      unmeasured: of.filter((r) => r.status === 'unmeasured').length,
    };
  });
}
