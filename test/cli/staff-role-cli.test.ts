// `npm run staff:role`: set / list / remove on an embedded database folder, each change in the
// audit log as actor 'cli' (the chain still verifies with the same key), usage errors exit 2 and
// change nothing; one real spawn through tsx proves the process contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { verifyAuditChain } from '../../bot/adapters/store/sql-audit-log';
import { main, parseCommand } from '../../scripts/staff-role';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from '../../scripts/local/sandbox-defaults';
import { seedDataDir } from '../support/template-databases';

const root = join(__dirname, '../..');
const ID = '5eed0000-0000-4000-8000-000000000003';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'staff-role-'));
  await seedDataDir(dir, 'migrated'); // as openDatabase + migrate leave a new folder, without initdb
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => main([...args, '--data-dir', dir]);

async function auditRows() {
  const db = await openDatabase({ dataDir: dir });
  try {
    const rows = (await db.query<{ actor_id: string; action: string; detail: Record<string, unknown> }>("SELECT actor_id, action, detail FROM audit_log WHERE action LIKE 'staff-role.%' ORDER BY seq")).rows;
    return { rows, chain: await verifyAuditChain(db, LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY) };
  } finally {
    await db.close();
  }
}

test('set, list, remove: one JSON line each, audited as cli in a chain that still verifies', async () => {
  const set = await run('set', ID.toUpperCase(), 'clerk', '--agency', 'childrens-social-care');
  expect([set.code, set.stderr]).toEqual([0, '']);
  expect(JSON.parse(set.stdout)).toEqual({ set: { objectId: ID, role: 'clerk', agency: 'childrens-social-care', setBy: 'cli', setAt: expect.any(String) } });
  const list = await run('list');
  expect(JSON.parse(list.stdout).entries.map((e: { objectId: string; role: string }) => [e.objectId, e.role])).toEqual([[ID, 'clerk']]);
  const removed = await run('remove', ID);
  expect([removed.code, JSON.parse(removed.stdout)]).toEqual([0, { removed: true, objectId: ID }]);
  const again = await run('remove', ID);
  expect([again.code, again.stderr]).toEqual([1, `staff:role: ${ID} is not on the roster\n`]);

  const { rows, chain } = await auditRows();
  expect(rows.map((r) => [r.actor_id, r.action, r.detail.objectId])).toEqual([
    ['cli', 'staff-role.set', ID],
    ['cli', 'staff-role.removed', ID],
  ]);
  expect(chain.ok).toBe(true);
});

test.each([
  [['set', 'not-a-guid', 'clerk'], 'expected an Entra object id'],
  [['set', ID, 'family-member'], 'unknown role "family-member"'],
  [['set', ID, 'Clerk'], 'unknown role "Clerk"'],
  [['set', ID, 'chair', '--agency', 'moon'], 'unknown agency "moon"'],
  [['set', ID, 'chair', '--team', 'x'], 'unexpected'],
  [['list', 'extra'], 'list takes no arguments'],
  [['grant', ID], 'unknown command "grant"'],
  [[], 'give a command'],
])('usage error %j: exit 2, nothing written', async (args, message) => {
  const before = (await auditRows()).rows.length;
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(message);
  expect(r.stderr).toContain('usage: npm run staff:role');
  expect((await auditRows()).rows.length).toBe(before);
});

test('a PostgreSQL database needs the audit key given (the entries join its chain)', async () => {
  const saved = process.env.AUDIT_HMAC_KEY;
  delete process.env.AUDIT_HMAC_KEY;
  try {
    const r = await main(['list', '--database-url', 'postgres://nobody@127.0.0.1:1/none']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give the audit key');
  } finally {
    if (saved !== undefined) process.env.AUDIT_HMAC_KEY = saved;
  }
});

test('parseCommand lower-cases the id and keeps no agency when none is given', () => {
  expect(parseCommand(['set', ID.toUpperCase(), 'service-manager'])).toEqual({ kind: 'set', objectId: ID, role: 'service-manager', agency: null });
});

test('through the process (tsx, as npm run staff:role runs it)', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, ['scripts/staff-role.ts', 'set', ID, 'chair', '--data-dir', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, AUDIT_HMAC_KEY: '' } });
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(JSON.parse(r.stdout).set).toMatchObject({ objectId: ID, role: 'chair', agency: null, setBy: 'cli' });
  const bad = spawnSync(tsx, ['scripts/staff-role.ts', 'set', ID, 'wizard', '--data-dir', dir], { cwd: root, encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
});
