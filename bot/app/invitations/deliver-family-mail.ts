// Sends each family-side invitee their own e-mail and .ics, exactly once per change. The plan
// and the records are the domain's (family-mail-plan.ts); this runs them in three steps: mark the
// attempts 'sending' and commit, send (one $batch per ≤ 20 via the Mailer, outside any
// transaction), then commit each outcome with its audit entry and any alert. A crash between the
// first and last step leaves 'sending', which the next run reports to the clerk as unknown
// rather than sending again; the conference's lease keeps a second run from doing so meanwhile.
import type { Conference } from '../../domain/conference/conference';
import type { MailPlan, MailReport } from '../../domain/conference/family-mail-plan';
import type { MailMessage } from '../ports/mailer.port';
import { type BookingRun, flagLateEffects } from '../meetings/booking-run';
import { familyViewLink } from '../family/family-link';
import { buildFamilyMail } from './family-invitation-email';
import { icsUid } from './ics-calendar';

export interface DeliveryReport extends MailReport {
  conference: Conference;
}

export async function deliverFamilyMail(run: BookingRun, start: Conference): Promise<DeliveryReport> {
  const { deps } = run;
  let c = await flagInterruptedSends(run, start);
  const empty = (conference: Conference): DeliveryReport => ({ conference, sent: [], failed: [], unknown: [], late: [] });
  if (!c.meeting) return empty(c);

  const at = run.now();
  const marked = run.apply(c, { type: 'mail-sending', at });
  const plans = marked.effects.flatMap((e) => (e.kind === 'send-family-mail' ? e.plans : []));
  if (plans.length === 0) return empty(c);
  c = await run.step((s) => s.save(marked.state));

  const messages = plans.map((p) => familyMessage(run, c, p, at));
  const outcomes = await deps.mailer.sendEach(messages);

  const notice = run.noticeToday(c);
  const recorded = run.apply(c, {
    type: 'mail-outcomes',
    at,
    notice,
    results: outcomes.map((o) => (o.outcome === 'sent' ? { inviteeId: o.key, outcome: 'sent' } : { inviteeId: o.key, outcome: o.outcome, code: o.code })),
  });
  const report = recorded.effects.flatMap((e) => (e.kind === 'mail-reported' ? [e.report] : []))[0]!;
  c = await run.step(async (s) => {
    const saved = await s.save(recorded.state);
    const kinds = [...new Set(plans.map((p) => p.kind))];
    await s.audit('invitation.family-mail', { bookingVersion: saved.bookingVersion, kinds, sent: report.sent, failed: report.failed, unknown: report.unknown });
    if (report.failed.length > 0 || report.unknown.length > 0) {
      const codes = [...new Set(outcomes.flatMap((o) => (o.outcome === 'sent' ? [] : [o.code])))];
      await s.alert({ code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical', detail: { failed: report.failed, unknown: report.unknown, codes } });
    }
    await flagLateEffects(s, saved, recorded.effects, deps.clock.today());
    return saved;
  });
  return { conference: c, ...report };
}

function familyMessage(run: BookingRun, c: Conference, { invitee, kind }: MailPlan, at: string): MailMessage {
  const mark = c.invitees.find((i) => i.id === invitee.id)!.mail!;
  const { links, publicBaseUrl } = run.deps;
  const familyLink = links && publicBaseUrl !== undefined && kind !== 'cancellation' ? familyViewLink({ links, publicBaseUrl }, c, invitee.id) : undefined;
  return buildFamilyMail({
    kind,
    inviteeId: invitee.id,
    to: { address: invitee.email, name: invitee.displayName },
    caseReference: c.caseReference,
    conferenceKind: c.kind,
    joinAt: mark.joinAt,
    end: c.end,
    joinsAfterConfidentialSection: mark.joinAt > c.start,
    interpreter: invitee.interpreter,
    joinUrl: c.meeting!.joinUrl,
    ...(familyLink ? { familyLink } : {}),
    uid: icsUid(c.id, invitee.id),
    sequence: c.bookingVersion,
    stamp: at,
    sender: run.deps.mailSender,
  });
}

/** A 'sending' mark found on entry means a previous run stopped mid-request: outcome unknown. */
async function flagInterruptedSends(run: BookingRun, c: Conference): Promise<Conference> {
  const r = run.apply(c, { type: 'mail-interrupted' });
  const interrupted = r.effects.flatMap((e) => (e.kind === 'mail-interrupted' ? e.inviteeIds : []));
  if (interrupted.length === 0) return c;
  return run.step(async (s) => {
    const saved = await s.save(r.state);
    await s.audit('invitation.family-mail-interrupted', { inviteeIds: interrupted });
    await s.alert({ code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical', detail: { unknown: interrupted, codes: ['MAIL.INTERRUPTED'] } });
    return saved;
  });
}
