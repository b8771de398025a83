// Operational telemetry (docs/telemetry.md): a few named, typed instruments and spans for the
// key use cases. Every attribute is a value of a closed set — a kind, a rule, a status, the
// profile — never a name, an e-mail address, a case reference, a person's id or free text: the
// types here say so and the OpenTelemetry adapter checks it again at run time
// (bot/adapters/telemetry/telemetry-attributes.ts). Off (no connection string): NO_TELEMETRY.
import type { ConferenceKind } from '../../domain/conference/conference-kind';
import type { AlertKind } from '../../domain/meeting/live-meeting';
import type { ProfileId, RuleId } from '../../domain/policy/policy-profile';
import type { ReminderId } from '../../domain/reminders/reminder-plan';

/** What raised a meeting alert. */
export const ALERT_TRIGGERS = ['meeting-event', 'stage-change', 'match', 'removal'] as const;
export type AlertTrigger = (typeof ALERT_TRIGGERS)[number];

/** Which channel first reached the chair with an alert. */
export const ALERT_CHANNELS = ['card', 'in-meeting', 'both'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** Why a Graph request was sent again: 429, 503/504, or a timeout or dropped connection. */
export const GRAPH_RETRY_REASONS = ['throttled', 'server', 'network'] as const;
export type GraphRetryReason = (typeof GRAPH_RETRY_REASONS)[number];

/** A whole request, or one request inside a JSON $batch (item-level status). */
export const GRAPH_SCOPES = ['request', 'batch-item'] as const;
export type GraphScope = (typeof GRAPH_SCOPES)[number];

export const SPAN_NAMES = ['cpc.meeting.event', 'cpc.job'] as const;
export type SpanName = (typeof SPAN_NAMES)[number];

export const SPAN_OUTCOMES = ['applied', 'unchanged', 'refused', 'done', 'retry', 'failed', 'lease-lost', 'error'] as const;
export type SpanOutcome = (typeof SPAN_OUTCOMES)[number];

/** The attributes a span may carry (the adapter's allow-list has exactly these keys). */
export interface SpanAttributes {
  'cpc.meeting.event_type'?: 'meeting-start' | 'meeting-end' | 'participant-join' | 'participant-leave' | 'recording';
  'cpc.job.kind'?: string;
  'cpc.outcome'?: SpanOutcome;
  'cpc.alerts.raised'?: number;
}

export interface SpanHandle {
  set(attributes: SpanAttributes): void;
}

export interface Telemetry {
  /** A deadline's task not recorded done when the deadline closed (docs/telemetry.md: where it is detected). */
  deadlineMissed(e: { rule: RuleId; conferenceKind: ConferenceKind; profileId: ProfileId }): void;
  /** An alert raised to the chair (committed). */
  alertRaised(e: { kind: AlertKind; trigger: AlertTrigger }): void;
  /** An alert's first delivery reached the chair, `latencyMs` after its triggering event. */
  alertDelivered(e: { kind: AlertKind; channel: AlertChannel; latencyMs: number }): void;
  /** A Graph request (or $batch item) sent again; `status` 0 for a network failure. */
  graphRetry(e: { reason: GraphRetryReason; status: number; scope: GraphScope }): void;
  /** Graph answered 429 (whether or not it is retried). */
  graphThrottled(e: { scope: GraphScope }): void;
  /** A reminder card posted and recorded. */
  reminderFired(e: { reminder: ReminderId; profileId: ProfileId }): void;
  /** Runs `fn` in a span; an exception marks the span as an error (its message is not recorded) and is rethrown. */
  span<T>(name: SpanName, attributes: SpanAttributes, fn: (span: SpanHandle) => Promise<T>): Promise<T>;
}

const noSpan: SpanHandle = { set: () => undefined };

/** Telemetry off: every instrument is a no-op. */
export const NO_TELEMETRY: Telemetry = {
  deadlineMissed: () => undefined,
  alertRaised: () => undefined,
  alertDelivered: () => undefined,
  graphRetry: () => undefined,
  graphThrottled: () => undefined,
  reminderFired: () => undefined,
  span: (_name, _attributes, fn) => fn(noSpan),
};

/** The deps' telemetry, or none: ports that predate it (and tests that build less) leave it out. */
export const telemetryOf = (deps: { telemetry?: Telemetry | undefined }): Telemetry => deps.telemetry ?? NO_TELEMETRY;
