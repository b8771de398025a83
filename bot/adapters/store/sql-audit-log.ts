// AuditLog on SQL. Each append locks the single audit_head row (FOR UPDATE), so appenders in any
// number of processes — or PGlite's one connection — extend one chain: seq = head.seq + 1 and
// prevHash = head.hash. Each hash is an HMAC under the audit key (configuration, never the
// database). Time comes from the Clock port; the trigger refuses UPDATE/DELETE/TRUNCATE, and on
// PostgreSQL the service role may only INSERT and SELECT (migration 006).
import type { AuditEntryInput, AuditLog, AuditRecord } from '../../app/ports/audit-log.port';
import type { Clock } from '../../app/ports/clock.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import { type ChainVerdict, type ExpectedHead, entryHash, verifyChain } from './audit-chain';
import { assertAuditEntryAllowed } from './audit-detail-guard';
import type { Database, SqlExecutor } from './database';
import { withTransaction } from './sql-unit-of-work';

interface AuditRow {
  seq: number | string;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  conference_id: string | null;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: AuditRow): AuditRecord => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  conferenceId: r.conference_id,
  detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as AuditRecord['detail'],
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class SqlAuditLog implements AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    /** The audit HMAC key (Config.audit.hmacKey). */
    private readonly hmacKey: Buffer,
  ) {
    if (hmacKey.length < 32) throw new Error('AUDIT.KEY_TOO_SHORT');
  }

  async append(entry: AuditEntryInput, tx?: TransactionHandle): Promise<AuditRecord> {
    assertAuditEntryAllowed(entry);
    // A copy through JSON: what is hashed is exactly what jsonb will give back.
    const detail = JSON.parse(JSON.stringify(entry.detail)) as AuditRecord['detail'];
    return withTransaction(this.db, tx, async (ex) => {
      const head = await ex.query<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
      const h = head.rows[0];
      if (!h) throw new Error('AUDIT.HEAD_MISSING');
      const fields = {
        seq: Number(h.seq) + 1,
        at: this.clock.now().toISOString(),
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action,
        conferenceId: entry.conferenceId,
        detail,
        prevHash: h.hash,
      };
      const record: AuditRecord = { ...fields, hash: entryHash(fields, this.hmacKey) };
      await ex.query(
        `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, conference_id, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
        [record.seq, record.at, record.actorId, record.actorRole, record.action, record.conferenceId, JSON.stringify(detail), record.prevHash, record.hash],
      );
      await ex.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [record.seq, record.hash]);
      return record;
    });
  }

  /** Entries of one conference, oldest first (for the clerk's timeline and investigations). */
  async forConference(conferenceId: string, limit = 1000): Promise<AuditRecord[]> {
    const { rows } = await this.db.query<AuditRow>('SELECT * FROM audit_log WHERE conference_id = $1 ORDER BY seq LIMIT $2', [conferenceId, limit]);
    return rows.map(toRecord);
  }
}

const PAGE = 5000;

/**
 * Reads the whole log in one snapshot-consistent pass and checks the chain with the key, and
 * against `expected` (a head recorded outside the database) when given.
 */
export async function verifyAuditChain(db: Database, hmacKey: Buffer, expected?: ExpectedHead): Promise<ChainVerdict> {
  return db.transaction(async (ex: SqlExecutor) => {
    // One snapshot for head and entries, so appends running meanwhile do not look like tampering.
    if (db.kind === 'postgres') await ex.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const head = (await ex.query<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0];
    if (!head) throw new Error('AUDIT.HEAD_MISSING');
    const rows: AuditRecord[] = [];
    let after = -1;
    for (;;) {
      const page = await ex.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
      rows.push(...page.rows.map(toRecord));
      if (page.rows.length < PAGE) break;
      after = rows.at(-1)!.seq;
    }
    return verifyChain(rows, { seq: Number(head.seq), hash: head.hash }, hmacKey, expected);
  });
}
