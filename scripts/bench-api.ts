// npm run bench:api — the API under load in its production configuration: the compiled build
// (`node dist/bot/main.js`, JWT validation on against a local JWKS, the tenant check on) with the
// Graph directory pointed at the local sandbox's /users. 200 booked conferences are seeded in the
// embedded database first; then 50 concurrent clients read boards (as the clerk) and answer
// attendance (as the three agency professionals, alternating answers, so every answer is a real
// write with its audit entry). Prints requests/s, p50/p99 and the bot's RSS, and a final JSON line
// {"requestsPerSecond":…,"p99Ms":…,"rssMb":…}. Aim: p99 under 100 ms on this machine.
//
// BENCH_API_DURATION_S (default 20), BENCH_API_CONNECTIONS (default 50), BENCH_API_CONFERENCES (200);
// BENCH_API_DATABASE_URL: a PostgreSQL database to use instead of the embedded one (as in Azure;
// e.g. under scripts/with-postgres.sh: BENCH_API_DATABASE_URL=$TEST_DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../bot/adapters/clock/system-clock';
import { migrate } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { SqlAuditLog } from '../bot/adapters/store/sql-audit-log';
import { SqlConferenceStore } from '../bot/adapters/store/sql-conference.store';
import { SqlStaffRoles } from '../bot/adapters/store/sql-staff-roles';
import type { StaffRole } from '../bot/app/ports/staff-roles.port';
import type { Conference, Invitee } from '../bot/domain/conference/conference';
import { startChild } from './bench/child-process';
import { BENCH_APP, productionEnv } from './bench/production-auth';
import { BENCH_TENANT_ID } from './bench/load';
import { SEED_PEOPLE, seedPerson } from './graph-sandbox/directory/seed-people';
import { startGraphSandbox } from './graph-sandbox/start-graph-sandbox';
import { startLocalIdentityProvider } from './local-identity/local-identity-provider';
import { freeLoopbackPort } from './local/playground-launcher';

interface AutocannonRequest { method: string; path: string; headers: Record<string, string>; body?: string }
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: { method: string; path: string; headers: Record<string, string>; setupRequest(req: AutocannonRequest): AutocannonRequest }[];
}) => Promise<AutocannonResult>;
const autocannon: Autocannon = require('autocannon');

const ROOT = resolve(__dirname, '..');
const DURATION_S = Number(process.env.BENCH_API_DURATION_S ?? 20);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 50);
const CONFERENCES = Number(process.env.BENCH_API_CONFERENCES ?? 200);
const AUDIENCE = 'api://cpc-bench';
const GRAPH_CLIENT = { clientId: 'c11e0000-0000-4000-8000-00000000be0a', clientSecret: 'bench-graph-secret-not-real' };

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const PROFESSIONALS = [SEED_PEOPLE.find((p) => p.agency === 'police')!, SEED_PEOPLE.find((p) => p.jobTitle === 'Health Visitor')!, SEED_PEOPLE.find((p) => p.agency === 'education')!];

/** A booked conference three weeks out, its invitees the seeded chair, social worker, clerk and three professionals. */
function conference(n: number, start: string): Omit<Conference, 'version'> {
  const person = (p: (typeof SEED_PEOPLE)[number], role: Invitee['role']): Invitee => ({
    id: `inv-${p.id.slice(-4)}`, role, displayName: p.displayName, email: p.mail, directoryId: p.id, status: 'invited',
    ...(role === 'professional' ? { agency: p.agency } : {}),
  });
  return {
    id: `bench-${n}`,
    caseReference: `MOS${String(8_000_000 + n)}`,
    kind: 'ICPC',
    profileId: 'england',
    start: `${start}T10:00`,
    end: `${start}T11:30`,
    familySectionStart: `${start}T10:30`,
    organizerId: CHAIR.id,
    status: 'booked',
    bookingVersion: 1,
    anchors: { 'strategy-discussion': start },
    meeting: { eventId: `bench-event-${n}`, transactionId: randomUUID(), joinUrl: `https://teams.microsoft.com/l/meetup-join/bench-${n}`, optionsVerified: true, optionMismatches: [], syncedBookingVersion: 1 },
    invitees: [person(CHAIR, 'chair'), person(SW, 'social-worker'), person(CLERK, 'clerk'), ...PROFESSIONALS.map((p) => person(p, 'professional'))],
  };
}

const DATABASE_URL = process.env.BENCH_API_DATABASE_URL;

async function seed(dataDir: string, auditKey: Buffer): Promise<string[]> {
  const db = await openDatabase({ dataDir, ...(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {}) });
  await migrate(db);
  const roster = new SqlStaffRoles(db, new SqlAuditLog(db, systemClock, auditKey), systemClock);
  for (const p of SEED_PEOPLE) await roster.set({ objectId: p.id, role: p.role as StaffRole, agency: p.agency }, { id: 'cli', role: 'cli' });
  const store = new SqlConferenceStore(db);
  const day = new Date(Date.now() + 21 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const start = day.toISOString().slice(0, 10);
  const ids: string[] = [];
  for (let n = 1; n <= CONFERENCES; n++) ids.push((await store.create(conference(n, start))).id);
  await db.close();
  return ids;
}

async function main(): Promise<void> {
  const tsc = spawnSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`BENCH.BUILD_FAILED: ${`${tsc.stdout}${tsc.stderr}`.slice(-1500)}`);

  const dir = mkdtempSync(join(tmpdir(), 'cpc-bench-api-'));
  const idp = await startLocalIdentityProvider({ clientId: BENCH_APP.appId, clientSecret: BENCH_APP.secret });
  // msal-node needs an https authority: the sandbox on TLS with its own CA (GRAPH_CA_FILE).
  const caFile = join(dir, 'sandbox-ca.pem');
  const sandbox = await startGraphSandbox({ tls: true, caCertFile: caFile, tenantId: BENCH_TENANT_ID, clients: [GRAPH_CLIENT] });
  let bot: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    const env = productionEnv(idp);
    const auditKey = Buffer.from(env.AUDIT_HMAC_KEY!.slice(4), 'hex');
    const ids = await seed(dir, auditKey);
    const port = await freeLoopbackPort();
    bot = await startChild({
      name: 'production',
      entry: 'dist/bot/main.js',
      env: {
        PATH: process.env.PATH,
        ...env,
        PORT: String(port),
        DATA_DIR: dir,
        ...(DATABASE_URL ? { DATABASE_URL } : {}),
        LOG_LEVEL: 'warn',
        API_AUDIENCE: AUDIENCE,
        API_TOKEN_ISSUER: idp.issuer,
        API_JWKS_URL: `${idp.url}/keys`,
        GRAPH_BASE_URL: sandbox.graphUrl,
        GRAPH_AUTHORITY_HOST: sandbox.url,
        GRAPH_OFFLINE_AUTHORITY_METADATA: 'true',
        GRAPH_CA_FILE: caFile,
        GRAPH_TENANT_ID: BENCH_TENANT_ID,
        GRAPH_CLIENT_ID: GRAPH_CLIENT.clientId,
        GRAPH_CLIENT_SECRET: GRAPH_CLIENT.clientSecret,
      },
      ready: { url: `http://127.0.0.1:${port}`, poll: '/readyz' },
      discardStdout: true,
      timeoutMs: 120_000,
    });
    const token = (oid: string) => idp.sign({ aud: AUDIENCE, tid: BENCH_TENANT_ID, oid, roles: [], scp: 'access_as_user' });
    const clerkToken = await token(CLERK.id);
    const proTokens = await Promise.all(PROFESSIONALS.map((p) => token(p.id)));

    // Before measuring: the guards are on (no token 401), the routes answer (board 200 for the clerk).
    const probe = await fetch(`${bot.url}/api/v1/conferences/${ids[0]}/board`);
    if (probe.status !== 401) throw new Error(`BENCH.GUARD: board without a token answered ${probe.status}`);
    const ok = await fetch(`${bot.url}/api/v1/conferences/${ids[0]}/board`, { headers: { authorization: `Bearer ${clerkToken}` } });
    if (ok.status !== 200) throw new Error(`BENCH.ROUTE: board answered ${ok.status}: ${(await ok.text()).slice(0, 300)}`);

    let rssPeak = bot.rssMb();
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, bot!.rssMb());
    }, 250);
    let n = 0;
    const answers = ['attending', 'not-attending'] as const;
    const result = await autocannon({
      url: bot.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: [
        {
          method: 'GET',
          path: '/',
          headers: {},
          setupRequest(req): AutocannonRequest {
            n += 1;
            const id = ids[n % ids.length]!;
            if (n % 2 === 0) {
              const { body: _unused, ...get } = req;
              return { ...get, method: 'GET', path: `/api/v1/conferences/${id}/board`, headers: { authorization: `Bearer ${clerkToken}` } as Record<string, string> };
            }
            const who = n % PROFESSIONALS.length;
            const body = JSON.stringify({ answer: answers[Math.floor(n / 6) % 2] });
            return {
              ...req,
              method: 'PUT',
              path: `/api/v1/conferences/${id}/invitees/inv-${PROFESSIONALS[who]!.id.slice(-4)}/attendance`,
              headers: { authorization: `Bearer ${proTokens[who]}`, 'content-type': 'application/json' },
              body,
            };
          },
        },
      ],
    });
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, bot.rssMb());
    const round = (x: number) => Math.round(x * 10) / 10;
    const figures = { requestsPerSecond: round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, rssMb: round(rssPeak) };
    console.log(`bench:api — ${CONNECTIONS} connections for ${DURATION_S} s against ${CONFERENCES} conferences (production configuration, compiled build, ${DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`);
    console.log(`  requests         ${result.requests.total} (${figures.requestsPerSecond}/s)`);
    console.log(`  latency          p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (aim: p99 < 100 ms)`);
    console.log(`  non-2xx          ${result.non2xx}  errors ${result.errors}  timeouts ${result.timeouts}  ${JSON.stringify(result.statusCodeStats ?? {})}`);
    console.log(`  bot RSS peak     ${figures.rssMb} MB`);
    if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
    console.log(JSON.stringify({ requestsPerSecond: figures.requestsPerSecond, p99Ms: figures.p99Ms, rssMb: figures.rssMb }));
  } finally {
    await bot?.stop();
    await sandbox.stop();
    await idp.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
