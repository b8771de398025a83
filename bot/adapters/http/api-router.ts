// Mounts /api/v1 on the restify server. One pipeline for every route (routes/*.route.ts declare
// the rest): method guard (405), bearer authentication (401/403/503), zod safeParse of query and
// body (400), the route's one use-case call, the answer checked against its schema, and any
// thrown code mapped by the one HTTP table into the envelope {"error":{code,message,details}}.
import type { Request, Response } from 'restify';
import type { Server } from 'restify';
import type { z } from 'zod';
import type { Caller } from '../../app/api/caller.schema';
import type { AppDeps } from '../../app/app-deps';
import type { ErrorCode } from '../../app/errors/error-codes';
import type { Clock } from '../../app/ports/clock.port';
import type { Config } from '../../config/load-config';
import type { Logger } from '../logging/logger';
import { errorFields } from '../logging/logger';
import { type BearerVerifier, createBearerVerifier } from './auth/bearer-verifier';
import { createDevTokenIssuer } from './auth/dev-token-issuer';
import { type OpenStreams, streamEvents } from './event-stream';
import { apiError, isErrorCode } from './http-error-map';
import { openApiDocument } from './openapi-document';
import { dropUnreadBody, readJsonBody } from './read-json-body';
import { type RawBody, readRawBody } from './read-raw-body';
import type { ApiDeps, ApiRoute } from './routes/api-route';
import { decideApprovalRoute, deadlinesRoute, listApprovalsRoute } from './routes/approvals.route';
import { coreGroupRoutes } from './routes/core-group.routes';
import { bookingCheckRoute, confirmBookingRoute, createConferenceRoute, getConferenceRoute, rebookRoute, rescheduleConferenceRoute, standDownRoute } from './routes/booking.route';
import { decisionRoutes } from './routes/decision.routes';
import { devIdentitiesRoute, devSignInRoute } from './routes/dev-sign-in.route';
import { meetingChatConferenceRoute } from './routes/meeting-chat.route';
import { inviteListRoutes } from './routes/invite-list.routes';
import { meRoute } from './routes/me.route';
import { openApiRoute } from './routes/openapi.route';
import { peopleRoute } from './routes/people.route';
import { recordRoutes } from './routes/record.routes';
import { reportRoutes } from './routes/reports.route';
import { timescalesRoute } from './routes/timescales.route';
import { alertRoutes } from './routes/alerts.routes';
import { timelinessRoutes } from './routes/timeliness.routes';
import { dashboardRoutes } from './routes/dashboard.route';
import { familyViewRoute } from './routes/family-view.route';
import { meetingRoutes } from './routes/meeting.routes';
import { stageViewRoutes } from './routes/stage-view.routes';

/** The routes this configuration serves: dev sign-in only in local mode (absent = 404). */
export function apiRoutes(options: { devSignIn: boolean }): ApiRoute[] {
  return [
    openApiRoute, meRoute, timescalesRoute, peopleRoute,
    // Booking (docs/booking.md)
    bookingCheckRoute, createConferenceRoute, getConferenceRoute, rescheduleConferenceRoute, confirmBookingRoute, standDownRoute, rebookRoute,
    listApprovalsRoute, decideApprovalRoute, deadlinesRoute,
    // Invite list, attendance and the board (docs/invite-list.md)
    ...inviteListRoutes,
    // Reports (docs/reports.md)
    ...reportRoutes,
    ...alertRoutes,
    ...meetingRoutes,
    // The decision and recommendations record (docs/meeting/record.md)
    ...recordRoutes,
    // The decision (docs/meeting/decision.md)
    ...decisionRoutes,
    // After the decision: follow-ups and core groups (docs/meeting/follow-ups.md, core-groups.md)
    ...coreGroupRoutes,
    // Timeliness and the plan timeline (docs/tab/timeliness.md)
    ...timelinessRoutes,
    // The clerk's dashboard (docs/tab/dashboard.md)
    ...dashboardRoutes,
    // The family's page (docs/tab/family.md)
    familyViewRoute,
    // The meeting stage's view (docs/tab/stage-view.md)
    ...stageViewRoutes,
    // The meeting tab: the conference of a meeting chat (docs/tab.md)
    meetingChatConferenceRoute,
    ...(options.devSignIn ? [devSignInRoute, devIdentitiesRoute] : []),
  ];
}

/** What the composition root hands the HTTP server for /api/v1. */
export type ApiSetup = Pick<ApiRouterOptions, 'routes' | 'deps' | 'verify' | 'localMode'>;

export function apiSetup(config: Config, clock: Clock, app: AppDeps): ApiSetup {
  const devTokens = config.api.devSignIn ? createDevTokenIssuer(config.api.devSignIn, () => clock.now()) : null;
  return {
    routes: apiRoutes({ devSignIn: devTokens !== null }),
    deps: { app, profile: config.profile, clock, devTokens },
    verify: createBearerVerifier(config.api, config.allowedTenantIds, () => clock.now()),
    localMode: config.localMode,
  };
}

export interface ApiRouterOptions {
  routes: readonly ApiRoute[];
  deps: Omit<ApiDeps, 'openApi'>;
  verify: BearerVerifier;
  maxBodyBytes: number;
  localMode: boolean;
  logOf(req: Request): Logger;
  /** Fields for the request's summary line (the outcome code; never the path or the body). */
  setLogFields(res: Response, fields: Record<string, unknown>): void;
  /** Event-stream answers open now (the server's close ends them). */
  streams?: OpenStreams;
}

/** Zod's issues without the input: paths and messages only (a value could be personal data). */
function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function queryOf(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(req.url ?? '/', 'http://api.invalid').searchParams) {
    const had = out[key];
    out[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return out;
}

const METHODS = ['get', 'post', 'put', 'patch', 'del'] as const;

export function mountApi(server: Server, options: ApiRouterOptions): void {
  let document: Record<string, unknown> | null = null;
  const deps: ApiDeps = {
    ...options.deps,
    openApi: () => {
      document ??= openApiDocument(options.routes, { version: '1', localMode: options.localMode });
      return document;
    },
  };
  const refuseAny = refuser(options.setLogFields);

  const byPath = new Map<string, ApiRoute[]>();
  for (const route of options.routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);

  for (const [path, routes] of byPath) {
    const allow = routes.map((r) => r.method).join(', ');
    const handler = async (req: Request, res: Response) => {
      const route = routes.find((r) => r.method === req.method);
      // A file route refused before its body is read: drop the rest (it may be large) with the answer.
      const refuse = route?.rawBody
        ? (r: Response, code: ErrorCode, message: string, details?: unknown) => {
            dropUnreadBody(req, r);
            refuseAny(r, code, message, details);
          }
        : refuseAny;
      if (!route) {
        res.setHeader('allow', allow);
        return refuse(res, 'API.METHOD_NOT_ALLOWED', `Use ${allow} on this resource.`);
      }
      let caller: Caller | null = null;
      if (route.auth === 'bearer') {
        const auth = await options.verify(req.headers.authorization);
        if (!auth.ok) {
          if (auth.code === 'AUTH.UNAUTHORIZED') res.setHeader('www-authenticate', req.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer');
          return refuse(res, auth.code, auth.message);
        }
        caller = auth.caller;
      }
      let params: unknown;
      if (route.params) {
        const parsed = route.params.safeParse({ ...(req.params as Record<string, string>) });
        // A path that names no such resource: the same 404 as an unknown path.
        if (!parsed.success) return refuse(res, 'HTTP.NOT_FOUND', 'No such API resource.');
        params = parsed.data;
      }
      const ifMatch = ifMatchOf(req.headers['if-match']);
      if (ifMatch === 'invalid') return refuse(res, 'API.INVALID_REQUEST', 'If-Match must be one version in quotes, e.g. If-Match: "3".');
      if (ifMatch === null && route.requiresIfMatch) {
        return refuse(res, 'API.IF_MATCH_REQUIRED', 'Send the version you last read as If-Match (the ETag of the last answer).');
      }
      let query: unknown;
      if (route.query) {
        const parsed = route.query.safeParse(queryOf(req));
        if (!parsed.success) return refuse(res, 'API.INVALID_REQUEST', 'The query does not match the schema.', { issues: issuesOf(parsed.error) });
        query = parsed.data;
      }
      let body: unknown;
      if (route.body) {
        const read = await readJsonBody(req, options.maxBodyBytes);
        if (!read.ok) {
          dropUnreadBody(req, res);
          return refuse(res, read.code, read.message);
        }
        const parsed = route.body.safeParse(read.value);
        if (!parsed.success) return refuse(res, 'API.INVALID_REQUEST', 'The body does not match the schema.', { issues: issuesOf(parsed.error) });
        body = parsed.data;
      }
      let raw: RawBody | null = null;
      if (route.rawBody) {
        const read = await readRawBody(req, route.rawBody.contentTypes, route.rawBody.maxBytes(deps));
        if (!read.ok) return refuse(res, read.code, read.message);
        raw = read.value;
      }
      try {
        const result = await route.handle({ params, query, body, raw, caller, ifMatch }, deps);
        const answer = route.response.safeParse(result);
        if (!answer.success) {
          options.logOf(req).error({ operationId: route.operationId, issues: issuesOf(answer.error) }, 'API answer does not match its schema');
          return refuse(res, 'HTTP.INTERNAL', 'Internal error.');
        }
        options.setLogFields(res, { outcome: 'OK' });
        if (route.events && options.streams) {
          const read = async () => route.response.parse(await route.handle({ params, query, body, raw, caller, ifMatch }, deps));
          return streamEvents(req, res, { spec: route.events, first: answer.data, read, streams: options.streams, onFailure: (err) => options.logOf(req).error(errorFields(err), 'API event stream failed') });
        }
        if (route.version) res.setHeader('etag', `"${route.version(answer.data)}"`);
        res.send(route.status ?? 200, answer.data as Record<string, unknown>);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (isErrorCode(code)) {
          const message = err instanceof Error ? err.message : String(code);
          return refuse(res, code, message, (err as { details?: unknown }).details ?? null);
        }
        options.logOf(req).error(errorFields(err), 'API route failed');
        return refuse(res, 'HTTP.INTERNAL', 'Internal error.');
      }
    };
    for (const method of METHODS) server[method](path, handler);
  }

  mountApiNotFound(server, options.setLogFields);
}

/** `If-Match: "7"` (or W/"7") → 7; absent → null; anything else (a list, `*`, junk) → 'invalid'. */
export function ifMatchOf(header: string | string[] | undefined): number | null | 'invalid' {
  if (header === undefined) return null;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(Array.isArray(header) ? header.join(',') : header);
  return m ? Number(m[1]) : 'invalid';
}

function refuser(setLogFields: ApiRouterOptions['setLogFields']) {
  return (res: Response, code: ErrorCode, message: string, details: unknown = null) => {
    setLogFields(res, { outcome: code });
    const answer = apiError(code, message, details);
    res.send(answer.status, answer.body);
  };
}

/** Everything else under /api/v1: the envelope's 404 (dev sign-in in production lands here). */
export function mountApiNotFound(server: Server, setLogFields: ApiRouterOptions['setLogFields']): void {
  const refuse = refuser(setLogFields);
  const notFound = async (_req: Request, res: Response) => refuse(res, 'HTTP.NOT_FOUND', 'No such API resource.');
  for (const method of METHODS) server[method]('/api/v1/*', notFound);
}
