// What an API route declares: its method and path, the zod schemas of its query, body and
// answer (the router parses with them, and the OpenAPI document is generated from them), the
// codes it can refuse with, and the one use-case call. The router does the rest in one place:
// method guard, authentication, safeParse → 400, the answer checked against its schema, the code map.
import type { z } from 'zod';
import type { Caller } from '../../../app/api/caller.schema';
import type { AppDeps } from '../../../app/app-deps';
import type { ErrorCode } from '../../../app/errors/error-codes';
import type { Clock } from '../../../app/ports/clock.port';
import type { PolicyProfile } from '../../../domain/policy/policy-profile';
import type { DevTokenIssuer } from '../auth/dev-token-issuer';
import type { EventStreamSpec } from '../event-stream';
import type { RawBody } from '../read-raw-body';

export interface ApiDeps {
  /** The use cases' ports (the same object the bot's chat commands and cards use). */
  app: AppDeps;
  profile: PolicyProfile;
  clock: Clock;
  /** Local mode only. */
  devTokens: DevTokenIssuer | null;
  /** The OpenAPI document of the routes registered (built once, on first use). */
  openApi(): Record<string, unknown>;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RouteAuth = 'bearer' | 'none';

/** The success answer's status: 200 (read, change), 201 (created), 202 (accepted, work continues). */
export type SuccessStatus = 200 | 201 | 202;

interface RouteSpec<
  A extends RouteAuth,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
> {
  method: ApiMethod;
  /** Under /api/v1, restify syntax (`:id`). */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  /** `bearer`: the router authenticates first; `none`: public (the document, dev sign-in). */
  auth: A;
  /** The path's `:name` segments (restify's req.params), parsed like the query. */
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Default 200. */
  status?: SuccessStatus;
  /**
   * The answer's resource version, sent as `ETag: "<n>"`; a client sends it back as `If-Match`
   * on its next change (the handler compares and refuses a stale one with 412).
   */
  version?: (answer: z.output<R>) => number;
  /** `If-Match` is required: without it the answer is 428 API.IF_MATCH_REQUIRED. */
  requiresIfMatch?: boolean;
  /** The codes this route's own step can answer with (authentication and 400 are added for all). */
  errors: readonly ErrorCode[];
  /** A file as the body instead of JSON: the media types taken and the most bytes read (413 above). */
  rawBody?: RawBodySpec;
  /** Answer as server-sent events (GET only): `handle`'s answer is each event's data, read again until the client goes. */
  events?: EventStreamSpec;
  handle(
    input: {
      /** The file, when the route has `rawBody`. */
      raw: RawBody | null;
      params: P extends z.ZodType ? z.output<P> : undefined;
      query: Q extends z.ZodType ? z.output<Q> : undefined;
      body: B extends z.ZodType ? z.output<B> : undefined;
      /** Present exactly when the route is `bearer`: the router refused everyone else. */
      caller: A extends 'bearer' ? Caller : null;
      /** The version in `If-Match: "<n>"`, or null when absent. */
      ifMatch: number | null;
    },
    deps: ApiDeps,
  ): Promise<z.input<R>> | z.input<R>;
}

/** A route with its types erased, as the router and the document generator hold it. */
export interface ApiRoute {
  method: ApiMethod;
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: SuccessStatus;
  version?: (answer: unknown) => number;
  requiresIfMatch?: boolean;
  errors: readonly ErrorCode[];
  rawBody?: RawBodySpec;
  events?: EventStreamSpec;
  handle(input: { params: unknown; query: unknown; body: unknown; raw: RawBody | null; caller: Caller | null; ifMatch: number | null }, deps: ApiDeps): Promise<unknown>;
}

export interface RawBodySpec {
  contentTypes: readonly string[];
  maxBytes(deps: ApiDeps): number;
}

export function defineRoute<
  A extends RouteAuth,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<A, P, Q, B, R>): ApiRoute {
  return {
    ...spec,
    // The router passes only what the schemas parsed, so the erased input has the declared types.
    handle: async (input, deps) => spec.handle(input as Parameters<typeof spec.handle>[0], deps),
  } as ApiRoute;
}
