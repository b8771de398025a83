// npm run bench:scale — the dashboard's and the board's reads at a large council's scale: 100,000
// conferences over ten years (about 800,000 invitees) and 2,000,000 audit entries in PostgreSQL.
// The product server runs in-process in local mode (dev sign-in, the seeded directory) on that
// database, and every figure is a real HTTP request to its API, or a real Teams message to its bot
// endpoint for `board <case reference>` (replies go to a local connector stand-in). Prints the
// population time, the table sizes, p50/p99 per query, EXPLAIN (ANALYZE, BUFFERS) of the SQL behind
// them, and a final JSON line {"dashboardP99Ms":…,"boardP99Ms":…}. Aim: p99 under 150 ms.
// docs/scale.md has the figures, the indexes and the plans.
//
// The database: BENCH_DATABASE_URL, else TEST_DATABASE_URL (the npm script runs this under
// scripts/with-postgres.sh, which starts a throwaway cluster). It must be empty or hold this
// bench's own data from an earlier run (then population is skipped). BENCH_SCALE_CONFERENCES
// (100000), BENCH_SCALE_AUDIT (2000000), BENCH_SCALE_ITERATIONS (200), BENCH_SCALE_BUDGET_S (60:
// the most one query may take, so a slow one cannot stall the run).
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { migrate } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { SqlConferenceLookup } from '../bot/adapters/store/sql-conference-lookup';
import type { Clock } from '../bot/app/ports/clock.port';
import { loadConfig } from '../bot/config/load-config';
import { startServer } from '../bot/main';
import { StaticDirectory } from '../test/support/static-directory';
import { benchActivity } from './bench/load';
import { explainSummaries } from './bench/scale-explain';
import { type Measured, measure } from './bench/scale-measure';
import { APPROVER, BENCH_CLERK, populateScale, SCALE_ID_PREFIX, type ScaleShape, scaleConferenceId } from './bench/scale-populate';
import { LOCAL_MODE } from './local/sandbox-defaults';

const SHAPE: ScaleShape = {
  conferences: Number(process.env.BENCH_SCALE_CONFERENCES ?? 100_000),
  auditEntries: Number(process.env.BENCH_SCALE_AUDIT ?? 2_000_000),
  firstDay: '2017-01-02',
  years: 10,
  today: '2026-11-02',
};
const ITERATIONS = Number(process.env.BENCH_SCALE_ITERATIONS ?? 200);
const BUDGET_MS = Number(process.env.BENCH_SCALE_BUDGET_S ?? 60) * 1000;
const WARMUP = 10;
const AIM_MS = 150;

/** The product's Europe/London today is fixed (the data is laid out around it); instants are real, for the tokens. */
const CLOCK: Clock = { now: () => new Date(), today: () => SHAPE.today };

function fail(message: string): never {
  console.error(`bench:scale: ${message}`);
  process.exit(2);
}

/** A Bot Framework connector stand-in: takes the bot's replies and keeps the last one to check it. */
async function startConnector(): Promise<{ url: string; last: () => string; server: Server }> {
  let last = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      last = body;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'reply' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, last: () => last, server };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!databaseUrl) fail('set BENCH_DATABASE_URL, or run it as `npm run bench:scale` (a throwaway PostgreSQL cluster)');
  const db = await openDatabase({ databaseUrl, dataDir: ':memory:' });
  await migrate(db);

  const existing = (await db.query<{ n: string; ours: string }>(`SELECT count(*) AS n, count(*) FILTER (WHERE id LIKE '${SCALE_ID_PREFIX}%') AS ours FROM conferences`)).rows[0]!;
  if (Number(existing.n) === 0) {
    console.log(`populating: ${SHAPE.conferences} conferences from ${SHAPE.firstDay} over ${SHAPE.years} years, ${SHAPE.auditEntries} audit entries…`);
    const t = performance.now();
    for (const step of await populateScale(db, SHAPE)) console.log(`  ${step.step.padEnd(18)} ${(step.ms / 1000).toFixed(1)} s`);
    console.log(`  population total   ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else if (Number(existing.n) === SHAPE.conferences && Number(existing.ours) === SHAPE.conferences) {
    console.log(`the database already holds this bench's ${SHAPE.conferences} conferences: population skipped`);
    await db.exec('ANALYZE');
  } else {
    fail(`the database holds ${existing.n} conferences that are not this bench's: give it an empty database`);
  }

  const sizes = await db.query<{ name: string; rows: string; total: string; indexes: string }>(
    `SELECT c.relname AS name, (SELECT reltuples::bigint FROM pg_class WHERE oid = c.oid)::text AS rows,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS total, pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
     FROM pg_class c WHERE c.relname IN ('conferences', 'conference_invitees', 'conference_meetings', 'audit_log') ORDER BY c.relname`,
  );
  console.log('tables (rows as estimated by ANALYZE):');
  for (const s of sizes.rows) console.log(`  ${s.name.padEnd(20)} ${s.rows.padStart(9)} rows  ${s.total.padStart(8)} (indexes ${s.indexes})`);

  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'warn', PLAYGROUND: '0' }, LOCAL_MODE);
  const server = await startServer(config, { database: db, clock: CLOCK, directory: new StaticDirectory(), logDestination: sink });
  const connector = await startConnector();
  const results: Measured[] = [];
  try {
    const token = async (userId: string) => {
      const res = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const tokens = { clerk: await token(BENCH_CLERK), manager: await token(APPROVER) };
    const get = async (path: string, who: keyof typeof tokens, check: (json: Record<string, unknown>) => boolean) => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`BENCH.UNEXPECTED_STATUS: ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      const json = JSON.parse(text) as Record<string, unknown>;
      if (!check(json)) throw new Error(`BENCH.UNEXPECTED_ANSWER: ${path}: ${text.slice(0, 300)}`);
      return json;
    };
    const run = async (name: string, fn: (i: number) => Promise<void>) => {
      const m = await measure(name, fn, { warmup: WARMUP, iterations: ITERATIONS, budgetMs: BUDGET_MS });
      results.push(m);
      console.log(`  ${name.padEnd(58)} n=${String(m.runs).padStart(3)}  p50 ${String(m.p50Ms).padStart(7)} ms  p99 ${String(m.p99Ms).padStart(7)} ms`);
    };
    const listed = (json: Record<string, unknown>) => Array.isArray(json.conferences) && json.conferences.length > 0;

    // What the requests return, once, so the figures are known to be about real answers.
    const clerkList = await get('/api/v1/conferences', 'clerk', listed);
    const managerList = await get('/api/v1/conferences', 'manager', listed);
    const deadlinesEach = (managerList.conferences as { deadlines: unknown[] }[]).map((l) => l.deadlines.length);
    console.log(`answers: the default 56 days list ${(managerList.conferences as unknown[]).length} conferences for the safeguarding manager (council-wide), ` +
      `${(clerkList.conferences as unknown[]).length} for the clerk; ${(deadlinesEach.reduce((a, b) => a + b, 0) / deadlinesEach.length).toFixed(1)} deadlines each`);

    // The clerk's own conferences (every 8th) in the weeks around today for one conference's
    // deadlines, and over all ten years for the board (any conference may be looked at).
    const todayIndex = Math.round((SHAPE.conferences * (Date.parse(SHAPE.today) - Date.parse(SHAPE.firstDay))) / (SHAPE.years * 365.25 * 86_400_000));
    const ownNearToday = (i: number) => scaleConferenceId(Math.max(8, Math.min(SHAPE.conferences, (Math.floor(todayIndex / 8) + ((i * 37) % 400) - 200) * 8)));
    const ownAnywhere = (i: number) => scaleConferenceId(8 * (1 + ((i * 7919) % Math.floor(SHAPE.conferences / 8))));
    const lookup = new SqlConferenceLookup(db);
    const caseRefs: string[] = [];
    // References whose latest conference is the clerk's (the command shows the latest one).
    for (let i = 0; caseRefs.length < WARMUP + ITERATIONS && i < 20 * (WARMUP + ITERATIONS); i++) {
      const { rows } = await db.query<{ case_reference: string }>('SELECT case_reference FROM conferences WHERE id = $1', [ownAnywhere(i)]);
      const [latest] = await lookup.idsByCaseReference(rows[0]!.case_reference);
      const owner = await db.query<{ organizer_id: string }>('SELECT organizer_id FROM conferences WHERE id = $1', [latest]);
      if (owner.rows[0]?.organizer_id === BENCH_CLERK) caseRefs.push(rows[0]!.case_reference);
    }
    if (caseRefs.length === 0) fail('no case reference whose latest conference is the clerk\'s');

    console.log(`latency (sequential requests over HTTP; ${WARMUP} warm-up, then ${ITERATIONS} or ${BUDGET_MS / 1000} s):`);
    await run('dashboard  GET /conferences (safeguarding manager, 56 days)', () => get('/api/v1/conferences', 'manager', listed).then(() => undefined));
    await run('dashboard  GET /conferences (clerk, 56 days)', () => get('/api/v1/conferences', 'clerk', listed).then(() => undefined));
    await run('dashboard  GET /conferences/:id/deadlines (clerk)', (i) => get(`/api/v1/conferences/${ownNearToday(i)}/deadlines`, 'clerk', (j) => Array.isArray(j.deadlines)).then(() => undefined));
    await run('dashboard  GET /approvals (safeguarding manager)', () => get('/api/v1/approvals', 'manager', (j) => Array.isArray(j.approvals)).then(() => undefined));
    await run('dashboard  GET /reports/timeliness (manager, the year to today)', () => get('/api/v1/reports/timeliness', 'manager', (j) => Array.isArray(j.rows) && j.rows.length > 0).then(() => undefined));
    await run('board      GET /conferences/:id/board (clerk)', (i) => get(`/api/v1/conferences/${ownAnywhere(i)}/board`, 'clerk', (j) => typeof j.quoracy === 'object').then(() => undefined));
    await run('board      "board <case reference>" in Teams chat (clerk)', async (i) => {
      const activity = benchActivity('message', connector.url, `board ${caseRefs[i % caseRefs.length]}`, i);
      const sent = { ...activity, from: { id: `29:bench-clerk`, aadObjectId: BENCH_CLERK } };
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) });
      if (res.status >= 300) throw new Error(`BENCH.UNEXPECTED_STATUS: /api/messages answered ${res.status}`);
      await res.text();
      if (!connector.last().includes('application/vnd.microsoft.card.adaptive')) throw new Error(`BENCH.UNEXPECTED_ANSWER: the board reply was ${connector.last().slice(0, 300)}`);
    });
    console.log(`  (the case reference lookup alone, SqlConferenceLookup: ${(await measure('lookup', (i) => lookup.idsByCaseReference(caseRefs[i % caseRefs.length]!).then(() => undefined), { warmup: WARMUP, iterations: ITERATIONS, budgetMs: BUDGET_MS })).p99Ms} ms p99)`);

    console.log('query plans (EXPLAIN (ANALYZE, BUFFERS), the statements the store adapters run):');
    for (const line of await explainSummaries(db, { from: `${SHAPE.today}T00:00`, to: '2026-12-28T23:59', caseReference: caseRefs[0]!, conferenceId: ownAnywhere(0), approverId: APPROVER })) console.log(`  ${line}`);
  } finally {
    connector.server.close();
    await server.close();
  }

  const worst = (prefix: string) => Math.max(...results.filter((r) => r.name.startsWith(prefix)).map((r) => r.p99Ms));
  const dashboardP99Ms = worst('dashboard');
  const boardP99Ms = worst('board');
  console.log(`aim: p99 under ${AIM_MS} ms — dashboard ${dashboardP99Ms < AIM_MS ? 'met' : 'NOT met'}, board ${boardP99Ms < AIM_MS ? 'met' : 'NOT met'} (the worst query of each)`);
  console.log(JSON.stringify({ dashboardP99Ms, boardP99Ms }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
