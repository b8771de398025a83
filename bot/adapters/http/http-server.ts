// The restify server: routes, a request id and one summary log line per request, and graceful
// shutdown (stop accepting, let requests in flight finish, then close).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../logging/logger';
import { errorFields } from '../logging/logger';
import type { BotEndpoint } from './bot-endpoint';
import { dropUnreadBody, readJsonBody } from './read-json-body';
import { httpError } from './http-error-map';
import { type ApiSetup, mountApi, mountApiNotFound } from './api-router';
import { mountConfirmPage } from './confirm-page';
import { mountLinkPageStyle } from './pages/link-page-style';
import { OpenStreams } from './event-stream';
import { mountTabPages } from './tab/tab-pages';
import type { TabSecurityOptions } from './tab/tab-security';

export interface Readiness {
  /** Reasons the service cannot serve yet (empty = ready): database unreachable, migrations pending. */
  check(): Promise<string[]>;
}

export interface HttpServerOptions {
  logger: Logger;
  bot: BotEndpoint;
  readiness: Readiness;
  maxBodyBytes: number;
  /** /api/v1 (api-router.ts); absent (a transport test) = no routes, every /api/v1 path is 404. */
  api?: ApiSetup;
  /** Server-rendered pages under /tab (e.g. pages/report-link.page.ts), mounted before the /tab 404. */
  pages?: ((server: restify.Server) => void)[];
  /** The built tab (dist/tab): its pages and assets under /tab (tab/tab-pages.ts). */
  tab?: TabSecurityOptions & { distDir: string };
}

export interface RunningHttpServer {
  url: string;
  /** Stops accepting, waits for requests in flight (at most `graceMs`), then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

type JsonBody = Record<string, unknown>;

/** The summary line's `route` when no route matched (404, 405): the raw path may carry ids. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route template that matched (e.g. `/api/v1/*`), never the path as sent. */
function routeOf(req: Request): string {
  const path = (req.getRoute() as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : UNMATCHED_ROUTE;
}

function sendJson(res: Response, status: number, body?: unknown): void {
  if (body === undefined) {
    res.status(status);
    res.end();
    return;
  }
  res.send(status, body as JsonBody);
}

export function createHttpServer(options: HttpServerOptions) {
  const { logger } = options;
  const requestLogs = new WeakMap<Request, Logger>();
  const logOf = (req: Request): Logger => requestLogs.get(req) ?? logger;
  const responseLogFields = new WeakMap<Response, Record<string, unknown>>();
  const server = restify.createServer({ name: 'cp-conference-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let closing = false;

  // Request id and the summary line. Only method, route template, status, duration and ids are
  // logged: a path as sent can hold case references and conversation ids.
  server.pre(async (req: Request, res: Response) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    const log = logger.child({ reqId: requestId });
    requestLogs.set(req, log);
    res.setHeader('x-request-id', requestId);
    if (closing) res.setHeader('connection', 'close');
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const extra = responseLogFields.get(res) ?? {};
      log.info({ method: req.method, route: routeOf(req), status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, ...extra }, 'request');
      if (inFlight === 0 && drained) drained();
    };
    res.once('finish', finish);
    res.once('close', finish);
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const log = logOf(req);
    const body = await readJsonBody(req, options.maxBodyBytes);
    if (!body.ok) {
      dropUnreadBody(req, res);
      responseLogFields.set(res, { outcome: body.code });
      const refusal = httpError(body.code, body.message);
      sendJson(res, refusal.status, refusal.body);
      return;
    }
    try {
      const answer = await options.bot.handle({ authorization: String(req.headers.authorization ?? ''), body: body.value, log });
      responseLogFields.set(res, answer.logFields ?? {});
      sendJson(res, answer.status, answer.body);
    } catch (err) {
      log.error(errorFields(err), 'bot endpoint failed');
      responseLogFields.set(res, { outcome: 'INTERNAL' });
      const internal = httpError('HTTP.INTERNAL', 'Internal error.');
      sendJson(res, internal.status, internal.body);
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, 200, { status: 'alive' });
  });

  server.get('/readyz', async (req: Request, res: Response) => {
    try {
      const reasons = closing ? ['shutting down'] : await options.readiness.check();
      sendJson(res, reasons.length === 0 ? 200 : 503, reasons.length === 0 ? { status: 'ready' } : { status: 'not-ready', reasons });
    } catch (err) {
      logOf(req).warn(errorFields(err), 'readiness check failed');
      sendJson(res, 503, { status: 'not-ready', reasons: ['readiness check failed'] });
    }
  });

  const setLogFields = (res: Response, fields: Record<string, unknown>) => responseLogFields.set(res, fields);
  const streams = new OpenStreams();
  if (options.api) mountApi(server, { ...options.api, maxBodyBytes: options.maxBodyBytes, logOf, setLogFields, streams });
  else mountApiNotFound(server, setLogFields);

  for (const mount of options.pages ?? []) mount(server);
  // The link pages' one stylesheet (they carry no inline style under the CSP).
  mountLinkPageStyle(server);
  // The confirmation page for people without the app (signed links in e-mails).
  if (options.api) mountConfirmPage(server, { app: options.api.deps.app, logOf, setLogFields });

  if (options.tab) mountTabPages(server, { ...options.tab, setLogFields });
  server.get('/tab/*', async (_req: Request, res: Response) => {
    const notFound = httpError('HTTP.NOT_FOUND', 'No such tab page.');
    sendJson(res, notFound.status, notFound.body);
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error, callback: () => void) => {
    const log = requestLogs.get(req) ?? logger;
    if (!('statusCode' in err) || Number((err as { statusCode?: number }).statusCode) >= 500) log.error(errorFields(err), 'request error');
    callback();
  });

  return {
    server,
    listen(port: number, host: string): Promise<RunningHttpServer> {
      return new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          const address = server.server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({
            url: `http://${shownHost}:${address.port}`,
            close: async (graceMs = 10_000) => {
              closing = true;
              // Event streams never finish by themselves: end them so the close does not wait out the grace.
              streams.endAll();
              const stopped = new Promise<void>((r) => server.server.close(() => r()));
              server.server.closeIdleConnections();
              if (inFlight > 0) {
                await Promise.race([
                  new Promise<void>((r) => {
                    drained = r;
                  }),
                  new Promise<void>((r) => setTimeout(r, graceMs).unref()),
                ]);
              }
              server.server.closeAllConnections();
              await stopped;
            },
          });
        });
      });
    },
  };
}
