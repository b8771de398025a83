// Asking each invited professional for their answer, once: a 1:1 card where the bot can reach
// them (the Teams adapter installs the app for them through Graph where needed), else an e-mail
// (individually; subject = the case reference only) with a signed link to the confirmation page,
// bound to that invitee and conference and expiring at the end of the conference day. Each
// request is recorded on the invitee, so a second "send invitations" asks nobody twice. The one
// window: a crash after a card or e-mail went and before its record commits asks that person again.
import type { Conference, Invitee } from '../../domain/conference/conference';
import { reportDueDate } from '../../domain/invite-list/attendance-rules';
import type { AppDeps } from '../app-deps';
import { ChatNotifierError, type SentCard } from '../ports/chat-notifier.port';
import type { MailMessage } from '../ports/mailer.port';
import { attendanceCard } from './attendance-card';
import { endOfConferenceDay, kindLabel, longDate, timeRange } from './conference-when';

export interface AttendanceRequestReport {
  card: string[];
  email: string[];
  /** Neither a card nor an e-mail could be sent (a code per invitee id). */
  failed: { inviteeId: string; code: string }[];
}

/** Who answers attendance: agency professionals and team managers invited, not yet asked. */
export function awaitingRequest(c: Conference): Invitee[] {
  return c.invitees.filter((i) => (i.role === 'professional' || i.role === 'team-manager') && i.status === 'invited' && !i.attendanceRequest && !(i.attendance && i.attendance.length > 0));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function confirmationLink(deps: Pick<AppDeps, 'links' | 'publicBaseUrl'>, c: Conference, inviteeId: string): string {
  const token = deps.links.sign({ purpose: 'attendance', conferenceId: c.id, inviteeId, expiresAt: endOfConferenceDay(c).toISOString() });
  return `${deps.publicBaseUrl}/tab/confirm?t=${encodeURIComponent(token)}`;
}

function attendanceEmail(deps: AppDeps, c: Conference, i: Invitee, reportDue: string | null): MailMessage {
  const link = confirmationLink(deps, c, i.id);
  const report = reportDue ? `If you cannot attend, your agency's written report is needed by ${escapeHtml(longDate(reportDue))}.` : "If you cannot attend, your agency's written report is needed before the conference.";
  const html = [
    `<p>You are invited to a ${escapeHtml(kindLabel(c).toLowerCase())}, case reference ${escapeHtml(c.caseReference)}, on ${escapeHtml(longDate(c.start))}, ${escapeHtml(timeRange(c))}.</p>`,
    `<p>Please tell the conference team whether you will attend: <a href="${escapeHtml(link)}">answer here</a>. The link works until the end of the conference day and only for you.</p>`,
    `<p>${report}</p>`,
  ].join('\n');
  return { key: i.id, to: { address: i.email, name: i.displayName }, subject: c.caseReference, html, attachments: [] };
}

export async function requestAttendance(deps: AppDeps, start: Conference): Promise<{ conference: Conference; report: AttendanceRequestReport }> {
  const due = awaitingRequest(start);
  const report: AttendanceRequestReport = { card: [], email: [], failed: [] };
  if (due.length === 0) return { conference: start, report };
  const reportDue = reportDueDate(deps.profileFor(start.profileId), start.start);
  const cards = new Map<string, SentCard>();
  const byEmail: Invitee[] = [];
  for (const i of due) {
    if (!i.directoryId) {
      byEmail.push(i);
      continue;
    }
    try {
      cards.set(i.id, await deps.notifier.sendCard(i.directoryId, attendanceCard(start, i, reportDue)));
      report.card.push(i.id);
    } catch (err) {
      // No chat with them and the app could not be installed (outside the tenant): the e-mail.
      if (err instanceof ChatNotifierError && err.code === 'NOTIFY.NO_CONVERSATION') byEmail.push(i);
      else report.failed.push({ inviteeId: i.id, code: err instanceof ChatNotifierError ? err.code : 'NOTIFY.UNAVAILABLE' });
    }
  }
  const mailed = new Set<string>();
  if (byEmail.length > 0) {
    const outcomes = await deps.mailer.sendEach(byEmail.map((i) => attendanceEmail(deps, start, i, reportDue)));
    for (const o of outcomes) {
      if (o.outcome === 'sent') {
        mailed.add(o.key);
        report.email.push(o.key);
      } else report.failed.push({ inviteeId: o.key, code: o.code });
    }
  }
  const at = deps.clock.now().toISOString();
  const conference = await deps.uow.run(async (tx) => {
    const fresh = (await deps.store.get(start.id, tx)) ?? start;
    const invitees = fresh.invitees.map((i): Invitee => {
      const card = cards.get(i.id);
      if (card) return { ...i, attendanceRequest: { via: 'card', at, card } };
      if (mailed.has(i.id)) return { ...i, attendanceRequest: { via: 'email', at } };
      return i;
    });
    const saved = await deps.store.save({ ...fresh, invitees }, tx);
    await deps.audit.append(
      { actorId: 'system', actorRole: 'system', action: 'attendance.requested', conferenceId: start.id, detail: { cardInviteeIds: report.card, linkInviteeIds: report.email, failed: report.failed.map((f) => f.inviteeId), failedCodes: report.failed.map((f) => f.code) } },
      tx,
    );
    return saved;
  });
  return { conference, report };
}
