// Fault injection by configuration: 429 + Retry-After, 503, slow responses and connection resets,
// at a seeded rate (runs repeat) or on given calls (method + path regex + nth occurrences).
import { z } from 'zod';

export const FaultRuleSchema = z.strictObject({
  kind: z.enum(['throttle', 'unavailable', 'slow', 'reset']),
  /** HTTP method to match (any when absent). */
  method: z.string().optional(),
  /** Regex (source) tested against the path including /v1.0, without the query. Absent: every Graph call (not the token endpoint). */
  path: z.string().optional(),
  /** Probability 0..1 per matching request, from a PRNG seeded by faults.seed. */
  rate: z.number().min(0).max(1).optional(),
  /** 1-based occurrences among the matching requests. */
  nth: z.array(z.number().int().positive()).optional(),
  /** Retry-After seconds for throttle (default 1) and unavailable (header omitted when absent). */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** Delay for kind 'slow' (default 1000). */
  latencyMs: z.number().int().nonnegative().optional(),
  /** 'after': the effect happens, then the response is replaced/lost (a timeout after commit). */
  when: z.enum(['before', 'after']).default('before'),
  /** 'batchItem': applies to requests inside a $batch (item-level status in the 200 response). */
  scope: z.enum(['request', 'batchItem']).default('request'),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

export const FaultsSchema = z.strictObject({
  seed: z.number().int().default(42),
  /**
   * Added to every Graph request (not the token endpoint) and to every request inside a $batch
   * (Graph runs each item: a parallel batch costs one latency, a dependsOn chain one per item):
   * the benchmark's 100 ms.
   */
  latencyMs: z.number().int().nonnegative().default(0),
  rules: z.array(FaultRuleSchema).default([]),
  /**
   * Outlook's limit of concurrent requests per app per mailbox (Graph: 4), applied to a parallel
   * $batch (no dependsOn): items beyond it for one mailbox get an item-level 429. Off when absent.
   */
  mailboxConcurrency: z.number().int().positive().optional(),
  /** Retry-After seconds on those 429s (default 1). */
  mailboxRetryAfterSeconds: z.number().int().nonnegative().default(1),
});
export type FaultsConfig = z.input<typeof FaultsSchema>;

export interface FaultDecision {
  /** Extra delay before (or, with when 'after', after) the effect. */
  latencyMs: number;
  latencyWhen: 'before' | 'after';
  failure?: { kind: 'throttle' | 'unavailable' | 'reset'; when: 'before' | 'after'; retryAfterSeconds?: number };
}

/** mulberry32: tiny seeded PRNG, enough for repeatable fault patterns. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly config: z.output<typeof FaultsSchema>;
  private readonly rules: { rule: FaultRule; re?: RegExp; random: () => number; seen: number; fired: number }[];

  constructor(config: FaultsConfig | undefined) {
    this.config = FaultsSchema.parse(config ?? {});
    this.rules = this.config.rules.map((rule, i) => ({
      rule,
      re: rule.path === undefined ? undefined : new RegExp(rule.path),
      random: prng(this.config.seed + i * 7919),
      seen: 0,
      fired: 0,
    }));
  }

  static fromEnv(text: string | undefined): FaultsConfig | undefined {
    if (!text) return undefined;
    try {
      return FaultsSchema.parse(JSON.parse(text));
    } catch (e) {
      throw new Error(`GRAPH_SANDBOX.FAULTS_INVALID: GRAPH_SANDBOX_FAULTS is not valid: ${(e as Error).message}`);
    }
  }

  /** Decides, for one request (or batch item), which faults apply. Counts every match. */
  decide(method: string, path: string, scope: 'request' | 'batchItem', graphCall: boolean): FaultDecision {
    const decision: FaultDecision = { latencyMs: graphCall ? this.config.latencyMs : 0, latencyWhen: 'before' };
    for (const r of this.rules) {
      if (r.rule.scope !== scope) continue;
      // Without a path a rule targets Graph calls only; the token endpoint needs an explicit path.
      if (!r.re && !graphCall) continue;
      if (r.rule.method && r.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.re && !r.re.test(path)) continue;
      r.seen += 1;
      let fire = true;
      if (r.rule.nth) fire = r.rule.nth.includes(r.seen);
      if (r.rule.rate !== undefined) fire = fire && r.random() < r.rule.rate;
      if (!fire) continue;
      r.fired += 1;
      if (r.rule.kind === 'slow') {
        decision.latencyMs += r.rule.latencyMs ?? 1000;
        if (r.rule.when === 'after') decision.latencyWhen = 'after';
      } else if (!decision.failure) {
        decision.failure = {
          kind: r.rule.kind,
          when: r.rule.when,
          retryAfterSeconds: r.rule.kind === 'throttle' ? (r.rule.retryAfterSeconds ?? 1) : r.rule.retryAfterSeconds,
        };
      }
    }
    return decision;
  }

  /** The per-mailbox concurrency limit for parallel batches, if configured. */
  mailboxLimit(): { concurrency: number; retryAfterSeconds: number } | undefined {
    const c = this.config.mailboxConcurrency;
    return c === undefined ? undefined : { concurrency: c, retryAfterSeconds: this.config.mailboxRetryAfterSeconds };
  }

  /** How often each rule matched and fired, in configuration order (for tests and the page). */
  stats(): { kind: string; seen: number; fired: number }[] {
    return this.rules.map((r) => ({ kind: r.rule.kind, seen: r.seen, fired: r.fired }));
  }
}
