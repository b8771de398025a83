// The repeat job (kind meeting.alert-repeat, one pending per conference): every repeat interval
// it re-sends the open alerts the chair has not acknowledged, and queues itself again while any
// remain. Queued in the transaction that raises an alert, so it exists whenever an alert does.
import { z } from 'zod';
import { alertsToRepeat } from '../../../domain/meeting/meeting-alerts';
import type { MeetingAlert } from '../../../domain/meeting/live-meeting';
import type { JobHandler } from '../../jobs/job-kinds';
import type { TransactionHandle } from '../../ports/unit-of-work.port';
import { deliverAlerts } from './deliver-alerts';
import { type LiveDeps, repeatMsOf } from './live-deps';

export const ALERT_REPEAT_JOB_KIND = 'meeting.alert-repeat';
export const alertRepeatPayload = z.object({ conferenceId: z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/) }).strict();
export type AlertRepeatPayload = z.infer<typeof alertRepeatPayload>;

const waiting = (a: MeetingAlert): boolean => a.clearedAt === undefined && a.acknowledgedAt === undefined;

/** Queues the conference's repeat (a no-op while one is pending) at `runAt`, default one interval from now. */
export async function scheduleAlertRepeat(deps: Pick<LiveDeps, 'jobs' | 'clock' | 'meetingAlertRepeatMs'>, conferenceId: string, tx: TransactionHandle, runAt?: Date): Promise<void> {
  await deps.jobs.enqueue({ kind: ALERT_REPEAT_JOB_KIND, payload: { conferenceId }, runAt: runAt ?? new Date(deps.clock.now().getTime() + repeatMsOf(deps)), dedupKey: conferenceId }, tx);
}

export function alertRepeatJobHandler(deps: LiveDeps): JobHandler<AlertRepeatPayload> {
  return async (p, ctx) => {
    const everyMs = repeatMsOf(deps);
    const live = await deps.live.get(p.conferenceId);
    const due = live ? alertsToRepeat(live.alerts, deps.clock.now().toISOString(), everyMs) : [];
    if (due.length > 0) await deliverAlerts(deps, p.conferenceId, due.map((a) => a.id));
    const after = await deps.live.get(p.conferenceId);
    const left = after?.alerts.filter(waiting) ?? [];
    await deps.uow.run(async (tx) => {
      await ctx.complete(tx);
      if (left.length === 0) return;
      // Next run: when the earliest remaining alert is due again (at least a second from now).
      const nextMs = Math.min(...left.map((a) => Date.parse(a.lastDeliveredAt ?? a.raisedAt) + everyMs));
      await scheduleAlertRepeat(deps, p.conferenceId, tx, new Date(Math.max(nextMs, deps.clock.now().getTime() + 1_000)));
    });
  };
}
