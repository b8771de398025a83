// The OpenAPI document generated from the routes' zod schemas: every route is in it (local and
// production route sets), and it has the shape of an OpenAPI 3.1 document whose schemas are JSON
// Schema 2020-12 objects and whose every $ref resolves. Structure checks only; no network.
import { apiRoutes } from '../../bot/adapters/http/api-router';
import { HTTP_STATUS } from '../../bot/adapters/http/http-error-map';
import { openApiDocument } from '../../bot/adapters/http/openapi-document';

type Json = Record<string, unknown>;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const SCHEMA_KEYWORDS = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not',
  'format', 'pattern', 'description', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'propertyNames', 'default', 'title', 'examples',
]);

/** Every key is a JSON Schema keyword; recurses into subschemas. */
function checkSchema(schema: unknown, where: string, refs: string[]): void {
  expect([where, typeof schema === 'object' && schema !== null && !Array.isArray(schema)]).toEqual([where, true]);
  const s = schema as Json;
  for (const key of Object.keys(s)) expect([where, key, SCHEMA_KEYWORDS.has(key)]).toEqual([where, key, true]);
  if (typeof s.$ref === 'string') refs.push(s.$ref);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    for (const t of types) expect(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']).toContain(t);
  }
  for (const [name, sub] of Object.entries((s.properties ?? {}) as Json)) checkSchema(sub, `${where}.${name}`, refs);
  if (s.items !== undefined) checkSchema(s.items, `${where}[]`, refs);
  if (typeof s.additionalProperties === 'object') checkSchema(s.additionalProperties, `${where}{}`, refs);
  if (typeof s.propertyNames === 'object') checkSchema(s.propertyNames, `${where}<key>`, refs);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const [i, sub] of ((s[key] ?? []) as unknown[]).entries()) checkSchema(sub, `${where}.${key}[${i}]`, refs);
  if (Array.isArray(s.required)) for (const r of s.required) expect(Object.keys((s.properties ?? {}) as Json)).toContain(r);
}

function resolve(doc: Json, ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref.slice(2).split('/').reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc);
}

describe.each([
  ['local mode', true],
  ['production', false],
])('the OpenAPI document (%s)', (_name, devSignIn) => {
  const routes = apiRoutes({ devSignIn });
  const doc = openApiDocument(routes, { version: '1', localMode: devSignIn }) as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  /** The document names a path's `:id` segments as `{id}`. */
  const docPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

  it('is JSON, OpenAPI 3.1.0, with info and the 2020-12 dialect', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: expect.any(String), version: '1', description: expect.any(String) });
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists every registered route once, and nothing else', () => {
    const listed = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort());
    expect(listed.includes('POST /api/v1/dev/sign-in')).toBe(devSignIn);
    expect(new Set(Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId))).size).toBe(routes.length);
  });

  it('declares the bearer scheme, and every authenticated route requires it', () => {
    expect((doc.components as Json).securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
    for (const route of routes) {
      const op = paths[docPath(route.path)]![route.method.toLowerCase()]!;
      expect([route.path, op.security]).toEqual([route.path, route.auth === 'bearer' ? [{ bearer: [] }] : []]);
      if (route.auth === 'bearer') expect(Object.keys(op.responses as Json)).toEqual(expect.arrayContaining(['401', '403', '503']));
    }
  });

  it('every error response is the envelope, and every route lists its own codes\' statuses', () => {
    const envelope = ((doc.components as Json).schemas as Json).Error as Json;
    expect(envelope).toMatchObject({ type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message', 'details'] } } });
    for (const route of routes) {
      const responses = paths[docPath(route.path)]![route.method.toLowerCase()]!.responses as Record<string, Json>;
      for (const code of route.errors) expect(Object.keys(responses)).toContain(String(HTTP_STATUS[code]));
      for (const [status, response] of Object.entries(responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(response.description).toEqual(expect.any(String));
        if (Number(status) >= 400) expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
      }
    }
  });

  it('operations are well formed: methods, parameters, bodies and schemas; every $ref resolves', () => {
    const refs: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      expect(path.startsWith('/api/v1/')).toBe(true);
      for (const [method, op] of Object.entries(ops)) {
        expect(METHODS.has(method)).toBe(true);
        const route = routes.find((r) => docPath(r.path) === path && r.method.toLowerCase() === method)!;
        expect(op.responses).toHaveProperty(String(route.status ?? 200));
        for (const p of (op.parameters ?? []) as Json[]) {
          expect(p).toEqual(expect.objectContaining({ name: expect.any(String), in: expect.stringMatching(/^(query|path|header)$/), required: expect.any(Boolean) }));
          if (p.in === 'path') expect([p.name, p.required, path.includes(`{${String(p.name)}}`)]).toEqual([p.name, true, true]);
          checkSchema(p.schema, `${path} ?${String(p.name)}`, refs);
        }
        const body = op.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
        // JSON bodies, or a file route's binary body under each media type it takes.
        if (body) for (const [type, media] of Object.entries(body.content)) checkSchema(media.schema, `${path} body ${type}`, refs);
        for (const [status, r] of Object.entries(op.responses as Record<string, { content: Record<string, { schema: unknown }> }>)) {
          // JSON answers, or an event stream's events (text/event-stream) carrying the same schema.
          expect(Object.keys(r.content).length).toBe(1);
          for (const [type, media] of Object.entries(r.content)) checkSchema(media.schema, `${path} ${status} ${type}`, refs);
        }
      }
    }
    for (const [name, schema] of Object.entries((doc.components as Json).schemas as Json)) checkSchema(schema, `#/components/schemas/${name}`, refs);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect([ref, resolve(doc, ref) !== undefined]).toEqual([ref, true]);
  });

  it('the timescales query lists every anchor and the kind, as the CLI takes them', () => {
    const params = (paths['/api/v1/timescales']!.get!.parameters as Json[]).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['kind', 'today', 'strategy-discussion', 'icpc', 'rcpc', 'due-date']));
  });
});

it('the meeting event stream is documented as text/event-stream, its events the meeting view', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the document is read loosely
  const doc = openApiDocument(apiRoutes({ devSignIn: true }), { version: '1', localMode: true }) as any;
  const op = doc.paths['/api/v1/conferences/{conferenceId}/meeting/events'].get;
  expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
  expect(op.responses['200'].content['text/event-stream'].schema).toEqual(doc.paths['/api/v1/conferences/{conferenceId}/meeting'].get.responses['200'].content['application/json'].schema);
  expect(op.responses['401'].content).toHaveProperty('application/json');
});
