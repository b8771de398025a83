// The Telemetry port on the OpenTelemetry API: counters and a histogram on one Meter, spans on one
// Tracer. The providers are given (the Azure Monitor distro's global ones in production, the SDK's
// in-memory ones in tests). Every attribute goes through the allow-list (telemetry-attributes.ts);
// a dropped one is counted, never sent. An exception in a span marks it as an error with the
// error's class name only: messages can carry case data.
import { type Attributes, type MeterProvider, SpanStatusCode, type TracerProvider } from '@opentelemetry/api';
import type { SpanAttributes, SpanHandle, Telemetry } from '../../app/ports/telemetry.port';
import { safeAttributes } from './telemetry-attributes';

export const INSTRUMENTATION_SCOPE = 'cpc-bot';

/** The instruments' names, units and descriptions (docs/telemetry.md has the same table). */
export const METRICS = {
  deadlinesMissed: { name: 'cpc.deadlines.missed', unit: '{deadline}', description: 'Deadlines whose task was not recorded done when they closed' },
  alertsRaised: { name: 'cpc.meeting.alerts.raised', unit: '{alert}', description: 'Meeting alerts raised to the chair' },
  alertLatency: { name: 'cpc.meeting.alert.latency', unit: 'ms', description: 'From the triggering event to the first delivery that reached the chair' },
  graphRetries: { name: 'cpc.graph.retries', unit: '{retry}', description: 'Graph requests (or $batch items) sent again' },
  graphThrottled: { name: 'cpc.graph.throttled', unit: '{response}', description: 'Graph answers 429 Too Many Requests' },
  remindersFired: { name: 'cpc.reminders.fired', unit: '{reminder}', description: 'Reminder cards posted and recorded' },
  attributesDropped: { name: 'cpc.telemetry.attributes_dropped', unit: '{attribute}', description: 'Attributes refused by the allow-list (a bug to fix; never sent)' },
} as const;

/** Histogram buckets (ms) around the 2-second promise to the chair. */
const LATENCY_BUCKETS_MS = [50, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000];

export function createOtelTelemetry(meterProvider: MeterProvider, tracerProvider: TracerProvider): Telemetry {
  const meter = meterProvider.getMeter(INSTRUMENTATION_SCOPE);
  const tracer = tracerProvider.getTracer(INSTRUMENTATION_SCOPE);
  const counter = (m: { name: string; unit: string; description: string }) => meter.createCounter(m.name, { unit: m.unit, description: m.description });
  const deadlinesMissed = counter(METRICS.deadlinesMissed);
  const alertsRaised = counter(METRICS.alertsRaised);
  const graphRetries = counter(METRICS.graphRetries);
  const graphThrottled = counter(METRICS.graphThrottled);
  const remindersFired = counter(METRICS.remindersFired);
  const dropped = counter(METRICS.attributesDropped);
  const alertLatency = meter.createHistogram(METRICS.alertLatency.name, {
    unit: METRICS.alertLatency.unit,
    description: METRICS.alertLatency.description,
    advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
  });
  const attrs = (input: object): Attributes => safeAttributes(input, () => dropped.add(1));

  return {
    deadlineMissed: (e) => deadlinesMissed.add(1, attrs({ 'cpc.rule': e.rule, 'cpc.conference.kind': e.conferenceKind, 'cpc.profile': e.profileId })),
    alertRaised: (e) => alertsRaised.add(1, attrs({ 'cpc.alert.kind': e.kind, 'cpc.alert.trigger': e.trigger })),
    alertDelivered: (e) => alertLatency.record(Math.max(0, e.latencyMs), attrs({ 'cpc.alert.kind': e.kind, 'cpc.alert.channel': e.channel })),
    graphRetry: (e) => graphRetries.add(1, attrs({ 'cpc.graph.retry_reason': e.reason, 'http.response.status_code': e.status, 'cpc.graph.scope': e.scope })),
    graphThrottled: (e) => graphThrottled.add(1, attrs({ 'cpc.graph.scope': e.scope })),
    reminderFired: (e) => remindersFired.add(1, attrs({ 'cpc.reminder': e.reminder, 'cpc.profile': e.profileId })),
    span: (name, attributes, fn) =>
      tracer.startActiveSpan(name, { attributes: attrs(attributes) }, async (span) => {
        const handle: SpanHandle = { set: (more: SpanAttributes) => span.setAttributes(attrs(more)) };
        try {
          return await fn(handle);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.name : 'error' });
          throw err;
        } finally {
          span.end();
        }
      }),
  };
}
