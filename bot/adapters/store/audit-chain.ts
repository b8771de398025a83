// The audit log's hash chain: canonical JSON, the entry hash, and the check that names the first
// entry that was edited, deleted, reordered or inserted. Pure: the SQL lives in sql-audit-log.ts.
import { createHash } from 'node:crypto';
import type { AuditRecord } from '../../app/ports/audit-log.port';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('AUDIT.NOT_JSON');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export type ChainFields = Omit<AuditRecord, 'hash'>;

export function entryHash(e: ChainFields): string {
  const body = {
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    conferenceId: e.conferenceId,
    detail: e.detail,
    prevHash: e.prevHash,
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export type ChainProblem = 'edited' | 'deleted' | 'reordered' | 'inserted';

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** Hash of the last entry: record it elsewhere to anchor the chain against a full rewrite. */
  headHash: string;
  firstBad?: { seq: number; problem: ChainProblem };
}

/**
 * Checks entries (sorted by seq) against each other and the recorded head (seq and hash of the
 * last appended entry). Stops at the first problem, which is what an investigator needs first.
 */
export function verifyChain(rows: AuditRecord[], head: { seq: number; hash: string }): ChainVerdict {
  const hashes = new Map(rows.map((r) => [r.hash, r]));
  const lastSeq = Math.max(head.seq, rows.at(-1)?.seq ?? 0);
  const bad = (seq: number, problem: ChainProblem): ChainVerdict => ({
    ok: false,
    entries: rows.length,
    headHash: head.hash,
    firstBad: { seq, problem },
  });
  let prevHash = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const expectedSeq = i + 1;
    if (r.seq !== expectedSeq) return bad(expectedSeq, 'deleted');
    // Rows past the head were written around append(), which always moves the head.
    if (r.seq > head.seq) return bad(r.seq, 'inserted');
    if (entryHash(r) !== r.hash) {
      // An intact entry moved to another position still hashes with its original seq.
      for (let seq = 1; seq <= lastSeq; seq++) {
        if (seq !== r.seq && entryHash({ ...r, seq }) === r.hash) {
          const linksIntoLog = r.prevHash === GENESIS_HASH || hashes.has(r.prevHash);
          return bad(r.seq, linksIntoLog || seq < r.seq ? 'reordered' : 'deleted');
        }
      }
      return bad(r.seq, 'edited');
    }
    if (r.prevHash !== prevHash) {
      // Self-consistent but not linked to its predecessor.
      if (hashes.has(r.prevHash) || r.prevHash === GENESIS_HASH) return bad(r.seq, 'reordered');
      // It links to a hash no longer in the log. The next entry tells which one changed:
      // linking past this one, this one was slipped in; not linking to it, this one was rewritten
      // (hash recomputed, link broken); linking to it, the previous entry was rewritten.
      const next = rows[i + 1];
      const prev = rows[i - 1];
      if (prev && next && next.prevHash === prev.hash) return bad(r.seq, 'inserted');
      if (next && next.prevHash !== r.hash) return bad(r.seq, 'edited');
      return bad(prev ? prev.seq : r.seq, 'edited');
    }
    prevHash = r.hash;
  }
  const last = rows.at(-1);
  if (head.seq > (last?.seq ?? 0)) return bad((last?.seq ?? 0) + 1, 'deleted');
  if (head.hash !== (last?.hash ?? GENESIS_HASH)) return bad(last?.seq ?? 0, 'edited');
  return { ok: true, entries: rows.length, headHash: head.hash };
}
