// Which deadlines a proposed meeting date misses (the CLI's `cpc check`).
import { toDayNumber } from '../calendar/civil-date';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CONFERENCE_KINDS, type ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import type { AnchorKind, Anchors } from './anchors';
import { validateAnchors } from './compute-deadlines';
import { preBirthWindow, withinInterval, withinMonths } from './limits';
import { TimescaleError } from './timescale-error';

export interface MissedDeadline {
  rule: RuleId;
  /** The last permissible day (for T18 held too early: the first permissible day). */
  date: IsoDate;
}

export interface ProposedDateCheck {
  ok: boolean;
  missed: MissedDeadline[];
}

/** The anchors each kind of meeting is measured from. */
export const ANCHORS_FOR_KIND: Readonly<Record<ConferenceKind, readonly AnchorKind[]>> = {
  ICPC: ['strategy-discussion'],
  RCPC: ['icpc', 'rcpc'],
  CORE_GROUP: ['icpc', 'core-group'],
  TRANSFER_IN: ['transfer-decision'],
  PRE_BIRTH: ['due-date'],
};

/**
 * Checks a proposed date for a meeting of `kind` against every deadline measured from the
 * anchors given: ICPC ← T1 (strategy discussion); RCPC ← T2 (ICPC), T3 (previous review);
 * CORE_GROUP ← T4 (ICPC), T5 (previous core group); TRANSFER_IN ← T19; PRE_BIRTH ← T18 window.
 * A rule that is off in the profile is never missed.
 */
export function checkProposedDate(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  kind: ConferenceKind,
  anchors: Anchors,
  proposed: IsoDate,
): ProposedDateCheck {
  if (!CONFERENCE_KINDS.includes(kind)) {
    throw new TimescaleError('TIMESCALES.UNKNOWN_KIND', `unknown conference kind '${String(kind)}'`);
  }
  validateAnchors(anchors);
  toDayNumber(proposed);
  const allowed = ANCHORS_FOR_KIND[kind];
  let given = 0;
  for (const key of Object.keys(anchors) as AnchorKind[]) {
    if (anchors[key] === undefined) continue;
    if (!allowed.includes(key)) {
      throw new TimescaleError(
        'TIMESCALES.ANCHOR_NOT_APPLICABLE',
        `anchor '${key}' does not apply to ${kind} (use ${allowed.join(' or ')})`,
      );
    }
    given++;
  }
  if (given === 0) {
    throw new TimescaleError('TIMESCALES.MISSING_ANCHOR', `${kind} needs an anchor: ${allowed.join(' or ')}`);
  }

  const t = profile.timescales;
  const missed: MissedDeadline[] = [];
  const latest = (rule: RuleId, date: IsoDate) => {
    if (proposed > date) missed.push({ rule, date });
  };

  switch (kind) {
    case 'ICPC': {
      const s = anchors['strategy-discussion']!;
      if (t.T1 !== null) latest('T1', calendar.addWorkingDays(s, t.T1));
      break;
    }
    case 'RCPC':
      if (anchors.icpc !== undefined && t.T2 !== null) latest('T2', withinMonths(calendar, anchors.icpc, t.T2));
      if (anchors.rcpc !== undefined && t.T3 !== null) latest('T3', withinMonths(calendar, anchors.rcpc, t.T3));
      break;
    case 'CORE_GROUP':
      if (anchors.icpc !== undefined && t.T4 !== null) latest('T4', calendar.addWorkingDays(anchors.icpc, t.T4));
      if (anchors['core-group'] !== undefined && t.T5 !== null) latest('T5', withinInterval(calendar, anchors['core-group'], t.T5));
      break;
    case 'TRANSFER_IN':
      if (t.T19 !== null) latest('T19', calendar.addWorkingDays(anchors['transfer-decision']!, t.T19));
      break;
    case 'PRE_BIRTH':
      if (t.T18 !== null) {
        const { opens, closes } = preBirthWindow(calendar, anchors['due-date']!, t.T18);
        if (proposed < opens) missed.push({ rule: 'T18', date: opens });
        latest('T18', closes);
      }
      break;
  }
  return { ok: missed.length === 0, missed };
}
