import type { Conference, Invitee, InviteeMailState } from '../../domain/conference/conference';
import type { MailMessage, MailOutcome } from '../ports/mailer.port';
import { type Actor, audit, type BookingDeps, familyJoinAt, isFamilySide } from '../meetings/booking-deps';
import { buildFamilyMail, type FamilyMailKind } from './family-invitation-email';
import { icsUid } from './ics-calendar';
import { checkNotice } from './invitation-notice';

type MailPlan = { invitee: Invitee; kind: FamilyMailKind };

/**
 * What each family-side invitee still needs, from the state saved in the aggregate: nothing,
 * an invitation, an update (their time or the end moved) or a cancellation. An e-mail whose
 * outcome is 'sending' (a crash mid-request) or 'unknown' is never resent automatically.
 */
export function planFamilyMail(c: Conference): MailPlan[] {
  const plans: MailPlan[] = [];
  const standingDown = c.status === 'stood-down';
  for (const invitee of c.invitees) {
    if (!isFamilySide(invitee.role)) continue;
    const m = invitee.mail;
    if (m?.state === 'sending') continue; // resolved to 'unknown' before planning
    if (standingDown || invitee.status === 'removed') {
      if (!m) continue; // never told anything: nothing to cancel
      if (m.kind === 'cancellation') {
        if (m.state === 'failed') plans.push({ invitee, kind: 'cancellation' });
        continue;
      }
      // Cancel whatever they may hold — a cancellation after an unknown invitation is harmless.
      if (!(m.kind === 'invitation' && m.state === 'failed')) plans.push({ invitee, kind: 'cancellation' });
      continue;
    }
    if (!m || (m.state !== 'unknown' && (m.kind === 'cancellation' || (m.state === 'failed' && m.kind === 'invitation')))) {
      plans.push({ invitee, kind: 'invitation' });
      continue;
    }
    const changed = m.joinAt !== familyJoinAt(c, invitee) || m.end !== c.end;
    // An unknown outcome is never repeated as is (the clerk decides, allowResend); a new time is news.
    if (changed || m.state === 'failed') plans.push({ invitee, kind: m.kind === 'cancellation' ? 'invitation' : 'update' });
  }
  return plans;
}

export interface DeliveryReport {
  conference: Conference;
  sent: string[];
  failed: string[];
  unknown: string[];
  late: string[];
}

/**
 * Sends each family-side invitee their own e-mail and .ics, exactly once per change:
 * marks them 'sending' and saves, sends (one request per ≤ 20 via the Mailer), then saves
 * each outcome. A crash between the two saves leaves 'sending', which is reported to the
 * clerk as unknown rather than sent again.
 */
export async function deliverFamilyMail(deps: BookingDeps, start: Conference, actor: Actor): Promise<DeliveryReport> {
  let c = await flagInterruptedSends(deps, start, actor);
  const report: DeliveryReport = { conference: c, sent: [], failed: [], unknown: [], late: [] };
  const meeting = c.meeting;
  if (!meeting) return report;
  const plans = planFamilyMail(c);
  if (plans.length === 0) return report;

  const now = deps.clock.now().toISOString();
  const marks = new Map<string, InviteeMailState>();
  const messages: MailMessage[] = [];
  for (const { invitee, kind } of plans) {
    const joinAt = familyJoinAt(c, invitee);
    marks.set(invitee.id, { bookingVersion: c.bookingVersion, kind, state: 'sending', at: now, joinAt, end: c.end });
    messages.push(
      buildFamilyMail({
        kind,
        inviteeId: invitee.id,
        to: { address: invitee.email, name: invitee.displayName },
        caseReference: c.caseReference,
        conferenceKind: c.kind,
        joinAt,
        end: c.end,
        joinsAfterConfidentialSection: joinAt > c.start,
        interpreter: invitee.interpreter,
        joinUrl: meeting.joinUrl,
        uid: icsUid(c.id, invitee.id),
        sequence: c.bookingVersion,
        stamp: now,
        sender: deps.mailSender,
      }),
    );
  }
  c = await deps.store.save({ ...c, invitees: c.invitees.map((i) => (marks.has(i.id) ? { ...i, mail: marks.get(i.id) } : i)) });

  const outcomes = await deps.mailer.sendEach(messages);
  const byKey = new Map<string, MailOutcome>(outcomes.map((o) => [o.key, o]));
  const profile = deps.profileFor(c.profileId);
  const today = deps.clock.today();
  const invitees = c.invitees.map((i) => {
    const mark = marks.get(i.id);
    if (!mark) return i;
    const o = byKey.get(i.id) ?? { key: i.id, outcome: 'unknown' as const, code: 'MAIL.NO_OUTCOME' };
    if (o.outcome === 'sent') {
      report.sent.push(i.id);
      const next: Invitee = { ...i, mail: { ...mark, state: 'sent' } };
      if (mark.kind !== 'cancellation') {
        next.status = 'invited';
        next.invitedAt = now;
        const notice = checkNotice(profile, c.kind, c.start, today);
        if (notice) {
          next.notice = notice;
          if (!notice.met) report.late.push(i.id);
        }
      }
      return next;
    }
    (o.outcome === 'failed' ? report.failed : report.unknown).push(i.id);
    return { ...i, mail: { ...mark, state: o.outcome, code: o.code } };
  });
  c = await deps.store.save({ ...c, invitees });
  report.conference = c;

  const kinds = [...new Set(plans.map((p) => p.kind))];
  await audit(deps, actor, 'invitation.family-mail', c.id, {
    bookingVersion: c.bookingVersion, kinds, sent: report.sent, failed: report.failed, unknown: report.unknown,
  });
  if (report.failed.length > 0 || report.unknown.length > 0) {
    const codes = [...new Set(outcomes.filter((o) => o.outcome !== 'sent').map((o) => ('code' in o ? o.code : '')))];
    await deps.alerts.alertClerk({
      conferenceId: c.id, code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical',
      detail: { failed: report.failed, unknown: report.unknown, codes },
    });
  }
  if (report.late.length > 0) await flagLate(deps, actor, c, report.late);
  return report;
}

export async function flagLate(deps: BookingDeps, actor: Actor, c: Conference, inviteeIds: string[]): Promise<void> {
  const deadline = c.invitees.find((i) => i.id === inviteeIds[0])?.notice?.deadline ?? null;
  const detail = { inviteeIds, deadline, conferenceDate: c.start.slice(0, 10), sentOn: deps.clock.today() };
  await audit(deps, actor, 'invitation.late', c.id, detail);
  await deps.alerts.alertClerk({ conferenceId: c.id, code: 'INVITATION.LATE', severity: 'warning', detail });
}

/** A 'sending' mark found on entry means a previous run stopped mid-request: outcome unknown. */
async function flagInterruptedSends(deps: BookingDeps, c: Conference, actor: Actor): Promise<Conference> {
  const interrupted = c.invitees.filter((i) => i.mail?.state === 'sending').map((i) => i.id);
  if (interrupted.length === 0) return c;
  const saved = await deps.store.save({
    ...c,
    invitees: c.invitees.map((i) => (i.mail?.state === 'sending' ? { ...i, mail: { ...i.mail, state: 'unknown', code: 'MAIL.INTERRUPTED' } } : i)),
  });
  await audit(deps, actor, 'invitation.family-mail-interrupted', c.id, { inviteeIds: interrupted });
  await deps.alerts.alertClerk({
    conferenceId: c.id, code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical',
    detail: { unknown: interrupted, codes: ['MAIL.INTERRUPTED'] },
  });
  return saved;
}

/** The clerk confirmed an e-mail did not arrive: allow one more send for this invitee. */
export function allowResend(c: Conference, inviteeId: string): Conference {
  return {
    ...c,
    invitees: c.invitees.map((i) =>
      i.id === inviteeId && i.mail && (i.mail.state === 'unknown' || i.mail.state === 'sending')
        ? { ...i, mail: { ...i.mail, state: 'failed', code: 'MAIL.RESEND_REQUESTED' } }
        : i,
    ),
  };
}
