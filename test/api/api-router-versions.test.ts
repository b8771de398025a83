// The router's shared handling of path parameters, If-Match and ETag, on a route declared here:
// a versioned counter. Real restify over real HTTP; the verifier accepts one fixed caller.
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { z } from 'zod';
import { ifMatchOf, mountApi } from '../../bot/adapters/http/api-router';
import { defineRoute } from '../../bot/adapters/http/routes/api-route';
import { createLogger } from '../../bot/adapters/logging/logger';
import { CodedError } from '../../bot/domain/shared/coded-error';

const counter = { id: 'c1', version: 3, value: 10 };
const params = z.object({ counterId: z.string().regex(/^c\d+$/) });
const answer = z.object({ id: z.string(), version: z.number(), value: z.number() });

const routes = [
  defineRoute({
    method: 'GET', path: '/api/v1/counters/:counterId', operationId: 'getCounter', summary: 'test', auth: 'bearer',
    params, response: answer, version: (a) => a.version, errors: [],
    handle: ({ params: p }) => {
      if (p.counterId !== counter.id) throw new CodedError('HTTP.NOT_FOUND', 'no such counter');
      return counter;
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/v1/counters/:counterId', operationId: 'bumpCounter', summary: 'test', auth: 'bearer',
    params, body: z.object({ by: z.number().int() }), response: answer, version: (a) => a.version, requiresIfMatch: true, status: 201, errors: ['API.VERSION_STALE'],
    handle: ({ body, ifMatch }) => {
      if (ifMatch !== counter.version) throw new CodedError('API.VERSION_STALE', `the counter is at version ${counter.version}`);
      counter.version += 1;
      counter.value += body.by;
      return counter;
    },
  }),
];

let server: restify.Server;
let base: string;

beforeAll(async () => {
  server = restify.createServer();
  mountApi(server, {
    routes,
    deps: {} as never,
    verify: async () => ({ ok: true, caller: { objectId: '5eed0000-0000-4000-8000-000000000003', tenantId: '0a0a0a0a-1111-4222-8333-444444444444', roles: [], scopes: [] } }),
    maxBodyBytes: 4096,
    localMode: true,
    logOf: () => createLogger('silent'),
    setLogFields: () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const bump = (ifMatch: string | undefined, by = 1) =>
  fetch(`${base}/api/v1/counters/c1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer x', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    body: JSON.stringify({ by }),
  });

describe('If-Match and ETag', () => {
  it('parses one quoted version, weak or strong; refuses lists, * and junk', () => {
    expect(ifMatchOf(undefined)).toBeNull();
    expect(ifMatchOf('"7"')).toBe(7);
    expect(ifMatchOf(' W/"12" ')).toBe(12);
    for (const bad of ['7', '*', '"1", "2"', '"-1"', '"1e3"', '"9999999999"', '']) expect(ifMatchOf(bad)).toBe('invalid');
  });

  it('sends the version as ETag, takes it back as If-Match, and refuses a stale one with 412 changing nothing', async () => {
    const read = await fetch(`${base}/api/v1/counters/c1`, { headers: { authorization: 'Bearer x' } });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    expect(etag).toBe('"3"');

    const first = await bump(etag, 5);
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"4"');
    expect(await first.json()).toEqual({ id: 'c1', version: 4, value: 15 });

    const stale = await bump(etag, 5);
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('API.VERSION_STALE');
    expect(counter).toEqual({ id: 'c1', version: 4, value: 15 });
  });

  it('answers 428 without If-Match and 400 for a malformed one', async () => {
    const missing = await bump(undefined);
    expect(missing.status).toBe(428);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('API.IF_MATCH_REQUIRED');
    const malformed = await bump('*');
    expect(malformed.status).toBe(400);
    expect(counter.version).toBe(4);
  });

  it('answers 404 for a path parameter that cannot name a resource, as for an unknown path', async () => {
    const res = await fetch(`${base}/api/v1/counters/not-a-counter`, { headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HTTP.NOT_FOUND');
  });
});
