// npm run bench:invites — books a conference with 12 professionals (chair and social worker
// among them) and 4 family members against the local Graph sandbox with 100 ms injected latency
// per Graph request, and counts the requests at the sandbox (its request log), not in the client.
// With GRAPH_SANDBOX_LOG set, the run's request log is appended there too (as `npm start` and
// `npm run sandbox` do), after the run, so that other writers' lines never enter the count.
// Last line: {"graphRequests":…,"naiveRequests":…,"wallMs":…}.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGraphAdapters } from '../bot/adapters/graph/create-graph-adapters';
import { migrate } from '../bot/adapters/store/migrate';
import { openDatabase } from '../bot/adapters/store/open-database';
import { SqlAuditLog } from '../bot/adapters/store/sql-audit-log';
import { SqlConferenceLease } from '../bot/adapters/store/sql-conference-lease';
import { SqlConferenceStore } from '../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../bot/adapters/store/sql-unit-of-work';
import type { Alerts } from '../bot/app/ports/alerts.port';
import type { Clock } from '../bot/app/ports/clock.port';
import { bookMeeting } from '../bot/app/meetings/book-meeting.use-case';
import type { Invitee } from '../bot/domain/conference/conference';
import { resolveProfile } from '../bot/domain/policy/resolve-profile';
import { startGraphSandbox } from './graph-sandbox/start-graph-sandbox';

const LATENCY_MS = 100;
const SENDER = { email: 'conference-team@bench.example', name: 'Conference team' };
const AGENCIES = ['police', 'school', 'gp', 'health-visitor', 'school-nurse', 'midwife', 'probation', 'education-welfare', 'housing', 'nursery'];

function invitees(): Invitee[] {
  const person = (id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee => ({
    id, role, displayName: `Bench ${id}`, email: `${id}@bench.example`, status: 'pending', ...extra,
  });
  return [
    person('chair', 'chair'),
    person('social-worker', 'social-worker'),
    ...AGENCIES.map((agency) => person(`pro-${agency}`, 'professional', { agency })),
    person('parent-1', 'parent'),
    person('parent-2', 'parent', { joinAt: '2027-01-14T11:00' }),
    person('child-1', 'child'),
    person('advocate-1', 'advocate', { interpreter: { language: 'Polish', arrangement: 'the interpreter joins by phone' } }),
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-invites-'));
  const logFile = join(dir, 'graph-requests.jsonl');
  const db = await openDatabase({ dataDir: ':memory:' });
  await migrate(db);
  const sandbox = await startGraphSandbox({ db, tls: true, logFile, faults: { latencyMs: LATENCY_MS } });
  const graph = createGraphAdapters(
    {
      localMode: true, baseUrl: sandbox.graphUrl, authorityHost: sandbox.url, tenantId: sandbox.tenantId,
      clientId: sandbox.clients[0]!.clientId, credential: { kind: 'secret', secret: sandbox.clients[0]!.clientSecret! },
      scope: 'https://graph.microsoft.com/.default', offlineAuthorityMetadata: true,
      mailSender: SENDER, timeoutMs: 10_000, maxRetries: 3,
    },
    { caPem: sandbox.caCertPem! },
  );
  const clock: Clock = { now: () => new Date(), today: () => '2026-12-01' };
  const alerts: Alerts = { alertClerk: async () => undefined };
  const store = new SqlConferenceStore(db);
  const people = invitees();
  await store.create({
    id: 'bench-conf-1', caseReference: 'CP-2027-0001', kind: 'ICPC', profileId: 'england',
    start: '2027-01-14T10:00', end: '2027-01-14T12:00', familySectionStart: '2027-01-14T10:30',
    organizerId: 'organizer@bench.example', status: 'draft', bookingVersion: 1, invitees: people,
  });
  try {
    const started = performance.now();
    const result = await bookMeeting(
      { store, uow: new SqlUnitOfWork(db), lease: new SqlConferenceLease(db, clock), audit: new SqlAuditLog(db, clock, randomBytes(32)), clock, alerts, meetings: graph.meetings, mailer: graph.mailer, profileFor: (id) => resolveProfile(id), mailSender: SENDER },
      'bench-conf-1',
    );
    const wallMs = Math.round(performance.now() - started);
    if (!result.optionsVerified || result.family.sent.length !== 4) throw new Error('BENCH.BOOKING_INCOMPLETE');

    const logText = readFileSync(logFile, 'utf8');
    const logged = logText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { method: string; path: string });
    const sharedLog = process.env.GRAPH_SANDBOX_LOG?.trim();
    if (sharedLog) {
      // The sandbox's own lines (already redacted), in one append.
      mkdirSync(dirname(sharedLog), { recursive: true });
      appendFileSync(sharedLog, logText);
    }
    const graphCalls = logged.filter((r) => r.path.startsWith('/v1.0/'));
    const tokenCalls = logged.filter((r) => /\/oauth2\/v2\.0\/token$/.test(r.path));
    const professionals = people.filter((p) => !['parent', 'child', 'advocate'].includes(p.role)).length;
    const familyCount = people.length - professionals;
    // One request per invitee (an attendee PATCH per professional, a sendMail per family member)
    // beside the event create and the three lock-down calls (find, PATCH, GET).
    const naiveRequests = 1 + 3 + professionals + familyCount;

    console.log(`invitees: ${professionals} professionals (chair and social worker included), ${familyCount} family members`);
    console.log(`latency injected by the sandbox: ${LATENCY_MS} ms per Graph request`);
    console.log('Graph requests received by the sandbox (its request log):');
    for (const r of graphCalls) console.log(`  ${r.method} ${r.path.replace(/\/onlineMeetings\/[^/]+$/, '/onlineMeetings/{id}')}`);
    console.log(`token requests (identity endpoint, not counted as Graph requests): ${tokenCalls.length}`);
    console.log(`graph requests: ${graphCalls.length}  (one-request-per-invitee approach: ${naiveRequests})`);
    console.log(`wall time: ${wallMs} ms (cold: includes the token request and the TLS handshake)`);
    if (sharedLog) console.log(`request log: ${logged.length} lines appended to GRAPH_SANDBOX_LOG`);
    console.log(JSON.stringify({ graphRequests: graphCalls.length, naiveRequests, wallMs }));
  } finally {
    graph.close();
    await sandbox.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:invites failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
