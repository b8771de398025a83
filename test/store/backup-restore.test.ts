// Backup and restore as docs/operations.md tells the operator: a PostgreSQL database filled through
// the product's adapters is dumped with pg_dump (custom format), restored with pg_restore into a
// fresh database on the same server, and the real `npm run audit:verify` checks the restored chain
// against the head written from the original (--write-head / --expect-head-file): it verifies and
// its head is the original's. A restore tampered with afterwards fails (exit 1). Needs a PostgreSQL
// server (TEST_DATABASE_URL; scripts/with-postgres.sh, the postgres leg of npm test) and its
// pg_dump and pg_restore of the same major version.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import type { Database } from '../../bot/adapters/store/database';
import { migrate } from '../../bot/adapters/store/migrate';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlStaffRoles } from '../../bot/adapters/store/sql-staff-roles';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import { BACKENDS } from './backends';
import { sampleConference, TEST_AUDIT_KEY, TEST_AUDIT_KEY_HEX } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const postgres = BACKENDS.find((b) => b.name === 'postgres');
if (!postgres) console.log('backup-restore.test.ts skipped: TEST_DATABASE_URL is not set (run it under scripts/with-postgres.sh)');
const maybe = postgres ? describe : describe.skip;

/** The client tools of the server's own major version (Debian keeps one bin folder per version). */
function clientTool(name: 'pg_dump' | 'pg_restore', major: number): string {
  const debian = `/usr/lib/postgresql/${major}/bin/${name}`;
  if (existsSync(debian)) return debian;
  const onPath = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && new RegExp(`\\) ${major}\\.`).test(onPath.stdout)) return name;
  throw new Error(`no ${name} of PostgreSQL ${major} (${debian}, or on PATH)`);
}

function auditVerify(url: string, args: string[]): { code: number | null; out: Record<string, unknown> } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts', '--database-url', url, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', AUDIT_HMAC_KEY: TEST_AUDIT_KEY_HEX },
    timeout: 60_000,
  });
  return { code: r.status, out: JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null') as Record<string, unknown> };
}

maybe('backup (pg_dump) and restore (pg_restore), then audit:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-backup-'));
  let source: Awaited<ReturnType<NonNullable<typeof postgres>['fresh']>>;
  let target: Awaited<ReturnType<NonNullable<typeof postgres>['fresh']>>;
  let restored: Database | undefined;

  beforeAll(async () => {
    source = await postgres!.fresh();
    target = await postgres!.fresh();
    await migrate(source.db);
  }, 60_000);
  afterAll(async () => {
    await restored?.close();
    await source?.db.close();
    await target?.drop();
    await source?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the restored database verifies with the original head; a tampered restore does not', async () => {
    // Filled through the product's adapters: conferences with their audit entries, a clerk alert, a roster change.
    const db = source.db;
    const clock = new ManualClock('2026-11-02T09:00:00.000Z');
    const audit = new SqlAuditLog(db, clock, TEST_AUDIT_KEY);
    const store = new SqlConferenceStore(db);
    const uow = new SqlUnitOfWork(db);
    for (const id of ['conf-1', 'conf-2', 'conf-3']) {
      await uow.run(async (tx) => {
        await store.create(sampleConference(id), tx);
        await audit.append({ actorId: 'clerk-1', actorRole: 'clerk', action: 'conference.created', conferenceId: id, detail: { kind: 'ICPC' } }, tx);
      });
      clock.advance(60_000);
    }
    await new SqlClerkAlerts(db, audit, clock).alertClerk({ conferenceId: 'conf-2', code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'warning', detail: { options: 1 } });
    await new SqlStaffRoles(db, audit, clock).set({ objectId: '5eed0000-0000-4000-8000-000000000001', role: 'chair', agency: null }, { id: 'cli', role: 'cli' });

    const head = join(dir, 'head.json');
    const original = auditVerify(source.url!, ['--write-head', head]);
    expect(original).toMatchObject({ code: 0, out: { ok: true, entries: 5 } });

    const major = Math.floor(Number((await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10_000);
    const dump = join(dir, 'cpc.dump');
    execFileSync(clientTool('pg_dump', major), ['--format=custom', `--file=${dump}`, `--dbname=${source.url}`], { stdio: 'pipe' });
    await target.db.close();
    execFileSync(clientTool('pg_restore', major), ['--exit-on-error', `--dbname=${target.url}`, dump], { stdio: 'pipe' });

    // The restored chain verifies, and its head is exactly the one written from the original.
    const verified = auditVerify(target.url!, ['--expect-head-file', head]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatchObject({ ok: true, entries: 5, headSeq: original.out.headSeq, headHash: original.out.headHash, anchor: { status: 'match' } });
    expect(JSON.parse(readFileSync(head, 'utf8'))).toMatchObject({ seq: 5, hash: original.out.headHash });
    restored = await openDatabase({ databaseUrl: target.url!, dataDir: ':memory:' });
    expect((await restored.query<{ n: string }>('SELECT count(*)::text AS n FROM conferences')).rows[0]!.n).toBe('3');
    // The append-only triggers came back with the data.
    await expect(restored.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);

    // An entry edited in the restored copy (as its owner, triggers off): audit:verify exits 1 and names it.
    await restored.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET detail = '{"kind":"RCPC"}'::jsonb WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER USER;`);
    const tampered = auditVerify(target.url!, ['--expect-head-file', head]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'edited' } });
  }, 120_000);
});
