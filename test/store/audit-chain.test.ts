// The chain check on its own, over entries built in memory (the SQL suites tamper with real tables).
import { entryHash, GENESIS_HASH, verifyChain } from '../../bot/adapters/store/audit-chain';
import type { AuditRecord } from '../../bot/app/ports/audit-log.port';

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, at: `2026-06-01T09:00:0${seq}.000Z`, actorId: 'system', actorRole: 'bot', action: 'test.step', conferenceId: 'conf-1', detail: { n: seq }, prevHash };
    const rec = { ...fields, hash: entryHash(fields) };
    out.push(rec);
    prevHash = rec.hash;
  }
  return out;
}
const headOf = (rows: AuditRecord[]) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });

describe('verifyChain', () => {
  test('an empty log at genesis and an intact chain are ok', () => {
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, entries: 0, headHash: GENESIS_HASH });
    const rows = chain(6);
    expect(verifyChain(rows, headOf(rows))).toEqual({ ok: true, entries: 6, headHash: rows[5]!.hash });
  });

  test('a gap names the missing seq, even just below the head', () => {
    const rows = chain(6);
    expect(verifyChain(rows.filter((r) => r.seq !== 5), headOf(rows)).firstBad).toEqual({ seq: 5, problem: 'deleted' });
    expect(verifyChain(rows.filter((r) => r.seq !== 1), headOf(rows)).firstBad).toEqual({ seq: 1, problem: 'deleted' });
  });

  test('deleting an entry and renumbering the rest is still a deletion', () => {
    const rows = chain(6);
    const renumbered = rows.filter((r) => r.seq !== 3).map((r, i) => ({ ...r, seq: i + 1 }));
    expect(verifyChain(renumbered, headOf(rows)).firstBad).toEqual({ seq: 3, problem: 'deleted' });
  });

  test('swapped entries are reordered; an edited one is edited', () => {
    const rows = chain(6);
    const swapped = rows.map((r) => (r.seq === 2 ? { ...rows[2]!, seq: 2 } : r.seq === 3 ? { ...rows[1]!, seq: 3 } : r));
    expect(verifyChain(swapped, headOf(rows)).firstBad).toEqual({ seq: 2, problem: 'reordered' });
    const edited = rows.map((r) => (r.seq === 4 ? { ...r, actorRole: 'chair' } : r));
    expect(verifyChain(edited, headOf(rows)).firstBad).toEqual({ seq: 4, problem: 'edited' });
  });

  test('a forged entry is named: rewritten in place, slipped in between, or past the head', () => {
    const rows = chain(6);
    // Entry 4 replaced by a self-consistent forgery with a broken link: 4 is named, not 3.
    const forgedFields = { ...rows[3]!, detail: { n: 99 }, prevHash: 'f'.repeat(64) };
    const forged = { ...forgedFields, hash: entryHash(forgedFields) };
    expect(verifyChain(rows.map((r) => (r.seq === 4 ? forged : r)), headOf(rows)).firstBad).toEqual({ seq: 4, problem: 'edited' });
    // Entry 3 rewritten with its hash recomputed (its own link intact): 4 no longer links, 3 is named.
    const rewrittenFields = { ...rows[2]!, detail: { n: 33 } };
    const rewritten = { ...rewrittenFields, hash: entryHash(rewrittenFields) };
    expect(verifyChain(rows.map((r) => (r.seq === 3 ? rewritten : r)), headOf(rows)).firstBad).toEqual({ seq: 3, problem: 'edited' });
    // A row slipped in at 4 with the later ones keeping their links (seq shifted).
    const slipped = [...rows.slice(0, 3), { ...forged, seq: 4 }, ...rows.slice(3).map((r) => ({ ...r, seq: r.seq + 1 }))];
    expect(verifyChain(slipped, { seq: 7, hash: rows[5]!.hash }).firstBad).toEqual({ seq: 4, problem: 'inserted' });
    const beyond = chain(7);
    expect(verifyChain(beyond, headOf(rows)).firstBad).toEqual({ seq: 7, problem: 'inserted' });
  });

  test('a recomputed last entry no longer matches the recorded head', () => {
    const rows = chain(3);
    const lastFields = { ...rows[2]!, detail: { n: 30 } };
    const last = { ...lastFields, hash: entryHash(lastFields) };
    expect(verifyChain([rows[0]!, rows[1]!, last], headOf(rows)).firstBad).toEqual({ seq: 3, problem: 'edited' });
  });
});
