// The allow-list every metric and span attribute passes (docs/telemetry.md "What is never sent").
// A key not listed is dropped, and so is a value outside its key's closed set: the port's types
// already keep names, addresses, case references and people's ids out, and this is the check that
// holds when a value arrives from elsewhere (a stored row, a payload, a cast).
import type { Attributes } from '@opentelemetry/api';
import { CONFERENCE_KINDS } from '../../domain/conference/conference-kind';
import { ALERT_KINDS } from '../../domain/meeting/live-meeting';
import { PROFILE_IDS } from '../../domain/policy/policy-profile';
import { REMINDER_IDS } from '../../domain/reminders/reminder-plan';
import { JOB_KINDS } from '../../app/jobs/job-kinds';
import { ALERT_CHANNELS, ALERT_TRIGGERS, GRAPH_RETRY_REASONS, GRAPH_SCOPES, SPAN_OUTCOMES } from '../../app/ports/telemetry.port';

type Allowed = { kind: 'one-of'; values: ReadonlySet<string> } | { kind: 'int'; min: number; max: number } | { kind: 'pattern'; re: RegExp };

const oneOf = (values: readonly string[]): Allowed => ({ kind: 'one-of', values: new Set(values) });

/** Every attribute key the product may send, and what its value may be. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, Allowed>> = {
  'cpc.rule': { kind: 'pattern', re: /^T\d{1,2}b?$/ },
  'cpc.conference.kind': oneOf(CONFERENCE_KINDS),
  'cpc.profile': oneOf(PROFILE_IDS),
  'cpc.alert.kind': oneOf(ALERT_KINDS),
  'cpc.alert.trigger': oneOf(ALERT_TRIGGERS),
  'cpc.alert.channel': oneOf(ALERT_CHANNELS),
  'cpc.graph.retry_reason': oneOf(GRAPH_RETRY_REASONS),
  'cpc.graph.scope': oneOf(GRAPH_SCOPES),
  'http.response.status_code': { kind: 'int', min: 0, max: 599 },
  'cpc.reminder': oneOf(REMINDER_IDS),
  'cpc.meeting.event_type': oneOf(['meeting-start', 'meeting-end', 'participant-join', 'participant-leave', 'recording']),
  'cpc.job.kind': oneOf(Object.keys(JOB_KINDS)),
  'cpc.outcome': oneOf(SPAN_OUTCOMES),
  'cpc.alerts.raised': { kind: 'int', min: 0, max: 1000 },
};

function allowed(rule: Allowed, value: unknown): boolean {
  switch (rule.kind) {
    case 'one-of':
      return typeof value === 'string' && rule.values.has(value);
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max;
    case 'pattern':
      return typeof value === 'string' && rule.re.test(value);
  }
}

/** The attributes that pass the allow-list; `onDropped` hears the key of each one that did not (never its value). */
export function safeAttributes(input: object, onDropped?: (key: string) => void): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const rule = Object.hasOwn(ALLOWED_ATTRIBUTES, key) ? ALLOWED_ATTRIBUTES[key] : undefined;
    if (rule && allowed(rule, value)) out[key] = value as string | number;
    else onDropped?.(key);
  }
  return out;
}
