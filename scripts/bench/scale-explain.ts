// The query plans behind the bench's figures: the store adapters run their reads on a recording
// Database, and each distinct SELECT they sent is explained with the same parameters, so the
// plans shown are of the product's own statements, not copies of them.
import type { Database, SqlExecutor } from '../../bot/adapters/store/database';
import { SqlConferenceLookup } from '../../bot/adapters/store/sql-conference-lookup';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';

interface Statement { sql: string; params: unknown[] }

function recording(db: Database, seen: Map<string, Statement>): Database {
  const wrap = (ex: SqlExecutor): SqlExecutor => ({
    query: (sql, params) => {
      if (/^\s*SELECT/i.test(sql) && !seen.has(sql)) seen.set(sql, { sql, params: params ?? [] });
      return ex.query(sql, params);
    },
    exec: (sql) => ex.exec(sql),
  });
  return { ...wrap(db), kind: db.kind, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), close: () => db.close() };
}

/** Plan lines worth reading: the nodes, their timings and buffers, and the totals. */
function trimmed(plan: string[]): string[] {
  return plan
    .filter((l) => /->|^\S|Index Cond|Recheck Cond|Filter|Buffers|Rows Removed|Sort Method|Execution Time/.test(l) && !/^\s*Planning:/.test(l))
    .map((l) => l.replace(/'\{[^}]{60,}\}'/g, (a) => `'{…${a.split(',').length} ids}'`))
    .slice(0, 16);
}

export async function explainSummaries(db: Database, at: { from: string; to: string; caseReference: string; conferenceId: string; approverId: string }): Promise<string[]> {
  const seen = new Map<string, Statement>();
  const rec = recording(db, seen);
  const store = new SqlConferenceStore(rec);
  let listed: string[] = [];
  const groups: [string, () => Promise<unknown>][] = [
    ['the dashboard list and the timeliness report: SqlConferenceStore.listStartingBetween (56 days)', async () => {
      listed = (await store.listStartingBetween(at.from.slice(0, 10), at.to.slice(0, 10))).map((c) => c.id);
    }],
    ['the approvals waiting: SqlConferenceStore.listWithPendingApprovalFor', () => store.listWithPendingApprovalFor(at.approverId)],
    ['"board <case reference>": SqlConferenceLookup.idsByCaseReference', () => new SqlConferenceLookup(rec).idsByCaseReference(at.caseReference)],
    ['one conference (deadlines, board): SqlConferenceStore.get', () => store.get(at.conferenceId)],
    ['the timeliness report, their live meetings: SqlLiveMeetingStore.getMany (the same conferences)', () => new SqlLiveMeetingStore(rec).getMany(listed)],
  ];
  const out: string[] = [];
  for (const [title, run] of groups) {
    const before = new Set(seen.keys());
    out.push(`${title}:`);
    try {
      await run();
    } catch (err) {
      out.push(`  (could not run it: ${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    for (const [sql, st] of seen) {
      if (before.has(sql)) continue;
      const params = st.params.map((p) => (Array.isArray(p) ? `[${p.length} ids]` : JSON.stringify(p)));
      out.push(`  ${sql.replace(/\s+/g, ' ').trim()}${params.length ? `   -- ${params.join(', ')}` : ''}`);
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, st.params);
      for (const line of trimmed(rows.map((r) => r['QUERY PLAN']))) out.push(`    ${line}`);
    }
  }
  return out;
}
