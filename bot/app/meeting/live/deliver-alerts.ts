// Telling the chair (issue 9: within 2 seconds, repeated until acknowledged or the person leaves):
// each alert as a card in the chair's 1:1 chat (it lasts) and, when the meeting chat is known, a
// targeted in-meeting notification to the chair that opens the run sheet. Sent outside any
// transaction (never one held across a Teams call); each delivery is then recorded on the alert
// (deliveries, lastDeliveredAt), so an alert whose delivery a crash cut off is still undelivered
// in the row and the repeat job or the start-up sweep sends it. At least once: a crash after the
// send and before the record sends it once more.
import type { MeetingAlert } from '../../../domain/meeting/live-meeting';
import { runSheetLink } from '../stage/run-sheet-card';
import { scheduleAlertRepeat } from './alert-repeat-job';
import { alertCard } from './alert-card';
import { recordFirstDelivery } from './alert-telemetry';
import { chairIdOf, chairParticipantIds } from './chair-of';
import { auditId, type LiveDeps } from './live-deps';
import { withLiveRetry } from './save-live';

export interface Delivered {
  alertId: string;
  card: boolean;
  inMeeting: boolean;
}

const isOpen = (a: MeetingAlert): boolean => a.clearedAt === undefined && a.acknowledgedAt === undefined;

/** Delivers the open, unacknowledged alerts among `alertIds`; returns what reached the chair. */
export async function deliverAlerts(deps: LiveDeps, conferenceId: string, alertIds: string[]): Promise<Delivered[]> {
  const [c, live] = await Promise.all([deps.store.get(conferenceId), deps.live.get(conferenceId)]);
  if (!c || !live) return [];
  const wanted = new Set(alertIds);
  const due = live.alerts.filter((a) => wanted.has(a.id) && isOpen(a));
  if (due.length === 0) return [];
  const chairId = chairIdOf(c);

  const delivered: Delivered[] = [];
  for (const a of due) {
    let card = false;
    if (chairId) {
      try {
        await deps.notifier.sendCard(chairId, alertCard(c, live, a, a.deliveries + 1));
        card = true;
      } catch {
        // No 1:1 chat or the connector is down: the in-meeting notification may still reach the chair; the repeat retries.
      }
    }
    delivered.push({ alertId: a.id, card, inMeeting: false });
  }
  // One in-meeting notification for the batch: it opens the run sheet (the chair's signed link), which lists every alert.
  const recipients = chairParticipantIds(c, live).slice(0, 10);
  const url = runSheetLink(deps, c);
  if (deps.meetingNotifier && live.chat && url && recipients.length > 0) {
    try {
      await deps.meetingNotifier.notify(live.chat, live.teamsMeetingId, { recipients, url, title: `Meeting alert ${c.caseReference}` });
      for (const d of delivered) d.inMeeting = true;
    } catch {
      // Best effort: the 1:1 card is the lasting channel.
    }
  }

  const reached = delivered.filter((d) => d.card || d.inMeeting);
  // Recorded with the repeat queued (a no-op while one is pending), whoever raised the alert: an
  // event, a stage change, a match by hand. Nothing reached the chair: the repeat retries it.
  if (reached.length > 0) await recordDeliveries(deps, conferenceId, reached);
  else await deps.uow.run((tx) => scheduleAlertRepeat(deps, conferenceId, tx));
  return reached;
}

async function recordDeliveries(deps: LiveDeps, conferenceId: string, reached: Delivered[]): Promise<void> {
  const at = deps.clock.now().toISOString();
  const byId = new Map(reached.map((d) => [d.alertId, d]));
  const before = await withLiveRetry(deps.uow, async (tx) => {
    const live = await deps.live.get(conferenceId, tx);
    if (!live) return null;
    const alerts = live.alerts.map((a) => (byId.has(a.id) ? { ...a, deliveries: a.deliveries + 1, lastDeliveredAt: at } : a));
    await deps.live.save({ ...live, alerts }, tx);
    for (const a of alerts.filter((x) => byId.has(x.id))) {
      const d = byId.get(a.id)!;
      await deps.audit.append(
        { actorId: 'system', actorRole: 'system', action: 'meeting.alert-delivered', conferenceId, detail: { alertId: a.id, kind: a.kind, delivery: a.deliveries, card: d.card, inMeeting: d.inMeeting, participantId: auditId(a.participantId) } },
        tx,
      );
    }
    await scheduleAlertRepeat(deps, conferenceId, tx);
    return live;
  });
  // Committed: an alert with no delivery before this one has its latency now.
  for (const a of before?.alerts ?? []) if (byId.has(a.id) && a.deliveries === 0) recordFirstDelivery(deps, a, byId.get(a.id)!, Date.parse(at));
}
