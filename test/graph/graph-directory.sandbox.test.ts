// The Directory port's Graph adapter against the strict sandbox (GET /users with $search and the
// ConsistencyLevel header; GET /users/{id}) and a real SQL staff roster (PGlite): roles come from
// the roster, 'professional' by default; faults become DIRECTORY.UNAVAILABLE; 429 is retried.
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import type { GraphDirectoryAdapter } from '../../bot/adapters/graph/graph-directory.adapter';
import type { Database } from '../../bot/adapters/store/database';
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../../bot/adapters/store/sql-staff-roles';
import { DirectoryError } from '../../bot/app/ports/directory.port';
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { TEST_AUDIT_KEY } from '../store/fixtures';
import { type Harness, startHarness } from './sandbox-harness';
import { migratedMemoryDatabase } from '../support/template-databases';

let h: Harness;
let db: Database;
let roster: SqlStaffRoles;
let directory: GraphDirectoryAdapter;
let now = 0;

beforeAll(async () => {
  h = await startHarness();
  db = await migratedMemoryDatabase();
  const clock = new ManualClock('2026-11-23T09:00:00.000Z');
  roster = new SqlStaffRoles(db, new SqlAuditLog(db, clock, TEST_AUDIT_KEY), clock);
  directory = h.graph.directory(roster, { cacheMs: 1000, now: () => now });
});
afterAll(async () => {
  await h.stop();
  await db.close();
});
beforeEach(() => {
  h.sandbox.setFaults(undefined);
  h.clearLog();
  now += 10_000; // past every cached entry
});

const CLI = { id: 'cli', role: 'cli' };

async function expectCode(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DirectoryError);
  expect((err as DirectoryError).code).toBe(code);
}

describe('search', () => {
  it('asks Graph with $search on name and mail, the ConsistencyLevel header and the six properties', async () => {
    const chair = seedPerson('chair');
    const found = await directory.search(chair.givenName.slice(0, 3), 10);
    expect(found.map((p) => p.id)).toEqual([chair.id]);
    const [req] = h.graphRequests();
    expect(req!.method).toBe('GET');
    expect(req!.path).toBe('/v1.0/users');
    expect(req!.headers.consistencylevel).toBe('eventual');
    expect(req!.query.$search).toBe(`"displayName:${chair.givenName.slice(0, 3)}" OR "mail:${chair.givenName.slice(0, 3)}"`);
    expect(req!.query.$select).toBe('id,displayName,mail,userPrincipalName,jobTitle,department');
  });

  it('maps mail to email; role and agency come from the roster, professional and no agency when unlisted', async () => {
    const clerk = seedPerson('clerk');
    const police = SEED_PEOPLE.find((p) => p.agency === 'police')!;
    await roster.set({ objectId: clerk.id, role: 'clerk', agency: 'childrens-social-care' }, CLI);
    const [asClerk] = await directory.search(clerk.displayName, 5);
    // The sandbox's app token holds User.ReadBasic.All: the basic profile, so no job title.
    expect(asClerk).toEqual({ id: clerk.id, displayName: clerk.displayName, email: clerk.mail, agency: 'childrens-social-care', role: 'clerk' });
    const [unlisted] = await directory.search(police.mail, 5);
    expect(unlisted).toEqual({ id: police.id, displayName: police.displayName, email: police.mail, role: 'professional' });
    await roster.remove(clerk.id, CLI);
    expect((await directory.search(clerk.displayName, 5))[0]!.role).toBe('professional');
  });

  it('a name with quotes or backslashes is escaped inside the clause (Graph accepts it; nobody matches)', async () => {
    expect(await directory.search('O"Brien \\ x', 5)).toEqual([]);
    expect(h.graphRequests()[0]!.query.$search).toBe('"displayName:O\\"Brien \\\\ x" OR "mail:O\\"Brien \\\\ x"');
  });

  it('fewer than 2 characters is DIRECTORY.QUERY_INVALID and Graph is not called', async () => {
    await expectCode(directory.search(' a ', 5), 'DIRECTORY.QUERY_INVALID');
    await expectCode(directory.search('ab', 0), 'DIRECTORY.QUERY_INVALID');
    expect(h.graphRequests()).toEqual([]);
  });

  it('answers at most `limit` people (asking Graph for a few more, to drop guests)', async () => {
    const three = await directory.search('sandbox', 3);
    expect(three.map((p) => p.id)).toEqual(SEED_PEOPLE.slice(0, 3).map((p) => p.id));
    expect(h.graphRequests()[0]!.query.$top).toBe('8');
  });
});

describe('get', () => {
  it('one person by object id, the roster role applied; someone not in the directory is null', async () => {
    const sw = seedPerson('social-worker');
    await roster.set({ objectId: sw.id, role: 'social-worker', agency: 'childrens-social-care' }, CLI);
    expect(await directory.get(sw.id.toUpperCase())).toEqual({ id: sw.id, displayName: sw.displayName, email: sw.mail, agency: 'childrens-social-care', role: 'social-worker' });
    expect(await directory.get('00000000-0000-4000-8000-00000000dead')).toBeNull();
    expect(h.graphRequests().map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/users/${sw.id}`, 200],
      ['/v1.0/users/00000000-0000-4000-8000-00000000dead', 404],
    ]);
  });

  it('an id that is not an object id (a Teams id) is nobody, without a Graph call', async () => {
    expect(await directory.get('29:1a2b3c')).toBeNull();
    expect(await directory.get('../me')).toBeNull();
    expect(h.graphRequests()).toEqual([]);
  });

  it('keeps a looked-up user for the cache period, while roster changes apply at once', async () => {
    const tm = seedPerson('team-manager');
    expect((await directory.get(tm.id))!.role).toBe('professional');
    await roster.set({ objectId: tm.id, role: 'team-manager', agency: null }, CLI);
    expect((await directory.get(tm.id))!.role).toBe('team-manager');
    expect(h.graphRequests()).toHaveLength(1);
    now += 1001;
    await directory.get(tm.id);
    expect(h.graphRequests()).toHaveLength(2);
  });
});

describe('Graph failures', () => {
  it('429 is retried by the client; the answer arrives', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'throttle', path: '^/v1\\.0/users$', nth: [1], retryAfterSeconds: 0 }] });
    const found = await directory.search(seedPerson('chair').displayName, 5);
    expect(found).toHaveLength(1);
    expect(h.graphRequests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('an outage is DIRECTORY.UNAVAILABLE, for search and get', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'unavailable', path: '^/v1\\.0/users', retryAfterSeconds: 0 }] });
    await expectCode(directory.search('Avery', 5), 'DIRECTORY.UNAVAILABLE');
    await expectCode(directory.get(SEED_PEOPLE[13]!.id), 'DIRECTORY.UNAVAILABLE');
  });

  it('a refused token (no User.* role) is DIRECTORY.UNAVAILABLE too, naming the status, never the person', async () => {
    const other = await startHarness({ clients: [{ clientId: 'c11e0000-0000-4000-8000-000000000001', clientSecret: 'sandbox-client-secret', roles: ['Mail.Send'] }] });
    try {
      const d = other.graph.directory(roster);
      const err = await d.search('Avery', 5).catch((e: unknown) => e as DirectoryError);
      expect(err).toBeInstanceOf(DirectoryError);
      expect(err).toMatchObject({ code: 'DIRECTORY.UNAVAILABLE', details: { graphStatus: 403, graphCode: 'Authorization_RequestDenied' } });
      expect((err as Error).message).not.toContain('Avery');
    } finally {
      await other.stop();
    }
  });
});
