// POST /$batch: at most 20 requests, ids, dependsOn, per-item status/headers/body, and
// item-level faults (a 429 inside the batch's 200 response, which the SDK does not retry).
import { randomUUID } from 'node:crypto';
import type { FaultInjector } from '../fault-injector';
import { type GraphReply, type GraphRequest, JSON_CONTENT_TYPE } from '../graph-context';
import { badRequest, GraphError, graphErrorBody, methodNotAllowed } from '../graph-errors';

export const BATCH_LIMIT = 20;
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/** Thrown when a batch item's fault is a connection reset: the whole response is lost. */
export class ConnectionResetSignal extends Error {}

type Dispatch = (req: GraphRequest) => Promise<GraphReply>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export async function handleBatch(req: GraphRequest, dispatch: Dispatch, faults: FaultInjector, now: () => Date): Promise<GraphReply> {
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  if (req.inBatch) throw badRequest('A batch request cannot contain another $batch request.');
  const items = parseBatch(req.body);
  const results = new Map<string, GraphReply>();
  const clientRequestId = req.headers['client-request-id'] ?? randomUUID();
  const errorReply = (e: GraphError): GraphReply => ({
    status: e.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...e.headers },
    body: graphErrorBody(e.code, e.message, randomUUID(), clientRequestId, now()),
  });

  // Graph runs a parallel batch's items at once: beyond the mailbox limit they are throttled, and
  // their latencies overlap (the batch waits for the slowest); a dependsOn chain waits for each.
  const parallel = !items.some((i) => i.dependsOn.length > 0);
  const limit = parallel ? faults.mailboxLimit() : undefined;
  let parallelLatencyMs = 0;
  const perMailbox = new Map<string, number>();
  for (const item of items) {
    if (limit) {
      const mailbox = /^\/?(?:v1\.0\/)?users\/([^/?]+)/i.exec(item.url)?.[1]?.toLowerCase();
      const n = mailbox === undefined ? 0 : (perMailbox.get(mailbox) ?? 0) + 1;
      if (mailbox !== undefined) perMailbox.set(mailbox, n);
      if (n > limit.concurrency) {
        results.set(item.id.toLowerCase(), faultReply('throttle', limit.retryAfterSeconds, errorReply));
        continue;
      }
    }
    const failedDependency = item.dependsOn.find((d) => (results.get(d.toLowerCase())?.status ?? 0) >= 400);
    if (failedDependency !== undefined) {
      results.set(item.id.toLowerCase(), errorReply(new GraphError(424, 'FailedDependency', `Failed dependency: request '${failedDependency}' did not succeed.`)));
      continue;
    }
    // The Graph SDK's BatchRequestContent strips only the host, sending '/v1.0/users/…': accept that prefix.
    const url = new URL(`http://sandbox/v1.0/${item.url.replace(/^\/+/, '').replace(/^v1\.0\//i, '')}`);
    const decision = faults.decide(item.method, url.pathname, 'batchItem', true);
    if (parallel) parallelLatencyMs = Math.max(parallelLatencyMs, decision.latencyMs);
    else if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const failure = decision.failure;
    if (failure?.kind === 'reset' && failure.when === 'before') throw new ConnectionResetSignal();
    if (failure && failure.kind !== 'reset' && failure.when === 'before') {
      results.set(item.id.toLowerCase(), faultReply(failure.kind, failure.retryAfterSeconds, errorReply));
      continue;
    }
    let reply: GraphReply;
    try {
      reply = await dispatch({
        method: item.method,
        segments: url.pathname.split('/').slice(2).filter(Boolean).map(decodeURIComponent),
        query: url.searchParams,
        headers: { ...item.headers, 'client-request-id': clientRequestId },
        body: item.body,
        claims: req.claims,
        inBatch: true,
      });
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      reply = errorReply(e);
    }
    if (failure?.kind === 'reset') throw new ConnectionResetSignal(); // 'after': the effect happened
    results.set(item.id.toLowerCase(), failure ? faultReply(failure.kind, failure.retryAfterSeconds, errorReply) : reply);
  }
  if (parallelLatencyMs > 0) await sleep(parallelLatencyMs);
  return {
    status: 200,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: {
      responses: items.map((item) => {
        const r = results.get(item.id.toLowerCase())!;
        const headers: Record<string, string> = { 'Cache-Control': 'private', ...(r.headers ?? {}) };
        return r.body === undefined ? { id: item.id, status: r.status, headers } : { id: item.id, status: r.status, headers, body: r.body };
      }),
    },
  };
}

function faultReply(kind: 'throttle' | 'unavailable', retryAfter: number | undefined, errorReply: (e: GraphError) => GraphReply): GraphReply {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  return kind === 'throttle'
    ? errorReply(new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', headers))
    : errorReply(new GraphError(503, 'ServiceUnavailable', 'Service Unavailable', headers));
}

function parseBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(requests)) {
    throw badRequest('Invalid batch payload format.');
  }
  for (const key of Object.keys(body)) if (key !== 'requests') throw badRequest(`Invalid batch payload format: unknown property '${key}'.`);
  if (requests.length === 0) throw badRequest('Invalid batch payload format: requests is empty.');
  if (requests.length > BATCH_LIMIT) throw badRequest(`The number of batch requests (${requests.length}) exceeds the limit of ${BATCH_LIMIT}.`);
  const seen = new Set<string>();
  return requests.map((raw): BatchItem => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Invalid batch payload format.');
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!['id', 'method', 'url', 'headers', 'body', 'dependsOn'].includes(key)) throw badRequest(`Invalid batch payload format: unknown property '${key}'.`);
    }
    if (typeof r.id !== 'string' || r.id === '') throw badRequest('Each batch request needs a non-empty string id.');
    const idKey = r.id.toLowerCase(); // ids are case-insensitive
    if (seen.has(idKey)) throw badRequest(`Batch request id '${r.id}' is not unique.`);
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
    if (!METHODS.includes(method)) throw badRequest(`Batch request '${r.id}' has an invalid method.`);
    if (typeof r.url !== 'string' || r.url === '' || /^[a-z]+:\/\//i.test(r.url)) throw badRequest(`Batch request '${r.id}' needs a relative url.`);
    if (/^\/?\$batch/i.test(r.url)) throw badRequest('A batch request cannot contain another $batch request.');
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers)) throw badRequest(`Batch request '${r.id}' has invalid headers.`);
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    if (r.body !== undefined && !headers['content-type']) {
      throw badRequest(`Write request id : ${r.id} does not contain Content-Type header or body.`);
    }
    let dependsOn: string[] = [];
    if (r.dependsOn !== undefined) {
      if (!Array.isArray(r.dependsOn) || r.dependsOn.some((d) => typeof d !== 'string')) throw badRequest(`Batch request '${r.id}' has an invalid dependsOn.`);
      dependsOn = r.dependsOn as string[];
      for (const d of dependsOn) if (!seen.has(d.toLowerCase())) throw badRequest(`Batch request '${r.id}' depends on '${d}', which is not an earlier request in the batch.`);
    }
    seen.add(idKey);
    return { id: r.id, method, url: r.url, headers, body: r.body, dependsOn };
  });
}
