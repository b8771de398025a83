// The chair acknowledges an alert (card button or API): its repeats stop. Chair only; anyone else
// is refused and audited. Idempotent: a second press answers with the alert as it is.
import type { MeetingAlert } from '../../../domain/meeting/live-meeting';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import type { Conference } from '../../../domain/conference/conference';
import { isChair } from './chair-of';
import type { LiveDeps } from './live-deps';
import { withLiveRetry } from './save-live';

export interface AcknowledgedAlert {
  conference: Conference;
  alert: MeetingAlert;
  /** Already acknowledged (or no longer open) before this call: nothing changed. */
  already: boolean;
  roster: import('../../../domain/meeting/live-meeting').RosterEntry[];
}

export async function acknowledgeAlert(deps: LiveDeps, actorId: string, conferenceId: string, alertId: string): Promise<AcknowledgedAlert> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new MeetingError('MEETING.NOT_FOUND', 'no such conference', { conferenceId });
  if (!isChair(c, actorId)) {
    await deps.audit.append({ actorId, actorRole: 'unknown', action: 'meeting.refused', conferenceId, detail: { code: 'MEETING.NOT_THE_CHAIR', alertId, command: 'alert-ack' } });
    throw new MeetingError('MEETING.NOT_THE_CHAIR', 'only the chair acknowledges alerts', { conferenceId });
  }
  return withLiveRetry(deps.uow, async (tx) => {
    const live = await deps.live.get(conferenceId, tx);
    if (!live) throw new MeetingError('MEETING.NOT_FOUND', 'the meeting has not started', { conferenceId });
    const alert = live.alerts.find((a) => a.id === alertId);
    if (!alert) throw new MeetingError('MEETING.ALERT_NOT_FOUND', 'no such alert', { conferenceId, alertId });
    if (alert.acknowledgedAt !== undefined || alert.clearedAt !== undefined) return { conference: c, alert, already: true, roster: live.roster };
    const acked: MeetingAlert = { ...alert, acknowledgedAt: deps.clock.now().toISOString(), acknowledgedBy: actorId };
    await deps.live.save({ ...live, alerts: live.alerts.map((a) => (a.id === alertId ? acked : a)) }, tx);
    await deps.audit.append({ actorId, actorRole: 'chair', action: 'meeting.alert-acknowledged', conferenceId, detail: { alertId, kind: alert.kind, stage: alert.stage, deliveries: alert.deliveries } }, tx);
    return { conference: c, alert: acked, already: false, roster: live.roster };
  });
}
