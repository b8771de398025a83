// At start-up: the live meetings with open alerts (LiveMeetingStore.listWithOpenAlerts). An alert
// the previous process raised but had not delivered (killed between the commit and the send) goes
// out now, and each such conference has its repeat job queued (a no-op when one is pending).
import { deliverAlerts } from './deliver-alerts';
import type { LiveDeps } from './live-deps';
import { scheduleAlertRepeat } from './alert-repeat-job';

export async function resumeOpenAlerts(deps: LiveDeps): Promise<{ conferences: number; delivered: number }> {
  let delivered = 0;
  const ids = await deps.live.listWithOpenAlerts();
  for (const id of ids) {
    const live = await deps.live.get(id);
    if (!live) continue;
    const undelivered = live.alerts.filter((a) => a.clearedAt === undefined && a.acknowledgedAt === undefined && a.deliveries === 0).map((a) => a.id);
    if (undelivered.length > 0) delivered += (await deliverAlerts(deps, id, undelivered)).length;
    if (live.alerts.some((a) => a.clearedAt === undefined && a.acknowledgedAt === undefined)) await deps.uow.run((tx) => scheduleAlertRepeat(deps, id, tx));
  }
  return { conferences: ids.length, delivered };
}
