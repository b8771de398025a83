// The sandbox's directory (GET /users, GET /users/{id}) over real HTTP: what Graph answers, and
// each refusal Graph makes, with its status and code.
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { DEFAULT_CLIENT } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { type Json, type Kit, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit({
    clients: [
      DEFAULT_CLIENT,
      { clientId: 'c11e0000-0000-4000-8000-0000000000aa', clientSecret: 'full-profile', roles: ['User.Read.All'] },
      { clientId: 'c11e0000-0000-4000-8000-0000000000bb', clientSecret: 'no-directory', roles: ['Mail.Send'] },
    ],
  });
});
afterAll(async () => kit.stop());

const EVENTUAL = { consistencylevel: 'eventual' };
const users = (query: string, headers: Record<string, string> = EVENTUAL) => kit.call('GET', `/users?${query}`, undefined, headers);
const search = (text: string) => `$search=${encodeURIComponent(text)}`;
const ids = (r: { json: Json }) => (r.json.value as { id: string }[]).map((u) => u.id);

async function asClient(clientId: string, clientSecret: string, path: string, headers: Record<string, string> = EVENTUAL) {
  const token = await kit.token(undefined, { clientId, clientSecret });
  return kit.call('GET', path, undefined, { authorization: `Bearer ${token}`, ...headers });
}

describe('$search', () => {
  test('"displayName:…" OR "mail:…" finds people by a word of their name or the start of their address', async () => {
    const chair = seedPerson('chair');
    const byFirst = await users(`${search(`"displayName:${chair.givenName.slice(0, 3)}" OR "mail:${chair.givenName.slice(0, 3)}"`)}&$select=id,displayName`);
    expect(byFirst.status).toBe(200);
    expect(ids(byFirst)).toEqual([chair.id]);
    expect(byFirst.json['@odata.context']).toBe(`${kit.sandbox.graphUrl}/$metadata#users(id,displayName)`);
    const bySurname = await users(search(`"displayName:${chair.surname.toLowerCase()}"`));
    expect(ids(bySurname)).toEqual([chair.id]);
    const byMail = await users(search(`"mail:${chair.mail.slice(0, 8)}"`));
    expect(ids(byMail)).toEqual([chair.id]);
    const none = await users(search('"displayName:zzzz"'));
    expect(none.json.value).toEqual([]);
  });

  test('without ConsistencyLevel: eventual Graph refuses $search (400 Request_UnsupportedQuery)', async () => {
    const r = await users(search('"displayName:av"'), {});
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('Request_UnsupportedQuery');
    expect(r.json.error.message).toBe("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    expect(r.json.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test.each([
    ['unquoted clause', 'displayName:av'],
    ['dangling OR', '"displayName:av" OR'],
    ['two clauses without OR/AND', '"displayName:av" "mail:av"'],
    ['no property', '"av"'],
  ])('a malformed $search (%s) is 400 Request_UnsupportedQuery', async (_name, text) => {
    const r = await users(search(text));
    expect([r.status, r.json.error.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });

  test('a property that is not searchable is refused', async () => {
    const r = await users(search('"jobTitle:chair"'));
    expect([r.status, r.json.error.code]).toEqual([400, 'Request_UnsupportedQuery']);
    expect(r.json.error.message).toContain("property 'jobTitle'");
  });

  test('AND narrows, quotes inside a clause are escaped', async () => {
    const p = SEED_PEOPLE[0]!;
    const both = await users(search(`"displayName:${p.givenName}" AND "displayName:${p.surname}"`));
    expect(ids(both)).toEqual([p.id]);
    const other = SEED_PEOPLE[1]!;
    const mismatch = await users(search(`"displayName:${p.givenName}" AND "displayName:${other.surname}"`));
    expect(ids(mismatch)).toEqual([]);
    const quoted = await users(search('"displayName:o\\"brien"'));
    expect(quoted.status).toBe(200);
  });
});

describe('$filter, $select, $top, $count', () => {
  test("startswith(displayName,'…') matches the start of the whole name, case-insensitively, without the header", async () => {
    const p = SEED_PEOPLE[2]!;
    const r = await users(`$filter=${encodeURIComponent(`startswith(displayName,'${p.displayName.slice(0, 4).toUpperCase()}')`)}`, {});
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([p.id]);
    const bySurname = await users(`$filter=${encodeURIComponent(`startswith(displayName,'${p.surname}')`)}`, {});
    expect(ids(bySurname)).toEqual([]);
    const odd = await users(`$filter=${encodeURIComponent("displayName eq 'x'")}`, {});
    expect([odd.status, odd.json.error.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });

  test('$select names properties of microsoft.graph.user; anything else is 400', async () => {
    const ok = await users('$select=id,displayName,mail,userPrincipalName,jobTitle,department&$top=1', {});
    expect(ok.status).toBe(200);
    const bad = await users('$select=id,role', {});
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'BadRequest', message: "Could not find a property named 'role' on type 'microsoft.graph.user'." });
  });

  test('with only User.ReadBasic.All the basic profile comes back; jobTitle and department need User.Read.All', async () => {
    const p = SEED_PEOPLE[0]!;
    const select = '$select=id,displayName,mail,userPrincipalName,jobTitle,department';
    const basic = await users(`${select}&$filter=${encodeURIComponent(`startswith(displayName,'${p.displayName}')`)}`, {});
    expect(basic.json.value).toEqual([{ id: p.id, displayName: p.displayName, mail: p.mail, userPrincipalName: p.mail }]);
    const full = await asClient('c11e0000-0000-4000-8000-0000000000aa', 'full-profile', `/users/${p.id}?${select}`, {});
    expect(full.status).toBe(200);
    expect(full.json).toEqual({
      '@odata.context': `${kit.sandbox.graphUrl}/$metadata#users(id,displayName,mail,userPrincipalName,jobTitle,department)/$entity`,
      id: p.id, displayName: p.displayName, mail: p.mail, userPrincipalName: p.mail, jobTitle: p.jobTitle, department: p.department,
    });
  });

  test('a token without a User.* read role is refused (403 Authorization_RequestDenied)', async () => {
    const r = await asClient('c11e0000-0000-4000-8000-0000000000bb', 'no-directory', '/users?$top=1', {});
    expect([r.status, r.json.error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });

  test('$top is 1–999; more matches than $top give an @odata.nextLink that pages on', async () => {
    for (const top of ['0', '1000', 'ten']) {
      const r = await users(`$top=${top}`, {});
      expect([top, r.status, r.json.error.code]).toEqual([top, 400, 'Request_UnsupportedQuery']);
    }
    expect((await users('$top=999', {})).status).toBe(200);
    const first = await users('$top=10&$select=id', {});
    expect(first.json.value).toHaveLength(10);
    const next = new URL(first.json['@odata.nextLink'] as string);
    const rest = await kit.call('GET', `${next.pathname.replace(/^\/v1\.0/, '')}${next.search}`);
    expect([...ids(first), ...ids(rest)]).toEqual(SEED_PEOPLE.map((p) => p.id));
    expect(rest.json['@odata.nextLink']).toBeUndefined();
  });

  test('$count=true needs ConsistencyLevel: eventual, and counts every match', async () => {
    const without = await users('$count=true', {});
    expect([without.status, without.json.error.code]).toEqual([400, 'Request_BadRequest']);
    const counted = await users(`$count=true&$top=2&${search('"displayName:a"')}`);
    expect(counted.status).toBe(200);
    expect(counted.json['@odata.count']).toBeGreaterThan(2);
    expect(counted.json.value).toHaveLength(2);
  });
});

describe('GET /users/{id}', () => {
  test('by object id or by userPrincipalName; the default properties without $select', async () => {
    const p = seedPerson('clerk');
    const byId = await kit.call('GET', `/users/${p.id}`);
    expect(byId.status).toBe(200);
    expect(Object.keys(byId.json).sort()).toEqual(['@odata.context', 'displayName', 'givenName', 'id', 'mail', 'surname', 'userPrincipalName']);
    const byUpn = await kit.call('GET', `/users/${encodeURIComponent(p.mail)}?$select=id`);
    expect(byUpn.json.id).toBe(p.id);
    const keyed = await kit.call('GET', `/users('${p.id}')?$select=id`);
    expect(keyed.json.id).toBe(p.id);
  });

  test('someone not in the directory is 404 Request_ResourceNotFound', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    const r = await kit.call('GET', `/users/${missing}`);
    expect(r.status).toBe(404);
    expect(r.json.error).toMatchObject({ code: 'Request_ResourceNotFound', message: `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.` });
  });

  test('only GET', async () => {
    const r = await kit.call('PATCH', `/users/${SEED_PEOPLE[0]!.id}`, { jobTitle: 'x' });
    expect(r.status).toBe(405);
  });
});
