// Every deadline that follows from the anchors given, for one profile (DOMAIN-RULES §1–2).
// Each date is the last permissible working day (or, for T6 and the T18 opening, the first).
import { toDayNumber } from '../calendar/civil-date';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CONFERENCE_KINDS, type ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import { type Anchors, isAnchorKind } from './anchors';
import { preBirthWindow, variantsFor, withinInterval, withinMonths } from './limits';
import { ruleTexts } from './rule-texts';
import { TimescaleError } from './timescale-error';

export interface Deadline {
  rule: RuleId;
  name: string;
  date: IsoDate;
  /** The rule's wording (DOMAIN-RULES §2) with the profile's value for N. */
  text: string;
}

export interface DeadlineOptions {
  /** Picks the T7/T10 variant (ICPC, TRANSFER_IN, PRE_BIRTH → ICPC; RCPC → RCPC); otherwise both. */
  kind?: ConferenceKind;
  /** Today's Europe/London date: lets T18 say when the pre-birth window has already passed. */
  today?: IsoDate;
}

/** Throws on an unknown anchor kind or an invalid / out-of-range date, before any work. */
export function validateAnchors(anchors: Anchors): void {
  for (const key in anchors) {
    if (!isAnchorKind(key)) throw new TimescaleError('TIMESCALES.UNKNOWN_ANCHOR', `unknown anchor '${key}'`);
    const date = anchors[key];
    if (date !== undefined) toDayNumber(date);
  }
}

export function computeDeadlines(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  anchors: Anchors,
  options: DeadlineOptions = {},
): Deadline[] {
  validateAnchors(anchors);
  if (options.kind !== undefined && !CONFERENCE_KINDS.includes(options.kind)) {
    throw new TimescaleError('TIMESCALES.UNKNOWN_KIND', `unknown conference kind '${String(options.kind)}'`);
  }
  if (options.today !== undefined) toDayNumber(options.today);

  const t = profile.timescales;
  const texts = ruleTexts(t);
  const text = texts.single;
  const out: Deadline[] = [];
  const add = (rule: RuleId, name: string, date: IsoDate, ruleText = text[rule]!) => {
    out.push({ rule, name, date, text: ruleText });
  };

  const strategy = anchors['strategy-discussion'];
  if (strategy !== undefined) {
    if (t.T1 !== null) add('T1', 'ICPC held', calendar.addWorkingDays(strategy, t.T1));
    if (t.T8 !== null) add('T8', 'police checks requested (by 16:00)', calendar.addWorkingDays(strategy, t.T8));
    if (t.T23 !== null) {
      add('T23', 'manager alerted that an ICPC is needed', calendar.addWorkingDays(strategy, Math.max(0, t.T23 - 1)));
      add('T23', 'ICPC booked', calendar.addWorkingDays(strategy, t.T23));
    }
  }

  const icpc = anchors.icpc;
  if (icpc !== undefined) {
    if (t.T4 !== null) add('T4', 'first core group', calendar.addWorkingDays(icpc, t.T4));
    if (t.T2 !== null) add('T2', 'first review conference (RCPC)', withinMonths(calendar, icpc, t.T2));
    afterConference(calendar, icpc, 'ICPC');
    if (t.T20 !== null) add('T20', 'child first seen by the lead social worker', calendar.addWorkingDays(icpc, t.T20));
    if (t.T21 !== null) add('T21', 'child first seen by a core group professional', calendar.addWorkingDays(icpc, t.T21));
  }

  const rcpc = anchors.rcpc;
  if (rcpc !== undefined) {
    if (t.T3 !== null) add('T3', 'next review conference (RCPC)', withinMonths(calendar, rcpc, t.T3));
    afterConference(calendar, rcpc, 'RCPC');
  }

  const transfer = anchors['transfer-decision'];
  if (transfer !== undefined && t.T19 !== null) {
    add('T19', 'transfer-in conference held', calendar.addWorkingDays(transfer, t.T19));
  }

  const due = anchors['due-date'];
  if (due !== undefined && t.T18 !== null) {
    const { opens, closes } = preBirthWindow(calendar, due, t.T18);
    const today = options.today;
    const passed = today !== undefined && today > closes;
    add('T18', `pre-birth ICPC window opens (week ${t.T18.fromWeek})${passed ? ' — already passed' : ''}`, opens);
    add(
      'T18',
      passed
        ? `pre-birth ICPC latest day (week ${t.T18.toWeek}) — window already passed on ${today}: hold as soon as possible`
        : `pre-birth ICPC latest day (week ${t.T18.toWeek})`,
      closes,
    );
  }

  const coreGroup = anchors['core-group'];
  if (coreGroup !== undefined) {
    if (t.T5 !== null) add('T5', 'next core group', withinInterval(calendar, coreGroup, t.T5));
    if (t.T16 !== null) add('T16', 'core group minutes circulated', calendar.addWorkingDays(coreGroup, t.T16));
    // T6 needs the review the core groups lead up to: the rcpc anchor, when it is after this core group.
    if (t.T6 !== null && rcpc !== undefined && rcpc > coreGroup) {
      add('T6', `final core group before the RCPC on ${rcpc} held no earlier than`, calendar.addWorkingDays(rcpc, -t.T6));
    }
  }

  const conference = anchors.conference;
  if (conference !== undefined) {
    const variants = variantsFor(options.kind);
    for (const k of variants) {
      const n = t.T7[k];
      if (n !== null) add('T7', `invitations sent (${k})`, calendar.addWorkingDays(conference, -n), texts.variant.T7[k]);
    }
    if (t.T9 !== null) add('T9', 'agency reports to the convening team', calendar.addWorkingDays(conference, -t.T9));
    for (const k of variants) {
      const n = t.T10[k];
      if (n !== null) add('T10', `reports shared with the family (${k})`, calendar.addWorkingDays(conference, -n), texts.variant.T10[k]);
    }
    if (t.T10b !== null) add('T10b', 'social work report to the chair and clerk', calendar.addWorkingDays(conference, -t.T10b));
    if (t.T11 !== null) add('T11', 'exclusion or non-sharing request to the chair', calendar.addWorkingDays(conference, -t.T11));
    if (t.T17 !== null) add('T17', 'reconvene if not quorate', calendar.addWorkingDays(conference, t.T17));
    // A date-only engine: T24 is due on the conference day; the minutes are in the name and the
    // clock time comes from socialWorkerBriefingStart (briefing-time.ts).
    if (t.T24 !== null) add('T24', texts.t24Name, conference);
  }

  const change = anchors['significant-change'];
  if (change !== undefined && t.T22 !== null) {
    add('T22', 'significant change reported to the chair', calendar.addWorkingDays(change, t.T22));
  }
  return out;

  /** T12–T15 follow any conference (ICPC or RCPC). */
  function afterConference(cal: WorkingCalendar, held: IsoDate, kind: 'ICPC' | 'RCPC'): void {
    const names = AFTER_CONFERENCE_NAMES[kind];
    if (t.T12 !== null) add('T12', names.T12, cal.addWorkingDays(held, t.T12));
    if (t.T13 !== null) add('T13', names.T13, cal.addWorkingDays(held, t.T13));
    if (t.T14 !== null) add('T14', names.T14, cal.addWorkingDays(held, t.T14));
    if (t.T15 !== null) add('T15', names.T15, cal.addWorkingDays(held, t.T15));
  }
}

const afterNames = (kind: 'ICPC' | 'RCPC') => ({
  T12: `decision and recommendations issued after the ${kind}`,
  T13: `CP plan signed off by the chair after the ${kind}`,
  T14: `conference record / minutes circulated after the ${kind}`,
  T15: `minute amendments completed after the ${kind}`,
});
const AFTER_CONFERENCE_NAMES = { ICPC: afterNames('ICPC'), RCPC: afterNames('RCPC') };
