// People over real HTTP, against the real Graph sandbox (its /users) and the real SQL staff roster:
// GET /api/v1/people after a local dev sign-in, and the cards' typeahead (application/search
// invokes on /api/messages). The bot is configured as the launcher configures it, pointed at the
// sandbox; the roster is seeded as the launcher seeds it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { SqlAuditLog, verifyAuditChain } from '../../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../../bot/adapters/store/sql-staff-roles';
import { viewerOf } from '../../bot/app/access/viewer-of';
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY, LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { seedStaffRoster } from '../../scripts/local/seed-staff-roster';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { searchInvoke } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';

const STRANGER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const chair = seedPerson('chair');
const clerk = seedPerson('clerk');
const police = SEED_PEOPLE.find((p) => p.agency === 'police')!;

let h: Harness;
let bot: TestServer;
let dir: string;
let roster: SqlStaffRoles;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'people-http-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, h.sandbox.caCertPem!);
  bot = await startTestServer({ env: { GRAPH_BASE_URL: h.sandbox.graphUrl, GRAPH_AUTHORITY_HOST: h.sandbox.url, GRAPH_CA_FILE: caFile } });
  roster = new SqlStaffRoles(bot.db, new SqlAuditLog(bot.db, systemClock, LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY), systemClock);
  expect(await seedStaffRoster(roster)).toBe(SEED_PEOPLE.length);
  expect(await seedStaffRoster(roster)).toBe(0);
});
afterAll(async () => {
  await bot.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.sandbox.setFaults(undefined);
  h.clearLog();
});

async function tokenFor(userId: string): Promise<string> {
  const res = await bot.post('/api/v1/dev/sign-in', { userId });
  expect(res.status).toBe(200);
  return (res.json as { accessToken: string }).accessToken;
}

async function get(path: string, token: string) {
  const res = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const refusals = async (actorId: string) =>
  (await bot.db.query<{ detail: { attempted: string; code: string } }>("SELECT detail FROM audit_log WHERE action = 'access.refused' AND actor_id = $1 ORDER BY seq", [actorId])).rows.map((r) => r.detail);

describe('GET /api/v1/people', () => {
  it('a seeded person signs in and searches: id, name, e-mail, job title, agency and the roster role', async () => {
    const token = await tokenFor(clerk.id);
    const res = await get(`/api/v1/people?q=${encodeURIComponent(chair.givenName)}`, token);
    expect(res.status).toBe(200);
    // The sandbox app holds User.ReadBasic.All (the basic profile): no job title from Graph.
    expect(res.json).toEqual({ people: [{ id: chair.id, displayName: chair.displayName, email: chair.mail, jobTitle: null, agency: 'childrens-social-care', role: 'chair' }] });
    const graph = h.graphRequests();
    expect(graph.map((r) => [r.path, r.headers.consistencylevel ?? null])).toEqual([
      [`/v1.0/users/${clerk.id}`, null],
      ['/v1.0/users', 'eventual'],
    ]);
  });

  it('someone the roster does not list is a professional with no agency; the roster is read on every request', async () => {
    const token = await tokenFor(clerk.id);
    await roster.remove(police.id, { id: 'cli', role: 'cli' });
    try {
      const res = await get(`/api/v1/people?q=${encodeURIComponent(police.mail)}&top=1`, token);
      expect(res.json).toEqual({ people: [{ id: police.id, displayName: police.displayName, email: police.mail, jobTitle: null, agency: null, role: 'professional' }] });
    } finally {
      await roster.set({ objectId: police.id, role: 'professional', agency: 'police' }, { id: 'cli', role: 'cli' });
    }
  });

  it('the signed-in caller\'s viewer is their roster role', async () => {
    const directory = h.graph.directory(roster);
    expect(await viewerOf(directory, clerk.id)).toEqual({ id: clerk.id, role: 'clerk', email: clerk.mail });
    expect(await viewerOf(directory, seedPerson('service-manager').id)).toMatchObject({ role: 'service-manager' });
    expect(await viewerOf(directory, STRANGER)).toBeNull();
  });

  it('a caller not in the directory is refused (403 ACCESS.UNKNOWN_PERSON), audited, even with app roles in the token', async () => {
    const signIn = await get('/api/v1/people?q=Av', await tokenFor(STRANGER));
    expect(signIn.status).toBe(403);
    expect(signIn.json).toEqual({ error: { code: 'ACCESS.UNKNOWN_PERSON', message: expect.any(String), details: null } });
    // A token with app roles named like product roles: the roster is the one source, so they grant nothing.
    const key = LOCAL_MODE.localApiKey;
    const iat = Math.floor(Date.now() / 1000);
    const withRoles = await new SignJWT({ oid: STRANGER, tid: key.tenantId, scp: 'access_as_user', roles: ['Clerk', 'Chair', 'SocialWorker'] })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(key.issuer)
      .setAudience(key.audience)
      .setSubject(STRANGER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(await importJWK(key.privateJwk as JWK, key.alg));
    const me = await get('/api/v1/me', withRoles);
    expect(me.json.roles).toEqual(['Clerk', 'Chair', 'SocialWorker']);
    const res = await get('/api/v1/people?q=Av', withRoles);
    expect([res.status, (res.json.error as { code: string }).code]).toEqual([403, 'ACCESS.UNKNOWN_PERSON']);
    expect(await refusals(STRANGER)).toEqual([
      { attempted: 'people.search', code: 'ACCESS.UNKNOWN_PERSON' },
      { attempted: 'people.search', code: 'ACCESS.UNKNOWN_PERSON' },
    ]);
  });

  it.each([
    ['q=A', 'q'],
    ['q=%20%20A%20', 'q'],
    ['', 'q'],
    ['q=Avery&top=0', 'top'],
    ['q=Avery&top=51', 'top'],
    ['q=Avery&role=chair', ''],
  ])('a bad query (%s) is 400 API.INVALID_REQUEST naming the field, and Graph is not called', async (query, field) => {
    const res = await get(`/api/v1/people?${query}`, await tokenFor(clerk.id));
    expect(res.status).toBe(400);
    const error = res.json.error as { code: string; details: { issues: { path: string }[] } };
    expect(error.code).toBe('API.INVALID_REQUEST');
    expect(error.details.issues.map((i) => i.path)).toContain(field);
    expect(h.graphRequests().filter((r) => r.path === '/v1.0/users')).toEqual([]);
  });

  it('Graph down is 503 DIRECTORY.UNAVAILABLE (after the client\'s retries)', async () => {
    const token = await tokenFor(clerk.id);
    await get(`/api/v1/people?q=${chair.givenName}`, token); // the caller is now cached
    h.sandbox.setFaults({ rules: [{ kind: 'unavailable', path: '^/v1\\.0/users$', retryAfterSeconds: 0 }] });
    const res = await get(`/api/v1/people?q=${chair.givenName}`, token);
    expect(res.status).toBe(503);
    expect((res.json.error as { code: string }).code).toBe('DIRECTORY.UNAVAILABLE');
    expect(JSON.stringify(res.json)).not.toContain(chair.displayName);
  });

  it('a Graph client that cannot be made (its CA file unreadable) is DIRECTORY.UNAVAILABLE, not an internal error', async () => {
    const broken = await startTestServer({ env: { GRAPH_BASE_URL: h.sandbox.graphUrl, GRAPH_AUTHORITY_HOST: h.sandbox.url, GRAPH_CA_FILE: join(dir, 'missing.pem') }, deps: { shutdownGraceMs: 200 } });
    try {
      const signIn = await broken.post('/api/v1/dev/sign-in', { userId: clerk.id });
      const token = (signIn.json as { accessToken: string }).accessToken;
      const res = await fetch(`${broken.url}/api/v1/people?q=Av`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DIRECTORY.UNAVAILABLE');
    } finally {
      await broken.close();
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = await get('/api/v1/openapi.json', await tokenFor(clerk.id));
    const paths = doc.json.paths as Record<string, { get?: { operationId: string } }>;
    expect(paths['/api/v1/people']?.get?.operationId).toBe('searchPeople');
  });
});

describe('typeahead (application/search, dataset "people")', () => {
  const serviceUrl = 'http://127.0.0.1:9/';
  const search = (text: string, asker: string, dataset = 'people', queryOptions?: { skip?: number; top?: number }) =>
    bot.post('/api/messages', searchInvoke(text, dataset, { serviceUrl, aadObjectId: asker }, queryOptions));

  it('answers Teams\' searchResponse: title is the name with the job title or agency, value the Entra id', async () => {
    const res = await search(clerk.givenName.slice(0, 3), chair.id);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: `${clerk.displayName} (Children's social care)`, value: clerk.id }] },
    });
  });

  it('honours queryOptions.top, at most 15', async () => {
    const three = await search('sandbox', chair.id, 'people', { skip: 0, top: 3 });
    expect((three.json as { value: { results: unknown[] } }).value.results).toHaveLength(3);
    const all = await search('sandbox', chair.id, 'people', { top: 100 });
    expect((all.json as { value: { results: unknown[] } }).value.results).toHaveLength(SEED_PEOPLE.length);
    expect(h.graphRequests().filter((r) => r.path === '/v1.0/users').map((r) => r.query.$top)).toEqual(['8', '20']);
  });

  it('fewer than 2 characters answers no choices and does not search', async () => {
    for (const text of ['', 'A']) {
      const res = await search(text, chair.id);
      expect(res.json).toEqual({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } });
    }
    const noText = await bot.post('/api/messages', { ...searchInvoke('', 'people', { serviceUrl, aadObjectId: chair.id }), value: { dataset: 'people' } });
    expect(noText.json).toEqual({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } });
    expect(h.graphRequests().filter((r) => r.path === '/v1.0/users')).toEqual([]);
  });

  it('an asker not in the directory gets the error answer (400, ACCESS.UNKNOWN_PERSON), audited', async () => {
    const asker = 'bbbbbbbb-1111-4222-8333-444444444444';
    const res = await search('Cas', asker);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'ACCESS.UNKNOWN_PERSON', message: expect.stringMatching(/directory/) } });
    expect(await refusals(asker)).toEqual([{ attempted: 'people.search', code: 'ACCESS.UNKNOWN_PERSON' }]);
  });

  it('a dataset the bot does not serve, or a malformed value, is 400 CARD.UNKNOWN_DATASET', async () => {
    const res = await search('Cas', chair.id, 'npm');
    expect(res.status).toBe(400);
    expect((res.json as { value: { code: string } }).value.code).toBe('CARD.UNKNOWN_DATASET');
    const malformed = await bot.post('/api/messages', { ...searchInvoke('x', 'people', { serviceUrl, aadObjectId: chair.id }), value: { queryText: 3 } });
    expect((malformed.json as { value: { code: string } }).value.code).toBe('CARD.UNKNOWN_DATASET');
  });

  it('Graph down: the error answer (500, DIRECTORY.UNAVAILABLE)', async () => {
    await search('Cas', chair.id); // the asker is now cached
    h.sandbox.setFaults({ rules: [{ kind: 'unavailable', path: '^/v1\\.0/users$', retryAfterSeconds: 0 }] });
    const res = await search('Cas', chair.id);
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'DIRECTORY.UNAVAILABLE', message: expect.any(String) } });
  });

  it('keystrokes are not stored with the idempotency keys (read-only), and the audit chain still verifies', async () => {
    const before = (await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n;
    await search('Jor', chair.id);
    await search('Jor', chair.id);
    const after = (await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n;
    expect(after).toBe(before);
    expect((await verifyAuditChain(bot.db, LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY)).ok).toBe(true);
  });
});
