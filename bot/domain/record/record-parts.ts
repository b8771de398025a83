// Which parts of the meeting a record section comes from, when each part was held, and which
// parts a given invitee may not receive (DOMAIN-RULES §3: the family never gets the confidential
// section; an excluded person gets no record of the part they were excluded from, 001; a
// split-attendance slot; the looked-after part of a dual-process meeting).
import type { LocalDateTime } from '../calendar/iso-date';
import { instantToLondon } from '../calendar/london-time';
import { type Conference, FAMILY_SIDE_ROLES, type Invitee, type InviteeRole } from '../conference/conference';
import type { LiveMeeting, MeetingStage } from '../meeting/live-meeting';

export const RECORD_PARTS = ['confidential', 'family', 'decision', 'looked-after'] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

/** One stretch of the meeting a part was held in (London wall-clock); an unknown bound is absent. */
export interface PartWindow {
  part: RecordPart;
  from?: LocalDateTime;
  to?: LocalDateTime;
  /** 'meeting': from the stage history; 'planned': from the booking (the stages were not run in the product). */
  source: 'meeting' | 'planned';
}

/** Why a part is left out of someone's copy. 'exclusion' and 'slot' are personal: the chair approves those copies. */
export type WithholdReason = 'family-side' | 'looked-after' | 'exclusion' | 'slot';

export interface Withheld {
  part: RecordPart;
  reason: WithholdReason;
}

/** Only these stay for the second part of a dual-process meeting (001); professionals get the one set of minutes. */
const LOOKED_AFTER_FAMILY_ROLES: readonly InviteeRole[] = ['parent', 'child', 'foster-carer'];

const isPart = (s: MeetingStage): s is RecordPart => (RECORD_PARTS as readonly string[]).includes(s);
const london = (iso: string): LocalDateTime => instantToLondon(Date.parse(iso));

/**
 * The parts held, in order: from the stage history when the chair ran the stages in the product,
 * else from the booking (confidential section up to familySectionStart, then the family section;
 * the decision's and looked-after part's times unknown).
 */
export function partWindows(c: Conference, live: Pick<LiveMeeting, 'history'>): PartWindow[] {
  const out: PartWindow[] = [];
  live.history.forEach((change, index) => {
    if (!isPart(change.to)) return;
    const next = live.history[index + 1];
    out.push({ part: change.to, from: london(change.at), ...(next ? { to: london(next.at) } : {}), source: 'meeting' });
  });
  if (out.length > 0) return out;
  const planned: PartWindow[] = [];
  const confidential = c.familySectionStart !== undefined && c.familySectionStart > c.start && c.kind !== 'CORE_GROUP';
  if (confidential) planned.push({ part: 'confidential', from: c.start, to: c.familySectionStart, source: 'planned' });
  planned.push({ part: 'family', from: confidential ? c.familySectionStart : c.start, to: c.end, source: 'planned' });
  planned.push({ part: 'decision', source: 'planned' });
  if (c.dualProcess) planned.push({ part: 'looked-after', source: 'planned' });
  return planned;
}

/** [a, b) and [from, to) overlap; an unknown bound is taken to overlap (a part of unknown time is withheld from anyone excluded at all). */
function overlaps(w: PartWindow, from: LocalDateTime, to: LocalDateTime): boolean {
  return (w.from === undefined || w.from < to) && (w.to === undefined || from < w.to);
}

/** The parts this invitee's copy leaves out, each with its reason; empty = the full record. */
export function withheldParts(windows: readonly PartWindow[], invitee: Invitee): Withheld[] {
  const out = new Map<RecordPart, WithholdReason>();
  const add = (part: RecordPart, reason: WithholdReason) => {
    if (!out.has(part)) out.set(part, reason);
  };
  const familySide = FAMILY_SIDE_ROLES.includes(invitee.role);
  if (familySide) add('confidential', 'family-side');
  if (familySide && !LOOKED_AFTER_FAMILY_ROLES.includes(invitee.role)) add('looked-after', 'looked-after');
  for (const w of windows) {
    if ((invitee.exclusions ?? []).some((e) => overlaps(w, e.from, e.to))) add(w.part, 'exclusion');
  }
  const slot = invitee.slot;
  if (slot) {
    const family = windows.filter((w) => w.part === 'family');
    if (family.length > 0 && !family.some((w) => overlaps(w, slot.from, slot.to))) add('family', 'slot');
  }
  return RECORD_PARTS.filter((p) => out.has(p)).map((part) => ({ part, reason: out.get(part)! }));
}

/** A copy leaving out a part for this person's own reasons (exclusion, slot) goes only once the chair approves it. */
export function needsChairApproval(withheld: readonly Withheld[]): boolean {
  return withheld.some((w) => w.reason === 'exclusion' || w.reason === 'slot');
}
