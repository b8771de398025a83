// The reminder job's handler. It reads the conference (no transaction), asks the domain whether
// the reminder is still due, posts the card, then records the sent reminder, its audit entry and
// the job's completion in ONE new short transaction: no transaction is open across the Teams call
// (PGlite has one connection). The one window: a crash after the post and before that commit
// sends the card once more when the lease runs out (docs/reminders.md).
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import { instantToLondon } from '../../domain/calendar/london-time';
import type { Conference } from '../../domain/conference/conference';
import { decideReminder, type PlannedReminder } from '../../domain/reminders/reminder-plan';
import { KIND_LABEL } from '../invitations/family-invitation-email';
import type { JobContext, JobHandler } from '../jobs/job-kinds';
import { PermanentJobFailure } from '../jobs/job-worker';
import type { Alerts } from '../ports/alerts.port';
import type { AuditDetail, AuditLog } from '../ports/audit-log.port';
import { type ChatNotifier, ChatNotifierError, type SentCard } from '../ports/chat-notifier.port';
import type { ConferenceStore } from '../ports/conference-store.port';
import type { RemindersSent } from '../ports/reminders-sent.port';
import { type Telemetry, telemetryOf } from '../ports/telemetry.port';
import type { TransactionHandle, UnitOfWork } from '../ports/unit-of-work.port';
import { render as renderReminderCard, reminderViewModel } from '../../cards/reminder/reminder.view-model';
import { recipientKey, reminderDedupKey, type ReminderJobPayload } from './reminder-job';
import { type ReminderScheduleDeps, scheduleReminders } from './schedule-reminders';

export interface ReminderHandlerDeps extends ReminderScheduleDeps {
  store: ConferenceStore;
  uow: UnitOfWork;
  audit: AuditLog;
  alerts: Alerts;
  notifier: ChatNotifier;
  remindersSent: RemindersSent;
  /** Reminders fired, deadlines missed (docs/telemetry.md); absent: off. */
  telemetry?: Telemetry;
}

export function reminderJobHandler(deps: ReminderHandlerDeps): JobHandler<ReminderJobPayload> {
  return async (p, ctx) => {
    const audit = (action: string, detail: AuditDetail, tx: TransactionHandle) =>
      deps.audit.append({ actorId: 'system', actorRole: 'system', action, conferenceId: p.conferenceId, detail: { jobId: ctx.jobId, reminder: p.reminder, bookingVersion: p.bookingVersion, ...detail } }, tx);
    const skip = (reason: string, current?: Conference) =>
      deps.uow.run(async (tx) => {
        await audit('reminder.skipped', { reason }, tx);
        // A newer booking (or a moved deadline) has reminders of its own: make sure they are queued.
        if (current && (reason === 'superseded' || reason === 'moved')) await scheduleReminders(deps, current, tx);
        await ctx.complete(tx);
      });

    const c = await deps.store.get(p.conferenceId);
    if (!c) return skip('not-found');
    const profile = deps.profileFor(c.profileId);
    const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
    const decision = decideReminder(c, profile, calendar, { reminder: p.reminder, recipient: p.recipient, bookingVersion: p.bookingVersion, fireAtMs: p.fireAt, nowMs: deps.clock.now().getTime() }, recipientKey);
    if (!decision.send) {
      await skip(decision.reason, c);
      // The job that tracks this deadline ran after it closed with the task not done: a missed deadline, counted once it is recorded.
      if (decision.reason === 'deadline-passed' && decision.missed) telemetryOf(deps).deadlineMissed({ rule: decision.missed, conferenceKind: c.kind, profileId: c.profileId });
      return;
    }
    const r = decision.reminder;

    const dedupKey = reminderDedupKey(p);
    const identity = { dedupKey, conferenceId: c.id, reminder: p.reminder, recipient: p.recipient, fireAt: new Date(p.fireAt) };
    if (await deps.remindersSent.wasSent(identity)) return skip('already-sent');

    const sent = await post(deps, c, r, p, ctx);
    await deps.uow.run(async (tx) => {
      const recorded = await deps.remindersSent.record({ ...identity, jobId: ctx.jobId, bookingVersion: p.bookingVersion, sentAt: deps.clock.now(), ...sent }, tx);
      await audit('reminder.sent', { ...about(r, p), attempt: ctx.attempt, alreadyRecorded: !recorded }, tx);
      await ctx.complete(tx);
    });
    telemetryOf(deps).reminderFired({ reminder: p.reminder, profileId: c.profileId });
  };
}

/** Ids and codes only: which rule, whose part, which deadline. */
function about(r: PlannedReminder, p: ReminderJobPayload): AuditDetail {
  return {
    rule: r.rule,
    recipient: p.recipient,
    recipientRole: r.recipientRole,
    inviteeId: r.inviteeId ?? null,
    fireAt: instantToLondon(p.fireAt),
    deadline: r.deadline.time === null ? r.deadline.date : `${r.deadline.date}T${r.deadline.time}`,
  };
}

/** The card to the recipient's 1:1 chat. No chat for them: the clerk is told and the job fails for good. */
async function post(deps: ReminderHandlerDeps, c: Conference, r: PlannedReminder, p: ReminderJobPayload, ctx: JobContext): Promise<SentCard> {
  const card = renderReminderCard(
    reminderViewModel({ headline: r.headline, caseReference: c.caseReference, kindLabel: KIND_LABEL[c.kind], start: c.start, deadline: r.deadline, recipientRole: r.recipientRole, ruleText: r.ruleText }),
  );
  try {
    return await deps.notifier.sendCard(r.recipientId, card);
  } catch (err) {
    if (!(err instanceof ChatNotifierError) || err.code !== 'NOTIFY.NO_CONVERSATION') throw err; // UNAVAILABLE: the queue backs off and retries
    const detail = { jobId: ctx.jobId, reminder: p.reminder, bookingVersion: p.bookingVersion, ...about(r, p) };
    await deps.uow.run(async (tx) => {
      await deps.audit.append({ actorId: 'system', actorRole: 'system', action: 'reminder.undeliverable', conferenceId: c.id, detail: { ...detail, code: err.code } }, tx);
      await deps.alerts.alertClerk({ conferenceId: c.id, code: 'REMINDER.NOT_DELIVERED', severity: 'warning', detail }, tx);
    });
    throw new PermanentJobFailure(err.code, 'the reminder cannot reach its recipient', { conferenceId: c.id });
  }
}
