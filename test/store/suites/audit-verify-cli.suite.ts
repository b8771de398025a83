import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlAuditLog } from '../../../bot/adapters/store/sql-audit-log';
import type { Backend } from '../backends';

const ROOT = resolve(__dirname, '../../..');

function auditVerify(args: string[]): { code: number | null; out: unknown; stderr: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '' },
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return { code: r.status, out: line ? JSON.parse(line) : null, stderr: r.stderr };
}

/** npm run audit:verify: JSON on stdout; exit 0 intact, 1 tampered, 2 usage/connection. */
interface Target {
  open(): Promise<Database>;
  args: string[];
  missing: string[];
  cleanup(): Promise<void>;
}

async function target(backend: Backend): Promise<Target> {
  if (backend.name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-audit-'));
    return {
      open: () => openDatabase({ dataDir: dir }),
      args: ['--data-dir', dir],
      missing: ['--data-dir', join(dir, 'nope')],
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const fresh = await backend.fresh();
  await fresh.db.close();
  return { open: fresh.reopen, args: ['--database-url', fresh.url!], missing: ['--database-url', 'postgres://nobody@127.0.0.1:1/none'], cleanup: fresh.drop };
}

/** npm run audit:verify: JSON on stdout; exit 0 intact, 1 tampered, 2 usage/connection. */
export function auditVerifyCliSuite(backend: Backend): void {
  test('audit:verify exits 0 on an intact chain, 1 naming the edited entry, 2 without a database', async () => {
    const t = await target(backend);
    try {
      // Closed before each run: PGlite allows one process per folder.
      const db = await t.open();
      try {
        await migrate(db);
        const log = new SqlAuditLog(db, new ManualClock('2026-06-01T09:00:00.000Z'));
        for (const n of [1, 2, 3]) await log.append({ actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-cli', detail: { n } });
      } finally {
        await db.close();
      }

      const intact = auditVerify(t.args);
      expect(intact.code).toBe(0);
      expect(intact.out).toMatchObject({ ok: true, entries: 3 });

      const again = await t.open();
      try {
        await again.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET detail = '{"n":20}' WHERE seq = 2; ALTER TABLE audit_log ENABLE TRIGGER USER`);
      } finally {
        await again.close();
      }
      const tampered = auditVerify(t.args);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toMatchObject({ ok: false, entries: 3, firstBad: { seq: 2, problem: 'edited' } });

      expect(auditVerify(t.missing).code).toBe(2);
      expect(auditVerify(['--bogus']).code).toBe(2);
    } finally {
      await t.cleanup();
    }
  }, 120_000); // four tsx start-ups on a busy two-core machine
}
