// Strict request-body checking against Graph's own v1.0 metadata (metadata/graph-v1.0-subset.json):
// unknown property, unknown or evolvable enum member, wrong JSON type → Graph's 400.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GraphError } from './graph-errors';

const MetadataSchema = z.object({
  types: z.record(
    z.string(),
    z.object({ kind: z.enum(['EntityType', 'ComplexType']), base: z.string().nullable(), properties: z.record(z.string(), z.string()) }),
  ),
  enums: z.record(z.string(), z.array(z.string())),
  /** Bound actions ('graph.driveItem/invite'): parameter name → type. */
  actions: z.record(z.string(), z.object({ parameters: z.record(z.string(), z.string()), returns: z.string().nullable() })).default({}),
});
type Metadata = z.infer<typeof MetadataSchema>;

/** Navigation properties Graph takes in a body (deep insert) that the structural metadata omits. */
const NAVIGATION: Record<string, Record<string, string>> = {
  message: { attachments: 'Collection(graph.attachment)' },
};

/** The derived types of meetingInfo / mediaConfig the shared subset omits, and the open types (metadata/README.md). */
const SupplementSchema = z.object({ types: MetadataSchema.shape.types, openTypes: z.array(z.string()) });

let cached: Metadata | undefined;
let open: Set<string> | undefined;
export function graphMetadata(): Metadata {
  if (!cached) {
    const base = MetadataSchema.parse(JSON.parse(readFileSync(join(__dirname, 'metadata', 'graph-v1.0-subset.json'), 'utf8')));
    const extra = SupplementSchema.parse(JSON.parse(readFileSync(join(__dirname, 'metadata', 'graph-v1.0-calls-derived.json'), 'utf8')));
    // The shared subset wins where both name a type: the supplement only adds what it lacks.
    cached = { ...base, types: { ...extra.types, ...base.types } };
    open = new Set(extra.openTypes);
  }
  return cached;
}

/** OpenType="true" in Graph's metadata: extra primitive properties are allowed (identity's tenantId). */
function isOpenType(typeName: string): boolean {
  const md = graphMetadata();
  for (let t: string | null = typeName; t; t = md.types[t]?.base ?? null) if (open?.has(t)) return true;
  return false;
}

/** Every property of a type, its base types' included. */
export function propertiesOf(typeName: string): Map<string, string> {
  const md = graphMetadata();
  const chain: string[] = [];
  for (let t: string | null = typeName; t; t = md.types[t]?.base ?? null) chain.unshift(t);
  const props = new Map<string, string>();
  for (const t of chain) {
    for (const [k, v] of Object.entries(md.types[t]?.properties ?? {})) props.set(k, v);
    for (const [k, v] of Object.entries(NAVIGATION[t] ?? {})) props.set(k, v);
  }
  return props;
}

function derivesFrom(typeName: string, base: string): boolean {
  const md = graphMetadata();
  for (let t: string | null = typeName; t; t = md.types[t]?.base ?? null) if (t === base) return true;
  return false;
}

/** Members listed after unknownFutureValue are "evolvable": only with Prefer: include-unknown-enum-members. */
export function isEvolvable(enumName: string, member: string): boolean {
  const members = graphMetadata().enums[enumName] ?? [];
  const sentinel = members.indexOf('unknownFutureValue');
  return sentinel >= 0 && members.indexOf(member) > sentinel;
}

export interface ValidateOptions {
  includeUnknownEnumMembers: boolean;
  /** Error code for a malformed body: Outlook says 'RequestBodyRead', Teams services 'BadRequest'. */
  code: string;
}

/** Throws a GraphError (400) at the first property Graph would refuse. */
export function validateBody(value: unknown, typeName: string, options: ValidateOptions): void {
  checkValue(value, `graph.${typeName}`, options);
}

/** Throws a GraphError (400) when `value` is not a valid `type` ('Edm.String', 'graph.driveRecipient', 'Collection(…)'). */
export function validateValue(value: unknown, type: string, options: ValidateOptions): void {
  checkValue(value, type, options);
}

/** A bound action's parameters from the metadata, e.g. actionParametersOf('graph.driveItem/invite'). */
export function actionParametersOf(action: string): Record<string, string> {
  const found = graphMetadata().actions[action];
  if (!found) throw new Error(`GRAPH_SANDBOX.UNKNOWN_ACTION: ${action}`);
  return found.parameters;
}

function fail(options: ValidateOptions, message: string): never {
  throw new GraphError(400, options.code, message);
}

function checkValue(value: unknown, type: string, options: ValidateOptions): void {
  if (value === null) return; // Graph's properties here are nullable
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) fail(options, `A node of type '${jsonKind(value)}' was read, but a collection of '${collection[1]}' was expected.`);
    for (const item of value) {
      if (item === null) fail(options, `A null value was found for a collection of '${collection[1]}'; null items are not allowed.`);
      checkValue(item, collection[1]!, options);
    }
    return;
  }
  if (type.startsWith('Edm.')) {
    checkPrimitive(value, type, options);
    return;
  }
  const name = type.slice('graph.'.length);
  const md = graphMetadata();
  const members = md.enums[name];
  if (members) {
    if (typeof value !== 'string') fail(options, `Cannot convert a ${jsonKind(value)} value to the expected type 'microsoft.graph.${name}'.`);
    if (!members.includes(value) || (isEvolvable(name, value) && !options.includeUnknownEnumMembers)) {
      fail(options, `Cannot convert the literal '${value}' to the expected type 'microsoft.graph.${name}'.`);
    }
    return;
  }
  if (!md.types[name]) fail(options, `Type 'microsoft.graph.${name}' is not supported.`);
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(options, `A node of type '${jsonKind(value)}' was read, but an object of type 'microsoft.graph.${name}' was expected.`);
  }
  checkObject(value as Record<string, unknown>, name, options);
}

function checkObject(obj: Record<string, unknown>, declared: string, options: ValidateOptions): void {
  let actual = declared;
  const odataType = obj['@odata.type'];
  if (odataType !== undefined) {
    const m = typeof odataType === 'string' ? /^#?microsoft\.graph\.(\w+)$/.exec(odataType) : null;
    if (!m || !graphMetadata().types[m[1]!] || !derivesFrom(m[1]!, declared)) {
      fail(options, `A type named '${String(odataType)}' could not be resolved by the model, or is not derived from 'microsoft.graph.${declared}'.`);
    }
    actual = m[1]!;
  }
  const props = propertiesOf(actual);
  for (const [key, v] of Object.entries(obj)) {
    if (key === '@odata.type') continue;
    const propType = props.get(key);
    if (!propType && isOpenType(actual) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) continue;
    if (!propType) {
      fail(
        options,
        `The property '${key}' does not exist on type 'microsoft.graph.${actual}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    checkValue(v, propType, options);
  }
}

const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function checkPrimitive(value: unknown, type: string, options: ValidateOptions): void {
  const wrong = () => fail(options, `Cannot convert a ${jsonKind(value)} value to the expected type '${type}'.`);
  switch (type) {
    case 'Edm.String':
      if (typeof value !== 'string') wrong();
      return;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') wrong();
      return;
    case 'Edm.Int32':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31) wrong();
      return;
    case 'Edm.Int64':
      if (!(typeof value === 'number' && Number.isInteger(value)) && !(typeof value === 'string' && /^-?\d+$/.test(value))) wrong();
      return;
    case 'Edm.Double':
      if (typeof value !== 'number') wrong();
      return;
    case 'Edm.DateTimeOffset':
      if (typeof value !== 'string' || !DATE_TIME_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
        fail(options, `Cannot convert the literal '${String(value)}' to the expected type 'Edm.DateTimeOffset'.`);
      }
      return;
    case 'Edm.Date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(options, `Cannot convert the literal '${String(value)}' to the expected type 'Edm.Date'.`);
      return;
    case 'Edm.Binary':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value) || value.length % 4 === 1) {
        fail(options, `Cannot convert the literal to the expected type 'Edm.Binary': the value is not valid base64.`);
      }
      return;
    default:
      fail(options, `The property type '${type}' cannot be written in a request body.`);
  }
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'StartArray';
  if (typeof v === 'object') return 'StartObject';
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'boolean';
}

/** What Graph returns without Prefer: include-unknown-enum-members: evolvable members read as unknownFutureValue. */
export function maskEvolvable<T>(value: T, typeName: string, include: boolean): T {
  if (include) return value;
  return mask(value, `graph.${typeName}`) as T;
}

function mask(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) return Array.isArray(value) ? value.map((v) => mask(v, collection[1]!)) : value;
  if (!type.startsWith('graph.')) return value;
  const name = type.slice('graph.'.length);
  const md = graphMetadata();
  if (md.enums[name]) return typeof value === 'string' && isEvolvable(name, value) ? 'unknownFutureValue' : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const props = propertiesOf(name);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const t = props.get(k);
    out[k] = t ? mask(v, t) : v;
  }
  return out;
}

/** $select: only the named properties (plus id and OData annotations); an unknown name → 400 like Graph. */
export function applySelect(resource: Record<string, unknown>, select: string | null, typeName: string, code: string): Record<string, unknown> {
  if (select === null) return resource;
  const names = select.split(',').map((n) => n.trim()).filter(Boolean);
  const props = propertiesOf(typeName);
  for (const n of names) {
    if (!props.has(n)) throw new GraphError(400, code, `Could not find a property named '${n}' on type 'microsoft.graph.${typeName}'.`);
  }
  return Object.fromEntries(Object.entries(resource).filter(([k]) => k === 'id' || k.startsWith('@odata.') || names.includes(k)));
}
