// The alerts' telemetry (docs/telemetry.md): each alert counted once it is committed, and the time
// from its triggering event (raisedAt: the Teams event's instant, or the chair's stage change) to
// the first delivery that reached the chair — the 2-second promise, measured in production.
import type { MeetingAlert } from '../../../domain/meeting/live-meeting';
import { type AlertChannel, type AlertTrigger, type Telemetry, telemetryOf } from '../../ports/telemetry.port';

export function countRaised(deps: { telemetry?: Telemetry }, raised: readonly Pick<MeetingAlert, 'kind'>[], trigger: AlertTrigger): void {
  const telemetry = telemetryOf(deps);
  for (const a of raised) telemetry.alertRaised({ kind: a.kind, trigger });
}

/** After the first delivery of `a` was recorded at `nowMs`. */
export function recordFirstDelivery(deps: { telemetry?: Telemetry }, a: Pick<MeetingAlert, 'kind' | 'raisedAt'>, reached: { card: boolean; inMeeting: boolean }, nowMs: number): void {
  const channel: AlertChannel = reached.card && reached.inMeeting ? 'both' : reached.card ? 'card' : 'in-meeting';
  telemetryOf(deps).alertDelivered({ kind: a.kind, channel, latencyMs: nowMs - Date.parse(a.raisedAt) });
}
