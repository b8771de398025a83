// The audit log's keyed hash chain: canonical JSON, the entry's HMAC, and the check that names the
// first entry that was edited, deleted, reordered or inserted, and compares the log with an
// expected head kept outside the database. Pure: the SQL lives in sql-audit-log.ts.
import { createHash, createHmac } from 'node:crypto';
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

function hashedBody(e: ChainFields): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    conferenceId: e.conferenceId,
    detail: e.detail,
    prevHash: e.prevHash,
  });
}

/**
 * HMAC-SHA256 under the audit key (configuration, never the database) over the canonical JSON.
 * Without the key nobody can write an entry that verifies, wherever they put it.
 */
export function entryHash(e: ChainFields, key: Buffer): string {
  return createHmac('sha256', key).update(hashedBody(e)).digest('hex');
}

/** What builds before the key wrote (plain SHA-256); used only to name such a chain. */
function unkeyedHash(e: ChainFields): string {
  return createHash('sha256').update(hashedBody(e)).digest('hex');
}

/** A public fingerprint of the key, kept with an expected head so that a wrong key is named as such. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('cpc-audit-key-id').digest('hex').slice(0, 16);
}

export type ChainProblem = 'edited' | 'deleted' | 'reordered' | 'inserted' | 'truncated' | 'rewritten';

/** The chain cannot be checked with this key: nothing about its entries is claimed. */
export type KeyProblem = 'wrong-key' | 'unkeyed-chain';

/** A head recorded outside the database (`audit:verify --write-head`). */
export interface ExpectedHead {
  seq: number;
  hash: string;
  /** auditKeyId of the key it was verified with, when known. */
  keyId?: string;
}

export interface AnchorReport {
  seq: number;
  hash: string;
  /**
   * match: the log ends at the anchor; extended: entries were appended after it (normal);
   * truncated: the log has fewer entries; rewritten: the entry at the anchor's seq has another hash.
   */
  status: 'match' | 'extended' | 'truncated' | 'rewritten';
  appendedAfter: number;
  missing: number;
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The head recorded in the database: keep it elsewhere to anchor the next check. */
  headSeq: number;
  headHash: string;
  firstBad?: { seq: number; problem: ChainProblem };
  keyProblem?: KeyProblem;
  anchor?: AnchorReport;
}

type Head = { seq: number; hash: string };

/**
 * Checks entries (sorted by seq) against the key, each other and the recorded head (seq and hash
 * of the last appended entry), then against `expected` when given. Stops at the first problem,
 * which is what an investigator needs first.
 */
export function verifyChain(rows: AuditRecord[], head: Head, key: Buffer, expected?: ExpectedHead): ChainVerdict {
  const base = { entries: rows.length, headSeq: head.seq, headHash: head.hash };
  const keyProblem = checkKey(rows, key, expected);
  if (keyProblem) return { ok: false, ...base, keyProblem };
  let firstBad = firstProblem(rows, head, key);
  let anchor: AnchorReport | undefined;
  if (expected) {
    anchor = compareAnchor(rows, expected);
    if (!firstBad && anchor.status === 'truncated') firstBad = { seq: (rows.at(-1)?.seq ?? 0) + 1, problem: 'truncated' };
    if (!firstBad && anchor.status === 'rewritten') firstBad = { seq: expected.seq, problem: 'rewritten' };
  }
  return { ok: !firstBad, ...base, ...(firstBad ? { firstBad } : {}), ...(anchor ? { anchor } : {}) };
}

/**
 * A wrong key or a chain written before the key makes every entry fail, which must not read as
 * "entry 1 edited". The first entries tell an unkeyed chain; no entry verifying at or next to its
 * seq tells a wrong key (or a whole log rewritten without it). A single entry that fails is
 * ambiguous unless the expected head carries the key's id.
 */
function checkKey(rows: AuditRecord[], key: Buffer, expected?: ExpectedHead): KeyProblem | undefined {
  if (expected?.keyId !== undefined) {
    // The anchor was written with this very key: an entry that does not verify was changed, so a
    // chain rewritten without the key (even as plain SHA-256) is tampering, never a key problem.
    return expected.keyId === auditKeyId(key) ? undefined : 'wrong-key';
  }
  const first = rows[0];
  if (!first || entryHash(first, key) === first.hash) return undefined;
  // Two leading unkeyed entries: one alone may be a forgery slipped in before a keyed chain.
  const second = rows[1];
  if (unkeyedHash(first) === first.hash && (!second || unkeyedHash(second) === second.hash)) return 'unkeyed-chain';
  if (rows.length < 2) return undefined;
  const verifiesNearby = rows.some((r) => [r.seq, r.seq - 1, r.seq + 1].some((seq) => seq >= 1 && entryHash({ ...r, seq }, key) === r.hash));
  return verifiesNearby ? undefined : 'wrong-key';
}

function firstProblem(rows: AuditRecord[], head: Head, key: Buffer): ChainVerdict['firstBad'] {
  const mac = (r: AuditRecord, seq = r.seq) => entryHash({ ...r, seq }, key);
  const hashes = new Set(rows.map((r) => r.hash));
  const lastSeq = Math.max(head.seq, rows.at(-1)?.seq ?? 0);
  const bad = (seq: number, problem: ChainProblem) => ({ seq, problem });
  let prevHash = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const expectedSeq = i + 1;
    const prev = rows[i - 1];
    const next = rows[i + 1];
    if (r.seq !== expectedSeq) return bad(expectedSeq, 'deleted');
    // Rows past the head were written around append(), which always moves the head.
    if (r.seq > head.seq) return bad(r.seq, 'inserted');
    if (mac(r) !== r.hash) {
      // An intact entry moved to another position still verifies at its original seq.
      for (let seq = 1; seq <= lastSeq; seq++) {
        if (seq === r.seq || mac(r, seq) !== r.hash) continue;
        // One place on and linking where its predecessor links: that predecessor was slipped in
        // (by someone holding the key) and pushed the rest along.
        if (seq === r.seq - 1 && prev && r.prevHash === prev.prevHash) return bad(prev.seq, 'inserted');
        const linksIntoLog = r.prevHash === GENESIS_HASH || hashes.has(r.prevHash);
        return bad(r.seq, linksIntoLog || seq < r.seq ? 'reordered' : 'deleted');
      }
      // The next entry is genuine one place earlier and links past this one: this one was
      // slipped in and pushed the rest along.
      if (next && mac(next, next.seq - 1) === next.hash && next.prevHash === (prev?.hash ?? GENESIS_HASH)) return bad(r.seq, 'inserted');
      // Changed after it was written, or written (appended, too) by someone without the key.
      return bad(r.seq, 'edited');
    }
    if (r.prevHash !== prevHash) {
      // Genuine but not linked to its predecessor (only someone holding the key gets here).
      if (hashes.has(r.prevHash) || r.prevHash === GENESIS_HASH) return bad(r.seq, 'reordered');
      // It links to a hash no longer in the log. The next entry tells which one changed:
      // linking past this one, this one was slipped in; not linking to it, this one was rewritten
      // (hash recomputed, link broken); linking to it, the previous entry was rewritten.
      if (prev && next && next.prevHash === prev.hash) return bad(r.seq, 'inserted');
      if (next && next.prevHash !== r.hash) return bad(r.seq, 'edited');
      return bad(prev ? prev.seq : r.seq, 'edited');
    }
    prevHash = r.hash;
  }
  const last = rows.at(-1);
  if (head.seq > (last?.seq ?? 0)) return bad((last?.seq ?? 0) + 1, 'deleted');
  if (head.hash !== (last?.hash ?? GENESIS_HASH)) return bad(last?.seq ?? 0, 'edited');
  return undefined;
}

function compareAnchor(rows: AuditRecord[], expected: ExpectedHead): AnchorReport {
  const lastSeq = rows.at(-1)?.seq ?? 0;
  const report = (status: AnchorReport['status'], appendedAfter = 0, missing = 0): AnchorReport => ({ seq: expected.seq, hash: expected.hash, status, appendedAfter, missing });
  if (expected.seq > lastSeq) return report('truncated', 0, expected.seq - lastSeq);
  const atAnchor = expected.seq === 0 ? GENESIS_HASH : rows.find((r) => r.seq === expected.seq)?.hash;
  if (atAnchor !== expected.hash) return report('rewritten');
  return lastSeq === expected.seq ? report('match') : report('extended', lastSeq - expected.seq);
}
