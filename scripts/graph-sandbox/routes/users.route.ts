// GET /users (the seeded directory: $search, $filter=startswith, $select, $top, $count) and
// GET /users/{id | userPrincipalName}, answered as Graph's directory answers them, strictly:
// - $search needs `ConsistencyLevel: eventual` (else Graph's 400 Request_UnsupportedQuery), and
//   each clause is a quoted "property:text" joined by OR/AND; $count=true needs the header too.
// - $select names properties of `user` in the metadata (graph-v1.0-subset.json); any other is 400.
// - $top is 1–999 (Graph's 400 otherwise); more matches than $top give an @odata.nextLink.
// - the app token needs a User.* read role; with only User.ReadBasic.All Graph answers the basic
//   profile alone (displayName, givenName, id, mail, securityIdentifier, surname,
//   userPrincipalName): other selected properties are left out, as Graph leaves them out.
// The seeded people are SEED_PEOPLE (invented); nobody else exists in this directory.
import { SEED_PEOPLE, type SeedPerson } from '../directory/seed-people';
import type { GraphReply, GraphRequest, SandboxEnv } from '../graph-context';
import { JSON_CONTENT_TYPE } from '../graph-context';
import { GraphError, methodNotAllowed } from '../graph-errors';
import { propertiesOf } from '../graph-metadata';

const READ_ROLES = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const FULL_PROFILE_ROLES = READ_ROLES.filter((r) => r !== 'User.ReadBasic.All');
const BASIC_PROFILE = new Set(['displayName', 'givenName', 'id', 'mail', 'securityIdentifier', 'surname', 'userPrincipalName']);
/** Returned without $select (the user resource's "returned by default" properties). */
const DEFAULT_SELECT = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
/** Properties $search and startswith() accept on users (Graph's tokenised or prefix indexes). */
const SEARCHABLE = new Set(['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname']);
const MAX_TOP = 999;
const DEFAULT_TOP = 100;
const SUPPORTED_OPTIONS = new Set(['$search', '$filter', '$select', '$top', '$count', '$skiptoken']);

const unsupportedQuery = (message: string) => new GraphError(400, 'Request_UnsupportedQuery', message);

function graphUser(p: SeedPerson): Record<string, unknown> {
  return {
    id: p.id,
    businessPhones: [],
    displayName: p.displayName,
    givenName: p.givenName,
    surname: p.surname,
    jobTitle: p.jobTitle,
    department: p.department,
    mail: p.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-GB',
    userPrincipalName: p.mail,
    accountEnabled: true,
    userType: 'Member',
  };
}

/** /users with no id: the collection. */
export function handleUsers(env: SandboxEnv, req: GraphRequest): GraphReply {
  if (req.method !== 'GET') throw methodNotAllowed(req.method);
  const roles = requireReadRole(req);
  const q = req.query;
  for (const key of q.keys()) {
    if (key.startsWith('$') && !SUPPORTED_OPTIONS.has(key)) throw new GraphError(400, 'BadRequest', `The sandbox does not serve the query option '${key}' on /users.`);
  }
  const eventual = (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  const select = selectOf(q.get('$select'));
  const top = topOf(q.get('$top'));
  const count = countOf(q.get('$count'));
  if (count && !eventual) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');

  let people = [...SEED_PEOPLE];
  const search = q.get('$search');
  if (search !== null) {
    if (!eventual) throw unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    const match = searchMatcher(search);
    people = people.filter(match);
  }
  const filter = q.get('$filter');
  if (filter !== null) people = people.filter(filterMatcher(filter));

  const skip = skipOf(q.get('$skiptoken'));
  const page = people.slice(skip, skip + top);
  const body: Record<string, unknown> = { '@odata.context': `${env.graphUrl}/$metadata#users${select ? `(${select.join(',')})` : ''}` };
  if (count) body['@odata.count'] = people.length;
  if (skip + top < people.length) {
    const next = new URLSearchParams(q);
    next.set('$skiptoken', Buffer.from(`skip:${skip + top}`).toString('base64url'));
    body['@odata.nextLink'] = `${env.graphUrl}/users?${next.toString()}`;
  }
  body.value = page.map((p) => project(graphUser(p), select, roles));
  return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body };
}

/** /users/{id | userPrincipalName}: one user, or Graph's 404 Request_ResourceNotFound. */
export function handleUser(env: SandboxEnv, req: GraphRequest, idOrUpn: string): GraphReply {
  if (req.method !== 'GET') throw methodNotAllowed(req.method);
  const roles = requireReadRole(req);
  for (const key of req.query.keys()) {
    if (key.startsWith('$') && key !== '$select') throw new GraphError(400, 'BadRequest', `The sandbox does not serve the query option '${key}' on /users/{id}.`);
  }
  const select = selectOf(req.query.get('$select'));
  const key = idOrUpn.toLowerCase();
  const person = SEED_PEOPLE.find((p) => p.id.toLowerCase() === key || p.mail.toLowerCase() === key);
  if (!person) {
    throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
  }
  const body = { '@odata.context': `${env.graphUrl}/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`, ...project(graphUser(person), select, roles) };
  return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body };
}

function requireReadRole(req: GraphRequest): string[] {
  const roles = Array.isArray(req.claims.roles) ? req.claims.roles : [];
  if (!roles.some((r) => READ_ROLES.includes(r))) throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  return roles;
}

function project(user: Record<string, unknown>, select: string[] | null, roles: string[]): Record<string, unknown> {
  const full = roles.some((r) => FULL_PROFILE_ROLES.includes(r));
  const out: Record<string, unknown> = {};
  for (const name of select ?? DEFAULT_SELECT) {
    if (!full && !BASIC_PROFILE.has(name)) continue;
    out[name] = user[name] ?? null;
  }
  return out;
}

/** `$select=a,b`: every name a property of microsoft.graph.user (its base types' included). */
function selectOf(raw: string | null): string[] | null {
  if (raw === null) return null;
  const props = propertiesOf('user');
  const names = raw.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!props.has(name)) throw new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
  }
  return names;
}

function topOf(raw: string | null): number {
  if (raw === null) return DEFAULT_TOP;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOP) throw unsupportedQuery(`Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_TOP} inclusive.`);
  return n;
}

function countOf(raw: string | null): boolean {
  if (raw === null) return false;
  if (raw !== 'true' && raw !== 'false') throw new GraphError(400, 'BadRequest', `Invalid value '${raw}' for $count query option found. The $count query option requires a Boolean value.`);
  return raw === 'true';
}

function skipOf(raw: string | null): number {
  if (raw === null) return 0;
  const m = /^skip:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) throw new GraphError(400, 'Request_BadRequest', "Invalid paging token specified.");
  return Number(m[1]);
}

/** Graph's tokenised match: every word of the text starts a word of the value (names), or the value starts with it (addresses). */
function matches(person: SeedPerson, property: string, text: string): boolean {
  const value = String(graphUser(person)[property] ?? '').toLowerCase();
  const needle = text.toLowerCase().trim();
  if (needle === '') return false;
  if (property === 'mail' || property === 'userPrincipalName') return value.startsWith(needle) || value.split(/[.@_-]/).some((t) => t.startsWith(needle));
  const tokens = value.split(/[\s.,'-]+/).filter(Boolean);
  return needle.split(/\s+/).every((word) => tokens.some((t) => t.startsWith(word)));
}

/** `"displayName:av" OR "mail:av"`: quoted clauses joined by OR / AND (AND binds tighter). */
function searchMatcher(raw: string): (p: SeedPerson) => boolean {
  const syntax = (at: number) => new GraphError(400, 'Request_UnsupportedQuery', `Syntax error: character at position ${at} is not valid in $search; expected "property:text" clauses in double quotes joined by OR or AND.`);
  const token = /\s*("(?:[^"\\]|\\.)*"|OR\b|AND\b)\s*/y;
  const orGroups: ((p: SeedPerson) => boolean)[][] = [[]];
  let expectClause = true;
  token.lastIndex = 0;
  while (token.lastIndex < raw.length) {
    const at = token.lastIndex;
    const m = token.exec(raw);
    if (!m) throw syntax(at);
    const t = m[1]!;
    if (t === 'OR' || t === 'AND') {
      if (expectClause) throw syntax(at);
      if (t === 'OR') orGroups.push([]);
      expectClause = true;
      continue;
    }
    if (!expectClause) throw syntax(at);
    const inner = t.slice(1, -1).replace(/\\(.)/g, '$1');
    const colon = inner.indexOf(':');
    if (colon <= 0) throw syntax(at);
    const property = inner.slice(0, colon);
    const text = inner.slice(colon + 1);
    if (!SEARCHABLE.has(property)) throw unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`);
    orGroups[orGroups.length - 1]!.push((p) => matches(p, property, text));
    expectClause = false;
  }
  if (expectClause) throw syntax(raw.length);
  return (p) => orGroups.some((and) => and.every((fn) => fn(p)));
}

/** `startswith(displayName,'Av') or startswith(mail,'av')`, quotes doubled inside the literal. */
function filterMatcher(raw: string): (p: SeedPerson) => boolean {
  const clause = /^startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i;
  const parts = raw.trim().split(/\s+or\s+/i).map((part) => {
    const m = clause.exec(part.trim());
    if (!m) throw unsupportedQuery('Unsupported Query.');
    const [, property, literal] = m as unknown as [string, string, string];
    if (!SEARCHABLE.has(property)) throw unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`);
    const prefix = literal.replace(/''/g, "'").toLowerCase();
    return (p: SeedPerson) => String(graphUser(p)[property] ?? '').toLowerCase().startsWith(prefix);
  });
  return (p) => parts.some((fn) => fn(p));
}
