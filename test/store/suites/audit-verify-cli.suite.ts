// npm run audit:verify, spawned for real: JSON on stdout; exit 0 intact, 1 tampered, 2 usage,
// connection, or a key that does not fit. Each test builds a five-entry chain with the test key,
// tampers with it as the table owner with the triggers off (what a database user with DDL rights
// can do), and checks what the script reports, alone and against an expected head.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import { auditKeyId, canonicalJson, GENESIS_HASH } from '../../../bot/adapters/store/audit-chain';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlAuditLog } from '../../../bot/adapters/store/sql-audit-log';
import type { Backend } from '../backends';
import { TEST_AUDIT_KEY, TEST_AUDIT_KEY_HEX } from '../fixtures';
import { seedDataDir } from '../../support/template-databases';

const ROOT = resolve(__dirname, '../../..');
const OTHER_KEY_HEX = 'ab'.repeat(32);
const TIMEOUT = 180_000; // several tsx start-ups per test on a busy two-core machine

function auditVerify(args: string[], env: Record<string, string> = {}): { code: number | null; out: Record<string, unknown> | null; stderr: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/audit-verify.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', AUDIT_HMAC_KEY: TEST_AUDIT_KEY_HEX, ...env },
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return { code: r.status, out: line ? (JSON.parse(line) as Record<string, unknown>) : null, stderr: r.stderr };
}

interface Target {
  open(): Promise<Database>;
  args: string[];
  missing: string[];
  cleanup(): Promise<void>;
}

async function target(backend: Backend): Promise<Target> {
  if (backend.name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-audit-'));
    await seedDataDir(dir, 'empty'); // as a first open leaves it, without initdb
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

/** As the owner with every audit trigger off: runs `sql`, then puts the triggers back. */
const asOwner = (sql: string) => `ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;
  ${sql};
  ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_head ENABLE TRIGGER USER;`;

const forgedRow = (seq: number, prevHash: string, hash: string) =>
  `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, conference_id, detail, prev_hash, hash)
   VALUES (${seq}, '2026-06-01T09:30:00.000Z', 'system', 'bot', 'test.step', 'conf-cli', '{"n":99}', '${prevHash}', '${hash}')`;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function auditVerifyCliSuite(backend: Backend): void {
  describe('audit:verify', () => {
    let t: Target;
    let heads: string;
    beforeAll(async () => {
      t = await target(backend);
      heads = mkdtempSync(join(tmpdir(), 'cpc-heads-'));
    });
    afterAll(async () => {
      await t.cleanup();
      rmSync(heads, { recursive: true, force: true });
    });

    /**
     * A fresh chain of `n` entries (same clock and key, so the same hashes every time), then
     * `tamper(h)` with h[seq] the genuine hashes. Closed before the script runs: PGlite allows
     * one process per folder.
     */
    async function chain(n: number, tamper?: (h: string[]) => string): Promise<string[]> {
      const db = await t.open();
      try {
        await migrate(db);
        await db.exec(asOwner("TRUNCATE audit_log; UPDATE audit_head SET seq = 0, hash = repeat('0', 64)"));
        const log = new SqlAuditLog(db, new ManualClock('2026-06-01T09:00:00.000Z'), TEST_AUDIT_KEY);
        const h = [GENESIS_HASH];
        for (let i = 1; i <= n; i++) h.push((await log.append({ actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-cli', detail: { n: i } })).hash);
        if (tamper) await db.exec(asOwner(tamper(h)));
        return h;
      } finally {
        await db.close();
      }
    }

    test('an intact chain exits 0, and --write-head records its head for the next run', async () => {
      const h = await chain(5);
      const file = join(heads, 'head.json');
      const intact = auditVerify([...t.args, '--write-head', file]);
      expect(intact.code).toBe(0);
      expect(intact.out).toEqual({ ok: true, entries: 5, headSeq: 5, headHash: h[5] });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ seq: 5, hash: h[5], keyId: auditKeyId(TEST_AUDIT_KEY) });

      // Two more genuine entries: extended after the anchor, which is normal; the file moves on.
      const db = await t.open();
      try {
        const log = new SqlAuditLog(db, new ManualClock('2026-06-01T10:00:00.000Z'), TEST_AUDIT_KEY);
        for (const n of [6, 7]) await log.append({ actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-cli', detail: { n } });
      } finally {
        await db.close();
      }
      const extended = auditVerify([...t.args, '--expect-head-file', file, '--write-head', file]);
      expect(extended.code).toBe(0);
      expect(extended.out).toMatchObject({ ok: true, entries: 7, anchor: { seq: 5, hash: h[5], status: 'extended', appendedAfter: 2, missing: 0 } });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ seq: 7 });
    }, TIMEOUT);

    test.each<[string, (h: string[]) => string, object]>([
      ['edited', () => `UPDATE audit_log SET detail = '{"n":20}' WHERE seq = 3`, { seq: 3, problem: 'edited' }],
      ['deleted', () => 'DELETE FROM audit_log WHERE seq = 2', { seq: 2, problem: 'deleted' }],
      ['reordered', () => 'UPDATE audit_log SET seq = 1000 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 1000', { seq: 3, problem: 'reordered' }],
      [
        // Correctly linked: X at 3 links to 2; the old 3..5 move to 4..6 keeping their links; the head follows.
        'inserted',
        (h) => `UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000;
          ${forgedRow(3, h[2]!, sha('forged-3'))}; UPDATE audit_head SET seq = 6`,
        { seq: 3, problem: 'inserted' },
      ],
    ])('a chain with an entry %s exits 1 naming it', async (_label, tamper, firstBad) => {
      await chain(5, tamper);
      const r = auditVerify(t.args);
      expect(r.code).toBe(1);
      expect(r.out).toMatchObject({ ok: false, firstBad });
    }, TIMEOUT);

    test('a forged entry appended at the end with the head moved: caught by the key, and after the expected head', async () => {
      const forged = sha('forged-6');
      const h = await chain(5, (g) => `${forgedRow(6, g[5]!, forged)}; UPDATE audit_head SET seq = 6, hash = '${forged}'`);
      const alone = auditVerify(t.args);
      expect(alone.code).toBe(1);
      expect(alone.out).toMatchObject({ ok: false, entries: 6, headSeq: 6, firstBad: { seq: 6, problem: 'edited' } });
      const anchored = auditVerify([...t.args, '--expect-head', `5:${h[5]}`]);
      expect(anchored.code).toBe(1);
      expect(anchored.out).toMatchObject({ ok: false, firstBad: { seq: 6, problem: 'edited' }, anchor: { seq: 5, status: 'extended', appendedAfter: 1 } });
    }, TIMEOUT);

    test('a truncated chain (tail deleted, head moved back) is only caught against the expected head', async () => {
      const h = await chain(5, (g) => `DELETE FROM audit_log WHERE seq > 3; UPDATE audit_head SET seq = 3, hash = '${g[3]}'`);
      // The database alone is consistent: this is what the expected head is for.
      expect(auditVerify(t.args)).toMatchObject({ code: 0, out: { ok: true, entries: 3 } });
      const anchored = auditVerify([...t.args, '--expect-head', `5:${h[5]}`]);
      expect(anchored.code).toBe(1);
      expect(anchored.out).toMatchObject({ ok: false, firstBad: { seq: 4, problem: 'truncated' }, anchor: { seq: 5, status: 'truncated', appendedAfter: 0, missing: 2 } });
    }, TIMEOUT);

    test('a wrong key exits 2 naming the key, not an edited entry; --key-file is read', async () => {
      const h = await chain(5);
      const wrong = auditVerify(t.args, { AUDIT_HMAC_KEY: OTHER_KEY_HEX });
      expect(wrong.code).toBe(2);
      expect(wrong.out).toMatchObject({ ok: false, keyProblem: 'wrong-key' });
      expect(wrong.out).not.toHaveProperty('firstBad');
      expect(wrong.stderr).toContain('wrong AUDIT_HMAC_KEY');

      const file = join(heads, 'anchor.json');
      writeFileSync(file, JSON.stringify({ seq: 5, hash: h[5], keyId: auditKeyId(TEST_AUDIT_KEY) }));
      const keyFile = join(heads, 'audit.key');
      writeFileSync(keyFile, `${TEST_AUDIT_KEY.toString('base64')}\n`);
      expect(auditVerify([...t.args, '--expect-head-file', file, '--key-file', keyFile], { AUDIT_HMAC_KEY: OTHER_KEY_HEX })).toMatchObject({ code: 0, out: { ok: true, anchor: { status: 'match' } } });
    }, TIMEOUT);

    test('a chain written before the key (plain SHA-256) is refused as unkeyed with a hint', async () => {
      await chain(0, () => {
        let prev = GENESIS_HASH;
        const rows: string[] = [];
        for (const n of [1, 2]) {
          const fields = { seq: n, at: '2026-06-01T09:00:00.000Z', actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-cli', detail: { n }, prevHash: prev };
          const hash = sha(canonicalJson(fields));
          rows.push(`INSERT INTO audit_log VALUES (${n}, '${fields.at}', 'system', 'bot', 'test.step', 'conf-cli', '{"n":${n}}', '${prev}', '${hash}')`);
          prev = hash;
        }
        return `${rows.join('; ')}; UPDATE audit_head SET seq = 2, hash = '${prev}'`;
      });
      const r = auditVerify(t.args);
      expect(r.code).toBe(2);
      expect(r.out).toMatchObject({ ok: false, entries: 2, keyProblem: 'unkeyed-chain' });
      expect(r.stderr).toContain('before the audit chain was keyed');
    }, TIMEOUT);

    test('a whole chain rewritten without the key is tampering (exit 1) against a head file that carries the key id', async () => {
      const h = await chain(2);
      const file = join(heads, 'rewrite-anchor.json');
      writeFileSync(file, JSON.stringify({ seq: 2, hash: h[2], keyId: auditKeyId(TEST_AUDIT_KEY) }));
      // Rewritten as the owner, relinked with plain SHA-256 so that it would pass for a pre-key chain.
      await chain(0, () => {
        let prev = GENESIS_HASH;
        const rows: string[] = [];
        for (const n of [1, 2]) {
          const fields = { seq: n, at: '2026-06-01T09:00:00.000Z', actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-cli', detail: { n: n + 10 }, prevHash: prev };
          const hash = sha(canonicalJson(fields));
          rows.push(`INSERT INTO audit_log VALUES (${n}, '${fields.at}', 'system', 'bot', 'test.step', 'conf-cli', '{"n":${n + 10}}', '${prev}', '${hash}')`);
          prev = hash;
        }
        return `${rows.join('; ')}; UPDATE audit_head SET seq = 2, hash = '${prev}'`;
      });
      expect(auditVerify(t.args).code).toBe(2); // alone it cannot tell a rewrite from a pre-key chain
      const r = auditVerify([...t.args, '--expect-head-file', file]);
      expect(r.code).toBe(1);
      expect(r.out).toMatchObject({ ok: false, firstBad: { seq: 1 } });
      expect(r.out).not.toHaveProperty('keyProblem');
    }, TIMEOUT);

    test('usage and connection errors exit 2', async () => {
      expect(auditVerify(t.missing).code).toBe(2);
      expect(auditVerify(['--bogus']).code).toBe(2);
      expect(auditVerify([...t.args, '--expect-head', '5:nothex']).code).toBe(2);
      expect(auditVerify([...t.args, '--key-file', join(heads, 'none.key')]).code).toBe(2);
      expect(auditVerify([...t.args], { AUDIT_HMAC_KEY: 'c2hvcnQ=' }).stderr).toContain('at least 32');
      if (backend.name === 'postgres') {
        const noKey = auditVerify(t.args, { AUDIT_HMAC_KEY: '' });
        expect(noKey.code).toBe(2);
        expect(noKey.stderr).toContain('AUDIT_HMAC_KEY');
      }
    }, TIMEOUT);
  });
}
