// Which family member is due which individual e-mail, from the state saved in the conference, and
// how each attempt is recorded. The rule that keeps anyone from getting the same e-mail twice:
// an attempt is saved as 'sending' before the request; one whose outcome is not known ('sending'
// found later, or 'unknown') is never repeated as it was until the clerk allows a resend.
import { familyJoinAt, isFamilySide } from './attendee-order';
import type { Conference, Invitee, InviteeMailState, MailOutcomeCode } from './conference';

export type FamilyMailKind = InviteeMailState['kind'];
export interface MailPlan {
  invitee: Invitee;
  kind: FamilyMailKind;
}

/**
 * Nothing, an invitation, an update (their time or the end moved) or a cancellation, per
 * family-side invitee. Nothing at all while the meeting's lock-down is not proven (a family
 * must never get a link to a meeting whose lobby may be open) — cancellations after a stand-down
 * excepted — and nothing once the conference has been held or closed.
 */
export function planFamilyMail(c: Conference): MailPlan[] {
  if (!c.meeting) return [];
  const standingDown = c.status === 'stood-down';
  if (!standingDown && (c.status !== 'booked' || !c.meeting.optionsVerified)) return [];
  const plans: MailPlan[] = [];
  for (const invitee of c.invitees) {
    if (!isFamilySide(invitee.role)) continue;
    const m = invitee.mail;
    // Resolved to 'unknown' at the start of a run; never planned while in flight.
    if (m?.state === 'sending') continue;
    if (standingDown || invitee.status === 'removed') {
      if (!m) continue; // never told anything: nothing to cancel
      if (m.kind === 'cancellation') {
        if (m.state === 'failed') plans.push({ invitee, kind: 'cancellation' });
        continue;
      }
      // Cancel whatever they may hold (after an unknown invitation too: a cancellation is
      // harmless); an invitation that certainly failed left nothing to cancel.
      if (!(m.kind === 'invitation' && m.state === 'failed')) plans.push({ invitee, kind: 'cancellation' });
      continue;
    }
    if (!m || (m.state !== 'unknown' && (m.kind === 'cancellation' || (m.state === 'failed' && m.kind === 'invitation')))) {
      plans.push({ invitee, kind: 'invitation' });
      continue;
    }
    // An unknown outcome is never repeated as it was (the clerk decides: allowResend); a new
    // time is news, so it goes out as an update.
    const changed = m.joinAt !== familyJoinAt(c, invitee) || m.end !== c.end;
    if (changed || m.state === 'failed') plans.push({ invitee, kind: m.kind === 'cancellation' ? 'invitation' : 'update' });
  }
  return plans;
}

/** Saves each planned attempt as 'sending' (before any request goes out). */
export function markSending(c: Conference, plans: MailPlan[], at: string): Conference {
  const marks = new Map<string, InviteeMailState>();
  for (const { invitee, kind } of plans) {
    marks.set(invitee.id, { bookingVersion: c.bookingVersion, kind, state: 'sending', at, joinAt: familyJoinAt(c, invitee), end: c.end });
  }
  return { ...c, invitees: c.invitees.map((i) => (marks.has(i.id) ? { ...i, mail: marks.get(i.id) } : i)) };
}

export type MailResult = { inviteeId: string; outcome: 'sent' } | { inviteeId: string; outcome: 'failed' | 'unknown'; code: MailOutcomeCode };
export interface MailReport {
  sent: string[];
  failed: string[];
  unknown: string[];
  late: string[];
}

/**
 * Records what became of each 'sending' attempt. An attempt with no result stays unknown
 * ('MAIL.NO_OUTCOME'). A sent invitation or update counts as invited, with the notice check.
 */
export function recordMailOutcomes(
  c: Conference,
  results: MailResult[],
  at: string,
  notice: { deadline: string; met: boolean } | null,
): { conference: Conference; report: MailReport } {
  const report: MailReport = { sent: [], failed: [], unknown: [], late: [] };
  const byId = new Map(results.map((r) => [r.inviteeId, r]));
  const invitees = c.invitees.map((i): Invitee => {
    const mark = i.mail;
    if (mark?.state !== 'sending') return i;
    const r: MailResult = byId.get(i.id) ?? { inviteeId: i.id, outcome: 'unknown', code: 'MAIL.NO_OUTCOME' };
    if (r.outcome !== 'sent') {
      (r.outcome === 'failed' ? report.failed : report.unknown).push(i.id);
      return { ...i, mail: { ...mark, state: r.outcome, code: r.code } };
    }
    report.sent.push(i.id);
    const next: Invitee = { ...i, mail: { ...mark, state: 'sent' } };
    if (mark.kind !== 'cancellation') {
      next.status = 'invited';
      next.invitedAt = at;
      if (notice) {
        next.notice = notice;
        if (!notice.met) report.late.push(i.id);
      }
    }
    return next;
  });
  return { conference: { ...c, invitees }, report };
}

/** 'sending' found at the start of a run: the run before stopped mid-request. Outcome unknown. */
export function resolveInterrupted(c: Conference): { conference: Conference; inviteeIds: string[] } {
  const inviteeIds = c.invitees.filter((i) => i.mail?.state === 'sending').map((i) => i.id);
  if (inviteeIds.length === 0) return { conference: c, inviteeIds };
  return {
    conference: { ...c, invitees: c.invitees.map((i) => (i.mail?.state === 'sending' ? { ...i, mail: { ...i.mail, state: 'unknown', code: 'MAIL.INTERRUPTED' } } : i)) },
    inviteeIds,
  };
}
