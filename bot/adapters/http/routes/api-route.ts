// What an API route declares: its method and path, the zod schemas of its query, body and
// answer (the router parses with them, and the OpenAPI document is generated from them), the
// codes it can refuse with, and the one use-case call. The router does the rest in one place:
// method guard, authentication, safeParse → 400, the answer checked against its schema, the code map.
import type { z } from 'zod';
import type { Caller } from '../../../app/api/caller.schema';
import type { ErrorCode } from '../../../app/errors/error-codes';
import type { Clock } from '../../../app/ports/clock.port';
import type { PolicyProfile } from '../../../domain/policy/policy-profile';
import type { DevTokenIssuer } from '../auth/dev-token-issuer';

export interface ApiDeps {
  profile: PolicyProfile;
  clock: Clock;
  /** Local mode only. */
  devTokens: DevTokenIssuer | null;
  /** The OpenAPI document of the routes registered (built once, on first use). */
  openApi(): Record<string, unknown>;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RouteAuth = 'bearer' | 'none';

interface RouteSpec<A extends RouteAuth, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends z.ZodType> {
  method: ApiMethod;
  /** Under /api/v1, restify syntax (`:id`). */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  /** `bearer`: the router authenticates first; `none`: public (the document, dev sign-in). */
  auth: A;
  query?: Q;
  body?: B;
  response: R;
  /** The codes this route's own step can answer with (authentication and 400 are added for all). */
  errors: readonly ErrorCode[];
  handle(
    input: {
      query: Q extends z.ZodType ? z.output<Q> : undefined;
      body: B extends z.ZodType ? z.output<B> : undefined;
      /** Present exactly when the route is `bearer`: the router refused everyone else. */
      caller: A extends 'bearer' ? Caller : null;
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
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  errors: readonly ErrorCode[];
  handle(input: { query: unknown; body: unknown; caller: Caller | null }, deps: ApiDeps): Promise<unknown>;
}

export function defineRoute<
  A extends RouteAuth,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<A, Q, B, R>): ApiRoute {
  return {
    ...spec,
    // The router passes only what the schemas parsed, so the erased input has the declared types.
    handle: async (input, deps) => spec.handle(input as Parameters<typeof spec.handle>[0], deps),
  } as ApiRoute;
}
