// bench:alerts' figures: which alert each card the recording connector received is (the alert id
// in its Acknowledge action's data), the first arrival per alert, and the latency from the event
// that raised it (its activity timestamp, set when it was posted) to that arrival.
import type { ReceivedSend } from './recording-connector';

/** The alert ids a sent activity carries (anywhere in its card data). */
export function alertIdsIn(body: unknown): string[] {
  const ids: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if (k === 'alertId' && typeof v === 'string' && v !== '') ids.push(v);
        else walk(v);
      }
    }
  };
  walk(body);
  return [...new Set(ids)];
}

/** First arrival (epoch ms) of a card in a 1:1 chat, per alert id. */
export function firstCardArrivals(sends: ReceivedSend[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const s of sends) {
    if (s.kind !== 'activity') continue;
    for (const id of alertIdsIn(s.body)) if (!first.has(id) || first.get(id)! > s.at) first.set(id, s.at);
  }
  return first;
}

/** The p-th percentile (0–100) by nearest rank; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface RaisedAlert {
  id: string;
  kind: string;
  participantId?: string;
  raisedAt: string;
}

export interface AlertFigures {
  expected: number;
  delivered: number;
  missed: number;
  latenciesMs: number[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * `expected`: how many alerting joins were posted; `raised`: the alerts the product holds (every
 * conference's live meeting). An alert counts when its card arrived; a missed alert is an
 * expected one without a delivered card.
 */
export function alertFigures(expected: number, raised: RaisedAlert[], sends: ReceivedSend[]): AlertFigures {
  const arrivals = firstCardArrivals(sends);
  const latenciesMs: number[] = [];
  for (const a of raised) {
    const arrived = arrivals.get(a.id);
    if (arrived !== undefined) latenciesMs.push(arrived - Date.parse(a.raisedAt));
  }
  const delivered = latenciesMs.length;
  return {
    expected,
    delivered,
    missed: Math.max(0, expected - delivered),
    latenciesMs,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    maxMs: latenciesMs.length ? Math.max(...latenciesMs) : Number.NaN,
  };
}
