// The Graph client: Client.initWithMiddleware with a bearer-token step, the SDK's RetryHandler
// (429/503/504 honouring Retry-After) and a last step on our transport. Idempotent requests
// (marked with IdempotentRequest) are also retried after a timeout or a dropped connection.
import { Client, type Context, type Middleware, type MiddlewareOptions, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { NO_TELEMETRY, type Telemetry } from '../../app/ports/telemetry.port';
import type { TokenProvider } from './msal-token-provider';
import { type Transport, TransportError } from './https-transport';

/** Marks a request safe to repeat after a network failure (GET, PATCH, POST with a transactionId). */
export class IdempotentRequest implements MiddlewareOptions {}

/**
 * Tells the caller how a request failed on the network: the Graph client turns our transport's
 * error into a GraphError with status -1 and drops the original, so whether the request may
 * have taken effect (`maybeDelivered`) would otherwise be lost.
 */
export class TransportFailureProbe implements MiddlewareOptions {
  failure?: TransportError;
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  tokens: TokenProvider;
  transport: Transport;
  maxRetries: number;
  /** Back-off (seconds) when a 429/503 has no Retry-After. */
  retryDelaySeconds?: number;
  /** Waits between network retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Counts retries and 429s (docs/telemetry.md); default: off. */
  telemetry?: Telemetry;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function headersOf(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => { out[k] = v; });
  else if (Array.isArray(h)) for (const [k, v] of h as [string, string][]) out[k] = v;
  else for (const [k, v] of Object.entries(h as Record<string, string>)) out[k] = String(v);
  return out;
}

/** Adds the app token — only to requests for the configured Graph origin, never elsewhere. */
class BearerTokenHandler implements Middleware {
  private next!: Middleware;
  constructor(private readonly origin: string, private readonly tokens: TokenProvider) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      const token = await this.tokens.getToken();
      context.options = { ...context.options, headers: { ...headersOf(context.options?.headers), Authorization: `Bearer ${token}` } };
    }
    return this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Why the RetryHandler sends a request again, from the answer it retries (429, 503, 504). */
export const retryReasonOf = (status: number): 'throttled' | 'server' => (status === 429 ? 'throttled' : 'server');

/**
 * Between the RetryHandler and the transport: sees every attempt. The RetryHandler runs the next
 * step again with the same context, the previous answer still on it, so an attempt that finds a
 * response already there is a retry of that answer. Counts 429s whether or not they are retried.
 */
class RetryObserver implements Middleware {
  private next!: Middleware;
  constructor(private readonly telemetry: Telemetry) {}
  async execute(context: Context): Promise<void> {
    const previous = context.response?.status;
    if (previous !== undefined) this.telemetry.graphRetry({ reason: retryReasonOf(previous), status: previous, scope: 'request' });
    await this.next.execute(context);
    if (context.response?.status === 429) this.telemetry.graphThrottled({ scope: 'request' });
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Sends the request on our transport; repeats idempotent ones after a network failure. */
class TransportHandler implements Middleware {
  constructor(private readonly transport: Transport, private readonly maxRetries: number, private readonly sleep: (ms: number) => Promise<void>, private readonly telemetry: Telemetry) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const headers = headersOf(context.options?.headers);
    const rawBody = context.options?.body;
    const body = rawBody === undefined || rawBody === null ? undefined : typeof rawBody === 'string' || Buffer.isBuffer(rawBody) ? rawBody : String(rawBody);
    const idempotent = method === 'GET' || context.middlewareControl?.getMiddlewareOptions(IdempotentRequest) !== undefined;
    const probe = context.middlewareControl?.getMiddlewareOptions(TransportFailureProbe) as TransportFailureProbe | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.transport.send(method, url, headers, body);
        const nullBody = res.status === 204 || res.status === 205 || res.status === 304;
        context.response = new Response(nullBody ? null : res.body, { status: res.status, headers: res.headers });
        return;
      } catch (err) {
        const retryable = err instanceof TransportError && (idempotent || !err.maybeDelivered);
        if (!retryable || attempt >= this.maxRetries) {
          if (probe && err instanceof TransportError) probe.failure = err;
          throw err;
        }
        this.telemetry.graphRetry({ reason: 'network', status: 0, scope: 'request' });
        await this.sleep(200 * 2 ** attempt);
      }
    }
  }
}

export function splitBaseUrl(baseUrl: string): { origin: string; base: string; version: string } {
  const u = new URL(baseUrl);
  const segments = u.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const base = `${u.origin}${segments.length ? `/${segments.join('/')}` : ''}`;
  return { origin: u.origin, base, version };
}

export function createGraphClient(options: GraphClientOptions): Client {
  const { origin, base, version } = splitBaseUrl(options.baseUrl);
  const auth = new BearerTokenHandler(origin, options.tokens);
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries));
  const telemetry = options.telemetry ?? NO_TELEMETRY;
  const observer = new RetryObserver(telemetry);
  const transport = new TransportHandler(options.transport, options.maxRetries, options.sleep ?? defaultSleep, telemetry);
  auth.setNext(retry);
  retry.setNext(observer);
  observer.setNext(transport);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: base, defaultVersion: version });
}
