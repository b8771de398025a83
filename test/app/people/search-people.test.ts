// searchPeople / peopleTypeahead over the seeded StaticDirectory and the real SQL audit log: the
// asker must be in the directory (refusal audited), family members are never answered, and the
// typeahead's title prefers the job title over the agency.
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { SqlAuditLog } from '../../../bot/adapters/store/sql-audit-log';
import { AccessRefused } from '../../../bot/app/access/authorise';
import { peopleTypeahead, searchPeople, typeaheadChoice } from '../../../bot/app/people/search-people';
import type { Directory } from '../../../bot/app/ports/directory.port';
import { SEED_PEOPLE, seedPerson } from '../../../scripts/graph-sandbox/directory/seed-people';
import { TEST_AUDIT_KEY } from '../../store/fixtures';
import { StaticDirectory } from '../../support/static-directory';
import { migratedMemoryDatabase } from '../../support/template-databases';

let db: Database;
let audit: SqlAuditLog;
const clerk = seedPerson('clerk');
beforeAll(async () => {
  db = await migratedMemoryDatabase();
  audit = new SqlAuditLog(db, new ManualClock('2026-11-23T09:00:00.000Z'), TEST_AUDIT_KEY);
});
afterAll(() => db.close());

test('the typeahead title: name with job title, else with the agency label, else the name', () => {
  expect(typeaheadChoice({ id: 'x', displayName: 'A B', email: 'a@b', jobTitle: 'Health Visitor', agency: 'health', role: 'professional' })).toEqual({ title: 'A B (Health Visitor)', value: 'x' });
  expect(typeaheadChoice({ id: 'x', displayName: 'A B', email: 'a@b', agency: 'police', role: 'professional' }).title).toBe('A B (Police)');
  expect(typeaheadChoice({ id: 'x', displayName: 'A B', email: 'a@b', role: 'professional' }).title).toBe('A B');
});

test('a seeded clerk finds people; the typeahead answers the name and job title, and the object id', async () => {
  const directory = new StaticDirectory();
  const found = await searchPeople({ directory, audit }, clerk.id, 'Jordan', 10);
  expect(found.map((p) => p.id)).toEqual([seedPerson('social-worker').id]);
  const choices = await peopleTypeahead({ directory, audit }, clerk.id, 'sa', 100);
  expect(choices).toEqual(SEED_PEOPLE.filter((p) => [p.givenName, p.surname, p.mail].some((f) => f.toLowerCase().startsWith('sa'))).map((p) => ({ title: `${p.displayName} (${p.jobTitle})`, value: p.id })));
});

test('family members are never answered, even if a directory returned one', async () => {
  const inner = new StaticDirectory();
  const leaky: Directory = {
    get: (id) => inner.get(id),
    search: async (t, n) => (await inner.search(t, n)).map((p, i) => (i === 0 ? { ...p, role: 'family-member' as const } : p)),
  };
  const all = await inner.search('Ro', 5);
  expect(all.length).toBe(2);
  const found = await searchPeople({ directory: leaky, audit }, clerk.id, 'Ro', 5);
  expect(found.map((p) => p.id)).toEqual([all[1]!.id]);
});

test('an asker not in the directory is refused and audited, for short input too', async () => {
  const directory = new StaticDirectory();
  const stranger = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  await expect(peopleTypeahead({ directory, audit }, stranger, 'a', 15)).rejects.toBeInstanceOf(AccessRefused);
  await expect(searchPeople({ directory, audit }, undefined, 'Jordan', 5)).rejects.toMatchObject({ code: 'ACCESS.UNKNOWN_PERSON' });
  const rows = (await db.query<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'access.refused' ORDER BY seq")).rows;
  expect(rows.map((r) => r.actor_id)).toEqual([stranger, 'unknown']);
});
