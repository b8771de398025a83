import { createHash, createHmac } from 'node:crypto';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../../bot/adapters/store/audit-chain';
import { AuditDetailRejected } from '../../../bot/adapters/store/audit-detail-guard';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlAuditLog, verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import type { AuditEntryInput } from '../../../bot/app/ports/audit-log.port';
import type { Backend } from '../backends';
import { TEST_AUDIT_KEY } from '../fixtures';

const entry = (n: number): AuditEntryInput => ({
  actorId: '00000000-0000-4000-8000-00000000000a',
  actorRole: 'chair',
  action: 'conference.stage-changed',
  conferenceId: 'conf-audit',
  detail: { to: `stage-${n}`, n, attendees: ['inv-1', 'inv-2'] },
});

/** Empties the log as its owner (triggers off): each test starts a chain of its own, fast. */
async function resetLog(db: Database): Promise<void> {
  await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;
    TRUNCATE audit_log; UPDATE audit_head SET seq = 0, hash = repeat('0', 64);
    ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_head ENABLE TRIGGER USER;`);
}

/** As the table owner, with the append-only trigger off (what an attacker with DDL rights can do). */
async function tamper(db: Database, sql: string): Promise<void> {
  await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER;`);
}

export function auditLogSuite(backend: Backend): void {
  describe('SqlAuditLog', () => {
    let shared: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await backend.fresh();
      shared = fresh.db;
      drop = fresh.drop;
      await migrate(shared);
    });
    afterAll(async () => {
      await shared.close();
      await drop();
    });

    async function withLog(entries: number, fn: (db: Database, log: SqlAuditLog, clock: ManualClock) => Promise<void>) {
      await resetLog(shared);
      const clock = new ManualClock('2026-03-29T00:30:00.000Z');
      const log = new SqlAuditLog(shared, clock, TEST_AUDIT_KEY);
      for (let i = 1; i <= entries; i++) {
        await log.append(entry(i));
        clock.advance(1000);
      }
      await fn(shared, log, clock);
    }

    test('entries chain from genesis, take their time from the clock, and verify', async () => {
      await withLog(3, async (db, log, clock) => {
        clock.set('2026-10-25T01:30:00.000Z');
        const rec = await log.append(entry(4));
        expect(rec.seq).toBe(4);
        expect(rec.at).toBe('2026-10-25T01:30:00.000Z');
        const { rows } = await db.query<{ seq: string | number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
        expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
        expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
        expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
        expect(rows[3]?.hash).toBe(rec.hash);
        expect(await verifyAuditChain(db, TEST_AUDIT_KEY)).toEqual({ ok: true, entries: 4, headSeq: 4, headHash: rec.hash });
      });
    });

    test('the hash is HMAC-SHA256 under the configured key over canonical JSON with sorted keys', async () => {
      await withLog(0, async (_db, log) => {
        const rec = await log.append({ actorId: 'system', actorRole: 'bot', action: 'tenant.refused', conferenceId: null, detail: { z: 1, a: ['x'] } });
        const expected =
          `{"action":"tenant.refused","actorId":"system","actorRole":"bot","at":"2026-03-29T00:30:00.000Z","conferenceId":null,` +
          `"detail":{"a":["x"],"z":1},"prevHash":"${GENESIS_HASH}","seq":1}`;
        expect(canonicalJson({ ...rec, hash: undefined })).toBe(expected);
        expect(rec.hash).toBe(createHmac('sha256', TEST_AUDIT_KEY).update(expected).digest('hex'));
        expect(rec.hash).not.toBe(createHash('sha256').update(expected).digest('hex'));
        expect(entryHash(rec, TEST_AUDIT_KEY)).toBe(rec.hash);
      });
    });

    test('a key shorter than 32 bytes is refused', () => {
      expect(() => new SqlAuditLog(shared, new ManualClock('2026-03-29T00:30:00.000Z'), Buffer.alloc(16, 1))).toThrow('AUDIT.KEY_TOO_SHORT');
    });

    test('UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
      await withLog(2, async (db) => {
        await expect(db.query("UPDATE audit_log SET action = 'x.y' WHERE seq = 1")).rejects.toThrow(/append-only/);
        await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
        await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
        await expect(db.query('UPDATE audit_head SET seq = 0')).rejects.toThrow(/forward/);
        expect((await verifyAuditChain(db, TEST_AUDIT_KEY)).ok).toBe(true);
      });
    });

    test.each([
      ['edited', "UPDATE audit_log SET detail = '{\"to\":\"stage-x\",\"n\":3,\"attendees\":[]}' WHERE seq = 3", { seq: 3, problem: 'edited' }],
      ['deleted', 'DELETE FROM audit_log WHERE seq = 2', { seq: 2, problem: 'deleted' }],
      ['deleted (tail)', 'DELETE FROM audit_log WHERE seq = 5', { seq: 5, problem: 'deleted' }],
      ['reordered', 'UPDATE audit_log SET seq = 1000 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 1000', { seq: 3, problem: 'reordered' }],
      ['inserted', "INSERT INTO audit_log SELECT 6, at, actor_id, actor_role, action, conference_id, detail, hash, repeat('e', 64) FROM audit_log WHERE seq = 5", { seq: 6, problem: 'inserted' }],
    ])('verify names the first %s entry', async (_label, sql, firstBad) => {
      await withLog(5, async (db) => {
        await tamper(db, sql);
        const verdict = await verifyAuditChain(db, TEST_AUDIT_KEY);
        expect(verdict.ok).toBe(false);
        expect(verdict.firstBad).toEqual(firstBad);
      });
    });

    test('an edit whose hash was recomputed without the key is named', async () => {
      await withLog(4, async (db) => {
        const { rows } = await db.query<{ at: string; prev_hash: string }>('SELECT at, prev_hash FROM audit_log WHERE seq = 2');
        const forged = { ...entry(2), detail: { to: 'stage-forged', n: 2, attendees: [] }, seq: 2, at: rows[0]!.at, prevHash: rows[0]!.prev_hash };
        await tamper(db, `UPDATE audit_log SET detail = '${JSON.stringify(forged.detail)}', hash = '${createHash('sha256').update(canonicalJson(forged)).digest('hex')}' WHERE seq = 2`);
        expect((await verifyAuditChain(db, TEST_AUDIT_KEY)).firstBad).toEqual({ seq: 2, problem: 'edited' });
      });
    });

    test('50 concurrent appends keep one valid chain', async () => {
      await withLog(1, async (db, log) => {
        const records = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(entry(i + 2))));
        expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
        const verdict = await verifyAuditChain(db, TEST_AUDIT_KEY);
        expect(verdict).toEqual({ ok: true, entries: 51, headSeq: 51, headHash: records.reduce((a, b) => (a.seq > b.seq ? a : b)).hash });
      });
    });

    test('an append in a caller transaction rolls back with it, leaving the chain intact', async () => {
      await withLog(2, async (db, log) => {
        const uow = new SqlUnitOfWork(db);
        await expect(
          uow.run(async (tx) => {
            await log.append(entry(3), tx);
            throw new Error('state change failed');
          }),
        ).rejects.toThrow('state change failed');
        const next = await uow.run((tx) => log.append(entry(3), tx));
        expect(next.seq).toBe(3);
        expect(await verifyAuditChain(db, TEST_AUDIT_KEY)).toEqual({ ok: true, entries: 3, headSeq: 3, headHash: next.hash });
      });
    });

    test.each([
      ['a personal key', { childName: 'Robin' }, 'detail.childName'],
      ['an email key', { email: 'x' }, 'detail.email'],
      ['free-text notes', { notes: 'x' }, 'detail.notes'],
      ['an address in a value', { contact: 'alex.example@example.org' }, 'detail.contact'],
      ['whitespace in a value', { who: 'Alex Example' }, 'detail.who'],
      ['a long value', { ref: 'x'.repeat(201) }, 'detail.ref'],
      ['an address inside an array', { ids: ['inv-1', 'alex@example.org'] }, 'detail.ids[1]'],
    ])('the personal-data guard refuses %s and writes nothing', async (_label, detail, field) => {
      await withLog(1, async (db, log) => {
        const err = await log.append({ ...entry(2), detail }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuditDetailRejected);
        expect((err as AuditDetailRejected).code).toBe('AUDIT.PERSONAL_DATA_IN_DETAIL');
        expect((err as AuditDetailRejected).field).toBe(field);
        expect((err as Error).message).not.toContain('example.org');
        const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
        expect(n.rows[0]?.n).toBe(1);
      });
    });

    test('the guard also checks the actor, and lets ids, codes, dates and Teams thread ids through', async () => {
      await withLog(0, async (_db, log) => {
        await expect(log.append({ ...entry(1), actorId: 'alex@example.org' })).rejects.toBeInstanceOf(AuditDetailRejected);
        await expect(log.append({ ...entry(1), action: 'Free text action' })).rejects.toBeInstanceOf(AuditDetailRejected);
        const ok = await log.append({
          ...entry(1),
          detail: { conversationId: '19:meeting_abc123@thread.v2', eventId: `AAMkAG${'x'.repeat(190)}A==`, date: '2026-06-01', category: 'neglect', count: 3, verified: true, none: null },
        });
        expect(ok.detail.conversationId).toBe('19:meeting_abc123@thread.v2');
      });
    });
  });
}
