// The chain check on its own, over entries built in memory (the SQL suites tamper with real tables).
import { createHash, createHmac } from 'node:crypto';
import { auditKeyId, canonicalJson, entryHash, GENESIS_HASH, verifyChain } from '../../bot/adapters/store/audit-chain';
import type { AuditRecord } from '../../bot/app/ports/audit-log.port';
import { TEST_AUDIT_KEY as KEY } from './fixtures';

const OTHER_KEY = Buffer.alloc(32, 0x11);

type Fields = Omit<AuditRecord, 'hash'>;
const sign = (f: Fields, key = KEY): AuditRecord => ({ ...f, hash: entryHash(f, key) });
/** What an attacker without the key can compute: the old unkeyed hash. */
const unkeyed = (f: Fields): AuditRecord => ({ ...f, hash: createHash('sha256').update(canonicalJson(f)).digest('hex') });

function chain(n: number, make: (f: Fields) => AuditRecord = sign): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const rec = make({ seq, at: `2026-06-01T09:00:0${seq}.000Z`, actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-1', detail: { n: seq }, prevHash });
    out.push(rec);
    prevHash = rec.hash;
  }
  return out;
}
const headOf = (rows: AuditRecord[]) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
const firstBad = (rows: AuditRecord[], head = headOf(rows)) => verifyChain(rows, head, KEY).firstBad;

describe('verifyChain', () => {
  test('the hash is HMAC-SHA256 under the key over canonical JSON', () => {
    const [rec] = chain(1);
    const { hash: _h, ...fields } = rec!;
    expect(rec!.hash).toBe(createHmac('sha256', KEY).update(canonicalJson(fields)).digest('hex'));
    expect(entryHash(fields, OTHER_KEY)).not.toBe(rec!.hash);
  });

  test('an empty log at genesis and an intact chain are ok', () => {
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH }, KEY)).toEqual({ ok: true, entries: 0, headSeq: 0, headHash: GENESIS_HASH });
    const rows = chain(6);
    expect(verifyChain(rows, headOf(rows), KEY)).toEqual({ ok: true, entries: 6, headSeq: 6, headHash: rows[5]!.hash });
  });

  test('a gap names the missing seq, even just below the head', () => {
    const rows = chain(6);
    expect(firstBad(rows.filter((r) => r.seq !== 5), headOf(rows))).toEqual({ seq: 5, problem: 'deleted' });
    expect(firstBad(rows.filter((r) => r.seq !== 1), headOf(rows))).toEqual({ seq: 1, problem: 'deleted' });
  });

  test('deleting an entry and renumbering the rest is still a deletion', () => {
    const rows = chain(6);
    const renumbered = rows.filter((r) => r.seq !== 3).map((r, i) => ({ ...r, seq: i + 1 }));
    expect(firstBad(renumbered, headOf(rows))).toEqual({ seq: 3, problem: 'deleted' });
  });

  test('swapped entries are reordered; an edited one is edited', () => {
    const rows = chain(6);
    const swapped = rows.map((r) => (r.seq === 2 ? { ...rows[2]!, seq: 2 } : r.seq === 3 ? { ...rows[1]!, seq: 3 } : r));
    expect(firstBad(swapped)).toEqual({ seq: 2, problem: 'reordered' });
    const edited = rows.map((r) => (r.seq === 4 ? { ...r, actorRole: 'chair' } : r));
    expect(firstBad(edited)).toEqual({ seq: 4, problem: 'edited' });
  });

  test('an entry rewritten without the key is edited, whatever hash the forger computed', () => {
    const rows = chain(6);
    const forged = unkeyed({ ...rows[2]!, detail: { n: 33 } });
    expect(firstBad(rows.map((r) => (r.seq === 3 ? forged : r)))).toEqual({ seq: 3, problem: 'edited' });
    const otherKey = sign({ ...rows[2]!, detail: { n: 33 } }, OTHER_KEY);
    expect(firstBad(rows.map((r) => (r.seq === 3 ? otherKey : r)))).toEqual({ seq: 3, problem: 'edited' });
  });

  test('a forged entry appended at the end with the head moved does not verify (it did, unkeyed)', () => {
    const rows = chain(5);
    const forged = unkeyed({ ...rows[4]!, seq: 6, detail: { n: 6 }, prevHash: rows[4]!.hash });
    expect(verifyChain([...rows, forged], headOf([...rows, forged]), KEY)).toMatchObject({ ok: false, firstBad: { seq: 6, problem: 'edited' } });
  });

  test('a correctly linked insertion is named at its seq, not as the next entry reordered', () => {
    const rows = chain(5);
    // Without the key: X at 3 links to 2, the old 3..5 move to 4..6 with their links intact.
    const shifted = rows.slice(2).map((r) => ({ ...r, seq: r.seq + 1 }));
    const x = unkeyed({ ...rows[2]!, detail: { n: 99 }, prevHash: rows[1]!.hash });
    const inserted = [rows[0]!, rows[1]!, x, ...shifted];
    expect(firstBad(inserted, headOf(inserted))).toEqual({ seq: 3, problem: 'inserted' });
    // Inserted first of all (X links to genesis).
    const atOne = [unkeyed({ ...rows[0]!, detail: { n: 0 } }), ...rows.map((r) => ({ ...r, seq: r.seq + 1 }))];
    expect(firstBad(atOne, headOf(atOne))).toEqual({ seq: 1, problem: 'inserted' });
    // By someone holding the key: X itself verifies, the entry after it is one place on.
    const keyed = [rows[0]!, rows[1]!, sign({ ...rows[2]!, detail: { n: 99 }, prevHash: rows[1]!.hash }), ...shifted];
    expect(firstBad(keyed, headOf(keyed))).toEqual({ seq: 3, problem: 'inserted' });
  });

  test('a forged entry is named: rewritten in place with the key, slipped in between, or past the head', () => {
    const rows = chain(6);
    // Entry 4 replaced by a keyed forgery with a broken link: 4 is named, not 3.
    const forged = sign({ ...rows[3]!, detail: { n: 99 }, prevHash: 'f'.repeat(64) });
    expect(firstBad(rows.map((r) => (r.seq === 4 ? forged : r)))).toEqual({ seq: 4, problem: 'edited' });
    // Entry 3 rewritten with the key (its own link intact): 4 no longer links, 3 is named.
    const rewritten = sign({ ...rows[2]!, detail: { n: 33 } });
    expect(firstBad(rows.map((r) => (r.seq === 3 ? rewritten : r)))).toEqual({ seq: 3, problem: 'edited' });
    // A row slipped in at 4 with the later ones keeping their links (seq shifted).
    const slipped = [...rows.slice(0, 3), { ...forged, seq: 4 }, ...rows.slice(3).map((r) => ({ ...r, seq: r.seq + 1 }))];
    expect(firstBad(slipped, { seq: 7, hash: rows[5]!.hash })).toEqual({ seq: 4, problem: 'inserted' });
    expect(firstBad(chain(7), headOf(rows))).toEqual({ seq: 7, problem: 'inserted' });
  });

  test('a recomputed last entry no longer matches the recorded head', () => {
    const rows = chain(3);
    const last = sign({ ...rows[2]!, detail: { n: 30 } });
    expect(firstBad([rows[0]!, rows[1]!, last], headOf(rows))).toEqual({ seq: 3, problem: 'edited' });
  });
});

describe('the key', () => {
  test('a wrong key is named as such, not as entry 1 edited', () => {
    const rows = chain(4);
    expect(verifyChain(rows, headOf(rows), OTHER_KEY)).toEqual({ ok: false, entries: 4, headSeq: 4, headHash: rows[3]!.hash, keyProblem: 'wrong-key' });
    // An edited first entry, with the rest verifying, is still an edit.
    const edited = rows.map((r) => (r.seq === 1 ? { ...r, detail: { n: 10 } } : r));
    expect(verifyChain(edited, headOf(rows), KEY).firstBad).toEqual({ seq: 1, problem: 'edited' });
  });

  test('one entry is ambiguous alone; the expected head carries the key id that tells', () => {
    const rows = chain(1);
    expect(verifyChain(rows, headOf(rows), OTHER_KEY).firstBad).toEqual({ seq: 1, problem: 'edited' });
    const expected = { ...headOf(rows), keyId: auditKeyId(KEY) };
    expect(verifyChain(rows, headOf(rows), OTHER_KEY, expected).keyProblem).toBe('wrong-key');
    expect(verifyChain(rows, headOf(rows), KEY, expected).ok).toBe(true);
    expect(auditKeyId(KEY)).toMatch(/^[0-9a-f]{16}$/);
  });

  test('a chain written before the key (plain SHA-256) is refused as unkeyed, even with keyed entries after it', () => {
    const old = chain(3, unkeyed);
    expect(verifyChain(old, headOf(old), KEY).keyProblem).toBe('unkeyed-chain');
    const mixed = [...old, sign({ ...old[2]!, seq: 4, detail: { n: 4 }, prevHash: old[2]!.hash })];
    expect(verifyChain(mixed, headOf(mixed), KEY)).toMatchObject({ ok: false, keyProblem: 'unkeyed-chain' });
  });
});

describe('the expected head', () => {
  const rows = chain(6);
  const at = (seq: number) => ({ seq, hash: rows[seq - 1]!.hash });

  test('match, and extended by entries appended after the anchor (normal)', () => {
    expect(verifyChain(rows, headOf(rows), KEY, at(6))).toMatchObject({ ok: true, anchor: { seq: 6, status: 'match', appendedAfter: 0, missing: 0 } });
    expect(verifyChain(rows, headOf(rows), KEY, at(4))).toMatchObject({ ok: true, anchor: { seq: 4, status: 'extended', appendedAfter: 2 } });
    expect(verifyChain(rows, headOf(rows), KEY, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, anchor: { status: 'extended', appendedAfter: 6 } });
  });

  test('a truncated chain (tail deleted, head moved back) verifies alone but not against the anchor', () => {
    const cut = rows.slice(0, 4);
    expect(verifyChain(cut, headOf(cut), KEY).ok).toBe(true);
    expect(verifyChain(cut, headOf(cut), KEY, at(6))).toMatchObject({
      ok: false,
      firstBad: { seq: 5, problem: 'truncated' },
      anchor: { seq: 6, status: 'truncated', appendedAfter: 0, missing: 2 },
    });
  });

  test('a chain rewritten from the anchor on by someone holding the key is rewritten', () => {
    const rewritten = [...rows.slice(0, 4)];
    for (const n of [5, 6, 7]) rewritten.push(sign({ ...rows[0]!, seq: n, detail: { n: n * 10 }, prevHash: rewritten.at(-1)!.hash }));
    expect(verifyChain(rewritten, headOf(rewritten), KEY).ok).toBe(true);
    expect(verifyChain(rewritten, headOf(rewritten), KEY, at(6))).toMatchObject({ ok: false, firstBad: { seq: 6, problem: 'rewritten' }, anchor: { status: 'rewritten' } });
  });

  test('a forged append stays a failure against the anchor, which counts it as after the anchor', () => {
    const forged = [...rows, unkeyed({ ...rows[5]!, seq: 7, detail: { n: 7 }, prevHash: rows[5]!.hash })];
    expect(verifyChain(forged, headOf(forged), KEY, at(6))).toMatchObject({ ok: false, firstBad: { seq: 7, problem: 'edited' }, anchor: { status: 'extended', appendedAfter: 1 } });
  });
});
