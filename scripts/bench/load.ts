// One load phase: autocannon (programmatic API) POSTing Bot Framework activities to a bot's
// /api/messages. Every request gets a fresh activity id (and, for card actions, a fresh actionId)
// in setupRequest, because the product answers a redelivery from its idempotency record instead of
// running the turn again: reusing ids would measure the cache, not the bot.
import { randomUUID } from 'node:crypto';

export type LoadKind = 'message' | 'invoke';

export interface LoadOptions {
  botUrl: string;
  /** Where the bot must send its replies (the connector stub). */
  serviceUrl: string;
  kind: LoadKind;
  connections: number;
  durationS: number;
  /** Message text; the product answers "help" with its help card. */
  text: string;
  /** Sent with every request (the production configuration's `authorization: Bearer …`). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  kind: LoadKind;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

// Minimal typing of the autocannon 9 API we use (the package ships no types).
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: { method: string; path: string; headers: Record<string, string>; setupRequest(req: AutocannonRequest): AutocannonRequest }[];
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon: Autocannon = require('autocannon');

/** The tenant every bench activity comes from (the production configuration allows only it). */
export const BENCH_TENANT_ID = '5f0c5bde-0000-4000-8000-00000000be0c';
const TENANT_ID = BENCH_TENANT_ID;

/** A Teams activity as the connector delivers it (personal chat; one conversation per connection). */
export function benchActivity(kind: LoadKind, serviceUrl: string, text: string, conversation: number): Record<string, unknown> {
  const common = {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:bench-user-${conversation}`, aadObjectId: '00000000-0000-4000-8000-0000000b0001' },
    recipient: { id: '28:bench-bot' },
    conversation: { id: `a:bench-conversation-${conversation}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
  };
  if (kind === 'message') return { ...common, type: 'message', text, textFormat: 'plain' };
  return {
    ...common,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'help.show', data: { actionId: randomUUID() } }, trigger: 'manual' },
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let sent = 0;
  const result = await autocannon({
    url: options.botUrl,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest(req) {
          sent += 1;
          req.body = JSON.stringify(benchActivity(options.kind, options.serviceUrl, options.text, sent % options.connections));
          return req;
        },
      },
    ],
  });
  return {
    kind: options.kind,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
