// One HTTP request through the sandbox: read the body, log it, apply faults (before or after the
// effect), route to the identity endpoints, Graph v1.0 or the developer page, answer like Graph.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDecision, FaultInjector } from './fault-injector';
import { type GraphReply, type GraphRequest, JSON_CONTENT_TYPE, type SandboxEnv } from './graph-context';
import { GraphError, graphErrorBody } from './graph-errors';
import { renderHtml, snapshot } from './mailbox-report';
import type { RequestLog } from './request-log';
import { ConnectionResetSignal } from './routes/batch.route';
import { isContentUpload, SIMPLE_UPLOAD_MAX_BYTES, UPLOAD_FRAGMENT_MAX_BYTES, UPLOAD_URL_PREFIX } from './routes/drive.route';
import { MAX_REQUEST_BYTES } from './routes/send-mail.route';
import { handleUploadUrl } from './routes/upload-session.route';
import type { TokenService } from './token-service';

export interface HandlerDeps {
  env: SandboxEnv;
  tokens: TokenService;
  faults: () => FaultInjector;
  log: RequestLog;
  origin: () => string;
  dispatch: (req: GraphRequest) => Promise<GraphReply>;
  /** Requests in progress per mailbox, for the optional mailboxConcurrency limit. */
  inFlight: Map<string, number>;
  /** True once stop() has begun: a request cut off by the stop is not an internal error worth a line. */
  stopping?: () => boolean;
}

class PayloadTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new PayloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new PayloadTooLarge());
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A fault's delay: unref'd, so that a request held for minutes (a test's crash point) never keeps
 *  the process alive after the sandbox and its server have stopped. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((e: unknown) => {
      if (e instanceof ConnectionResetSignal) {
        req.socket.destroy();
        return;
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': JSON_CONTENT_TYPE });
        res.end(JSON.stringify(graphErrorBody('generalException', 'An internal sandbox error occurred.', randomUUID(), randomUUID(), new Date())));
      }
      if (!deps.stopping?.()) console.error('graph sandbox: internal error', (e as Error).message);
    });
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { env } = deps;
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const headers = lowerHeaders(req);
  const requestId = randomUUID();
  const clientRequestId = headers['client-request-id'] ?? requestId;
  const method = (req.method ?? 'GET').toUpperCase();
  const baseHeaders: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': clientRequestId,
    'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Sandbox', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'SANDBOX' } }),
  };
  const send = (reply: GraphReply) => {
    const body = reply.body === undefined ? undefined : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...baseHeaders, ...(reply.headers ?? {}) });
    res.end(body);
  };
  const graphError = (e: GraphError): GraphReply => ({
    status: e.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...e.headers },
    body: graphErrorBody(e.code, e.message, requestId, clientRequestId, env.now()),
  });

  const path = url.pathname;
  // Drive content is binary and larger: a simple upload up to 250 MB, an upload fragment under 60 MiB.
  const isUploadUrl = path.startsWith(UPLOAD_URL_PREFIX);
  const binary = isUploadUrl || isContentUpload(method, path);
  const bodyLimit = isUploadUrl ? UPLOAD_FRAGMENT_MAX_BYTES : binary ? SIMPLE_UPLOAD_MAX_BYTES : MAX_REQUEST_BYTES;
  let raw: Buffer;
  try {
    raw = await readBody(req, bodyLimit);
  } catch (e) {
    if (!(e instanceof PayloadTooLarge)) throw e;
    const message = binary
      ? isUploadUrl
        ? 'The fragment exceeds 60 MiB: send smaller ranges.'
        : 'The file exceeds the 250 MB limit of a simple upload: use an upload session (createUploadSession).'
      : 'The request body exceeds the maximum size of 4 MB.';
    send({ ...graphError(new GraphError(413, 'RequestEntityTooLarge', message)), headers: { 'Content-Type': JSON_CONTENT_TYPE, Connection: 'close' } });
    res.once('finish', () => req.socket.destroy());
    return;
  }

  // Developer page and seeding: no auth, no faults, not logged.
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return send(await developerRoute(deps, method, path, raw));

  const isGraph = path === '/v1.0' || path.startsWith('/v1.0/');
  const decision: FaultDecision = deps.faults().decide(method, path, 'request', isGraph);
  const entry = { time: env.now().toISOString(), requestId, method, path, query: Object.fromEntries(url.searchParams), headers };
  const failure = decision.failure;
  const logWith = (body: unknown, status: number | undefined, fault?: string) => deps.log.write({ ...entry, body, status, ...(fault ? { fault } : {}) });
  const contentType = headers['content-type'] ?? '';
  const parsedForLog = (): unknown => {
    if (binary) return { contentBytes: raw.length };
    const text = raw.toString('utf8');
    if (!text) return undefined;
    if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    try {
      return JSON.parse(text);
    } catch {
      return text.slice(0, 2000);
    }
  };

  // Outlook's concurrent-requests-per-mailbox limit (opt-in): counted over the whole request, latency included.
  const mailbox = isGraph ? /^\/v1\.0\/users\/([^/]+)\//i.exec(path)?.[1] : undefined;
  const limit = deps.faults().mailboxLimit();
  if (mailbox && limit) {
    const key = decodeURIComponent(mailbox).toLowerCase();
    const n = (deps.inFlight.get(key) ?? 0) + 1;
    if (n > limit.concurrency) {
      logWith(parsedForLog(), 429, 'mailboxConcurrency');
      return send(graphError(new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': String(limit.retryAfterSeconds) })));
    }
    deps.inFlight.set(key, n);
    res.once('close', () => deps.inFlight.set(key, (deps.inFlight.get(key) ?? 1) - 1));
  }

  if (decision.latencyWhen === 'before' && decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (failure && failure.when === 'before') {
    logWith(parsedForLog(), failure.kind === 'reset' ? undefined : faultStatus(failure.kind), failure.kind);
    return applyFailure(failure, req, send, graphError);
  }

  let reply: GraphReply;
  try {
    reply = isGraph
      ? await graphRoute(deps, method, url, headers, raw, binary)
      : isUploadUrl
        ? await handleUploadUrl(env, method, decodeURIComponent(path.slice(UPLOAD_URL_PREFIX.length)), headers, raw)
        : await identityRoute(deps, method, path, headers, raw);
  } catch (e) {
    if (e instanceof ConnectionResetSignal) {
      logWith(parsedForLog(), undefined, 'reset');
      throw e;
    }
    if (!(e instanceof GraphError)) throw e;
    reply = graphError(e);
  }
  if (decision.latencyWhen === 'after' && decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (failure) {
    // 'after': the effect is committed, the client never sees the real answer.
    logWith(parsedForLog(), failure.kind === 'reset' ? undefined : faultStatus(failure.kind), `${failure.kind}-after`);
    return applyFailure(failure, req, send, graphError);
  }
  logWith(parsedForLog(), reply.status);
  send(reply);
}

const faultStatus = (kind: 'throttle' | 'unavailable') => (kind === 'throttle' ? 429 : 503);

function applyFailure(
  failure: NonNullable<FaultDecision['failure']>,
  req: IncomingMessage,
  send: (r: GraphReply) => void,
  graphError: (e: GraphError) => GraphReply,
): void {
  if (failure.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) };
  send(
    graphError(
      failure.kind === 'throttle'
        ? new GraphError(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.', headers)
        : new GraphError(503, 'ServiceUnavailable', 'Service Unavailable', headers),
    ),
  );
}

async function graphRoute(deps: HandlerDeps, method: string, url: URL, headers: Record<string, string>, raw: Buffer, binary: boolean): Promise<GraphReply> {
  const segments = url.pathname.split('/').slice(2).filter(Boolean).map(decodeURIComponent);
  const claims = deps.tokens.verify(headers.authorization);
  let body: unknown;
  const text = binary ? '' : raw.toString('utf8');
  if (text.trim() !== '') {
    if (!/json/i.test(headers['content-type'] ?? '')) {
      throw new GraphError(415, 'BadRequest', 'Unsupported media type: the request body must be application/json.');
    }
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
    }
  }
  return deps.dispatch({ method, segments, query: url.searchParams, headers, body, claims, inBatch: false, raw });
}

async function identityRoute(deps: HandlerDeps, method: string, path: string, headers: Record<string, string>, raw: Buffer): Promise<GraphReply> {
  const origin = deps.origin();
  const json = (status: number, body: unknown): GraphReply => ({ status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache' }, body });
  const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
  if (token) {
    if (method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'AADSTS900561: The endpoint only accepts POST requests.' });
    if (!(headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return json(400, { error: 'invalid_request', error_description: "AADSTS900144: The request body must contain the following parameter: 'grant_type'." });
    }
    const result = deps.tokens.issue(decodeURIComponent(token[1]!), new URLSearchParams(raw.toString('utf8')), `${origin}${path}`);
    return json(result.status, result.body);
  }
  if (method === 'GET' && /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) {
    const tenant = path.split('/')[1]!;
    if (tenant.toLowerCase() !== deps.tokens.tenantId.toLowerCase()) return json(400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
    return json(200, deps.tokens.openidConfiguration(origin));
  }
  if (method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return json(200, deps.tokens.jwks());
  if (method === 'GET' && path === '/common/discovery/instance') return json(200, deps.tokens.cloudDiscovery(origin));
  throw new GraphError(404, 'NotFound', `The sandbox has no endpoint ${method} ${path}. Graph calls start with /v1.0/.`);
}

async function developerRoute(deps: HandlerDeps, method: string, path: string, raw: Buffer): Promise<GraphReply> {
  const { store } = deps.env;
  if (method === 'GET' && (path === '/_sandbox' || path === '/_sandbox/')) {
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: renderHtml(await snapshot(store)) };
  }
  if (method === 'GET' && path === '/_sandbox/state.json') {
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: await snapshot(store) };
  }
  // Seed someone in a call (by call id) or in a meeting (by its chat thread id: in every call that joins it).
  const seed = /^\/_sandbox\/(calls|meetings)\/([^/]+)\/participants$/.exec(path);
  if (method === 'POST' && seed) {
    let parsed: { id?: unknown; aadObjectId?: unknown; isInLobby?: unknown } = {};
    try {
      parsed = JSON.parse(raw.toString('utf8')) as typeof parsed;
    } catch {
      parsed = {};
    }
    const { id, aadObjectId, isInLobby } = parsed ?? {};
    if (typeof id !== 'string' || id === '' || (aadObjectId !== undefined && typeof aadObjectId !== 'string') || (isInLobby !== undefined && typeof isInLobby !== 'boolean')) {
      return { status: 400, headers: { 'Content-Type': 'application/json' }, body: { error: 'body must be {"id":"<participantId>","aadObjectId"?:"<Entra id>","isInLobby"?:false}' } };
    }
    const who = { ...(aadObjectId ? { aadObjectId: aadObjectId as string } : {}), isInLobby: isInLobby === true };
    const key = decodeURIComponent(seed[2]!);
    const now = deps.env.now().toISOString();
    if (seed[1] === 'calls') await store.addCallParticipant(key, id, now, who);
    else await store.addMeetingParticipant(key, { participantId: id, ...who }, now);
    return { status: 201, headers: {} };
  }
  return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not found' };
}
