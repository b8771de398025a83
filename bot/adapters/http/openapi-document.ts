// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated from the registered routes' zod
// schemas (z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Nothing is
// written by hand but the titles: a route added to the router is in the document.
import { z } from 'zod';
import { errorEnvelopeSchema } from '../../app/api/error.schema';
import type { ErrorCode } from '../../app/errors/error-codes';
import { HTTP_STATUS } from './http-error-map';
import type { ApiRoute } from './routes/api-route';

type JsonObject = Record<string, unknown>;

/** Codes every route can answer with, beside its own. */
const COMMON: readonly ErrorCode[] = ['API.INVALID_REQUEST', 'API.METHOD_NOT_ALLOWED', 'HTTP.INTERNAL'];
const PRECONDITION: readonly ErrorCode[] = ['API.IF_MATCH_REQUIRED', 'API.VERSION_STALE'];
const AUTHENTICATED: readonly ErrorCode[] = ['AUTH.UNAUTHORIZED', 'TENANT.NOT_ALLOWED', 'AUTH.UNAVAILABLE'];
const BODY: readonly ErrorCode[] = ['HTTP.UNSUPPORTED_MEDIA_TYPE', 'HTTP.BODY_TOO_LARGE', 'HTTP.MALFORMED_JSON'];
const RAW_BODY: readonly ErrorCode[] = ['HTTP.UNSUPPORTED_MEDIA_TYPE', 'HTTP.BODY_TOO_LARGE', 'HTTP.BODY_UNREADABLE'];

/** Named schemas (`.meta({ id })`) go to components; a named root comes back as a `$ref`. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', components: JsonObject): JsonObject {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  // Named schemas come out under $defs; in the document they are components.
  const { $schema: _drop, ...json } = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonObject;
  const defs = (json.$defs ?? {}) as JsonObject;
  delete json.$defs;
  Object.assign(components, defs);
  return json;
}

function parametersOf(schema: z.ZodType, where: 'query' | 'path', components: JsonObject): JsonObject[] {
  const json = schemaOf(schema, 'input', components) as { properties?: Record<string, JsonObject>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const IF_MATCH: JsonObject = {
  name: 'If-Match',
  in: 'header',
  description: 'The version last read (the ETag of that answer), e.g. "3"; a stale one is refused with 412.',
  schema: { type: 'string', pattern: '^(W/)?"[0-9]{1,9}"$' },
};

export function openApiDocument(routes: readonly ApiRoute[], info: { version: string; localMode: boolean }): JsonObject {
  const components: JsonObject = {};
  schemaOf(errorEnvelopeSchema, 'output', components);
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const codes = [...new Set([...COMMON, ...(route.auth === 'bearer' ? AUTHENTICATED : []), ...(route.body ? BODY : []), ...(route.rawBody ? RAW_BODY : []), ...(route.requiresIfMatch ? PRECONDITION : []), ...(route.params ? ['HTTP.NOT_FOUND' as const] : []), ...route.errors])];
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of codes) byStatus.set(HTTP_STATUS[code], [...(byStatus.get(HTTP_STATUS[code]) ?? []), code]);
    const success = route.status ?? 200;
    const responses: JsonObject = {
      [success]: {
        description: success === 201 ? 'Created' : success === 202 ? 'Accepted' : 'OK',
        ...(route.version ? { headers: { ETag: { description: 'The resource version, to send back as If-Match.', schema: { type: 'string' } } } } : {}),
        // An event stream's events each carry the response schema as their data.
        content: { [route.events ? 'text/event-stream' : 'application/json']: { schema: schemaOf(route.response, 'output', components) } },
      },
    };
    for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      responses[String(status)] = { description: `Codes: ${list.join(', ')}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      security: route.auth === 'bearer' ? [{ bearer: [] }] : [],
      ...(route.params || route.query || route.requiresIfMatch
        ? {
            parameters: [
              ...(route.params ? parametersOf(route.params, 'path', components) : []),
              ...(route.query ? parametersOf(route.query, 'query', components) : []),
              ...(route.requiresIfMatch ? [{ ...IF_MATCH, required: true }] : []),
            ],
          }
        : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input', components) } } } } : {}),
      ...(route.rawBody
        ? { requestBody: { required: true, content: Object.fromEntries(route.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Child protection conference API',
      version: info.version,
      description: info.localMode ? 'Local mode: POST /api/v1/dev/sign-in issues tokens.' : 'Bearer: an Entra access token for the app.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
