// Many instances (issue 11): two product processes on one PostgreSQL database, as two App Service
// instances would run. Both start at once on an empty database (the migrations' lock), share the
// Graph sandbox (the Microsoft double, in this process on the same server) and a Teams connector
// double that records every card, and run on one clock the test moves (a file both read). A clerk
// books through instance A and both instances are asked to create the meeting at the same moment;
// the invite list is built on A and both are asked to send the invitations at the same moment;
// the professionals answer on B; then the clock is moved through every reminder's time while both
// workers poll. Counted where they arrive, not in the product's tables: one Teams meeting, each
// e-mail once, each attendance card once, each reminder once; and the audit chain verifies as
// `npm run audit:verify` verifies it. Needs the PostgreSQL leg (scripts/with-postgres.sh sets TEST_DATABASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import type { Database } from '../../bot/adapters/store/database';
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import type { GraphSandbox } from '../../scripts/graph-sandbox/start-graph-sandbox';
import type { RecordingConnector } from '../../scripts/bench/recording-connector';
import { setFileClock } from './support/file-clock';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!withPostgres) process.stdout.write('two-instances: skipped, TEST_DATABASE_URL is not set (scripts/with-postgres.sh sets it)\n');

/** The store, the sandbox and the doubles, loaded only when the test runs: the leg without PostgreSQL skips it cheaply. */
function loadKit() {
  const postgres = (require('../store/backends') as typeof import('../store/backends')).BACKENDS.find((b) => b.name === 'postgres')!;
  return {
    ...(require('../../bot/adapters/store/sql-audit-log') as typeof import('../../bot/adapters/store/sql-audit-log')),
    ...(require('../../bot/adapters/store/sql-conversation-refs') as typeof import('../../bot/adapters/store/sql-conversation-refs')),
    ...(require('../../bot/adapters/store/sql-staff-roles') as typeof import('../../bot/adapters/store/sql-staff-roles')),
    ...(require('../../scripts/graph-sandbox/sandbox-store') as typeof import('../../scripts/graph-sandbox/sandbox-store')),
    ...(require('../../scripts/graph-sandbox/start-graph-sandbox') as typeof import('../../scripts/graph-sandbox/start-graph-sandbox')),
    ...(require('../../scripts/bench/recording-connector') as typeof import('../../scripts/bench/recording-connector')),
    ...(require('../../scripts/local/playground-launcher') as typeof import('../../scripts/local/playground-launcher')),
    ...(require('../../scripts/local/seed-staff-roster') as typeof import('../../scripts/local/seed-staff-roster')),
    postgres,
  };
}
let kit: ReturnType<typeof loadKit>;

const ROOT = resolve(__dirname, '../..');
const CASE = 'MOS7000011';
const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const POLICE = SEED_PEOPLE.find((p) => p.agency === 'police')!;
const HEALTH = SEED_PEOPLE.find((p) => p.jobTitle === 'Health Visitor')!;
const SCHOOL = SEED_PEOPLE.find((p) => p.agency === 'education')!;
const PROFESSIONALS = [POLICE, HEALTH, SCHOOL];
const PARENT = { displayName: 'Jo Example', email: 'jo.example@family.example', phone: '07700 900123' };
/** The day the clerk books on (a Monday); the conference is on 6 January 2027. */
const BOOKING_INSTANT = '2026-12-14T09:00:00.000Z';
const conversationOf = (personId: string) => `a:1to1-${personId}`;
const t0 = Date.now();
/** INSTANCES_VERBOSE=1: each phase with the time since the file loaded. */
const step = (what: string) => process.env.INSTANCES_VERBOSE && process.stderr.write(`two-instances +${Date.now() - t0} ms: ${what}\n`);

// biome-ignore lint/suspicious/noExplicitAny: the test reads the API's JSON answers freely and asserts exact values
type Json = Record<string, any>;

interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stderr(): string;
}

/** One product process (support/product-instance.ts); resolves once it prints READY. */
async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  // node with tsx's loader, not the tsx wrapper (a signal to the wrapper could leave the product running).
  const child = spawn(process.execPath, ['--require', join(ROOT, 'scripts/local/exit-with-parent.cjs'), '--import', 'tsx', join(__dirname, 'support/product-instance.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', CPC_PARENT_PID: String(process.pid), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before READY: ${err}`)));
  });
  child.stdout!.resume();
  return { name, child, url, exited, stderr: () => err };
}

async function stopInstance(i: Instance | undefined): Promise<void> {
  if (!i || i.child.exitCode !== null || i.child.signalCode !== null) return;
  i.child.kill('SIGTERM');
  const timer = setTimeout(() => i.child.kill('SIGKILL'), 10_000);
  await i.exited;
  clearTimeout(timer);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`TWO_INSTANCES.TIMEOUT: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

(withPostgres ? describe : describe.skip)('two product instances on one PostgreSQL database', () => {
  let dir: string;
  let clockFile: string;
  let db: Database;
  let drop: () => Promise<void>;
  let url: string;
  let sandbox: GraphSandbox | undefined;
  let connector: RecordingConnector | undefined;
  let a: Instance | undefined;
  let b: Instance | undefined;
  const auditKey = randomBytes(32);
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    kit = loadKit();
    dir = mkdtempSync(join(tmpdir(), 'cpc-instances-'));
    clockFile = join(dir, 'clock.json');
    setFileClock(clockFile, BOOKING_INSTANT);
    const fresh = await kit.postgres.fresh();
    db = fresh.db;
    drop = fresh.drop;
    url = fresh.url!;
    connector = await kit.startRecordingConnector();
    const graphPort = await kit.freeLoopbackPort();
    const caFile = join(dir, 'sandbox-ca.pem');
    const env = {
      INSTANCE_DATABASE_URL: url,
      INSTANCE_CLOCK_FILE: clockFile,
      GRAPH_BASE_URL: `https://127.0.0.1:${graphPort}/v1.0`,
      GRAPH_CA_FILE: caFile,
      AUDIT_HMAC_KEY: auditKey.toString('hex'),
      JOB_POLL_MS: '100',
    };
    step('starting');
    // Both at once on the empty database: each migrates at start, as production instances do. The
    // sandbox starts meanwhile (its tables are its own); Graph is first called at the booking.
    [a, b, sandbox] = await Promise.all([
      startInstance('A', env),
      startInstance('B', env),
      kit.startGraphSandbox({ db, port: graphPort, host: '127.0.0.1', tls: true, caCertFile: caFile }),
    ]);
    step('both instances ready');
    // What the local launcher seeds (the staff roster), and each person's 1:1 chat with the bot,
    // as the Teams endpoint records it from their first message: at the connector double.
    await kit.seedStaffRoster(new kit.SqlStaffRoles(db, new kit.SqlAuditLog(db, systemClock, auditKey), systemClock));
    const refs = new kit.SqlConversationRefs(db, systemClock);
    for (const p of SEED_PEOPLE) {
      await refs.record({ personId: p.id, conversationId: conversationOf(p.id), serviceUrl: connector.url, tenantId: sandbox.tenantId, botId: '28:bot-local', channelId: 'msteams' });
    }
    step('seeded');
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await sandbox?.stop();
    await connector?.stop();
    await db?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** The instance's dev sign-in (each local-mode process signs with a key of its own). */
  async function api(on: Instance, method: string, path: string, as: { id: string }, body?: unknown, headers: Record<string, string> = {}) {
    const key = `${on.name}:${as.id}`;
    if (!tokens.has(key)) {
      const res = await fetch(`${on.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: as.id }) });
      tokens.set(key, ((await res.json()) as { accessToken: string }).accessToken);
    }
    const res = await fetch(`${on.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(key)}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Json, etag: res.headers.get('etag') };
  }
  const ifMatch = (etag: string | null) => ({ 'if-match': etag ?? '' });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
  /** The cards the connector double received, by recipient (the conversation is theirs). */
  const cards = () =>
    connector!.received().filter((s) => s.kind === 'activity').map((s) => {
      const body = s.body as Json;
      const content = body.attachments?.[0]?.content as Json | undefined;
      const texts: string[] = (content?.body ?? []).filter((e: Json) => e.type === 'TextBlock').map((e: Json) => String(e.text));
      return { personId: String(s.conversationId).replace(/^a:1to1-/, ''), texts };
    });

  it('books once, sends each invitation once, takes the answers on the other instance and sends every reminder once', async () => {
    const started = Date.now();
    const request = { kind: 'ICPC', caseReference: CASE, anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id, date: '2027-01-06', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30 };
    const created = await api(a!, 'POST', '/api/v1/conferences', CLERK, request);
    expect(created.status).toBe(201);
    const id = created.json.conference.id as string;
    step('created');

    // The clerk's "Book" reaches both instances at once (a double click across the load balancer).
    const booked = await Promise.all([a!, b!].map((on) => api(on, 'POST', `/api/v1/conferences/${id}/booking`, CLERK, undefined, ifMatch(created.etag))));
    const bookedStatuses = booked.map((r) => r.status);
    expect(bookedStatuses).toContain(200);
    for (const r of booked) expect([200, 409, 412]).toContain(r.status);

    let list = await api(a!, 'GET', `/api/v1/conferences/${id}/invite-list`, CLERK);
    for (const p of PROFESSIONALS) {
      const added = await api(a!, 'POST', `/api/v1/conferences/${id}/invite-list/invitees`, CLERK, { role: 'professional', agency: p.agency, displayName: p.displayName, email: p.mail, directoryId: p.id }, ifMatch(list.etag));
      expect(added.status).toBe(201);
      list = added;
    }
    const parent = await api(a!, 'POST', `/api/v1/conferences/${id}/invite-list/invitees`, CLERK, { role: 'parent', audience: 'family', ...PARENT }, ifMatch(list.etag));
    expect(parent.status).toBe(201);

    // "Send invitations" reaches both instances at once.
    const sent = await Promise.all([a!, b!].map((on) => api(on, 'POST', `/api/v1/conferences/${id}/invitations`, CLERK)));
    const sentStatuses = sent.map((r) => r.status);
    expect(sentStatuses).toContain(200);
    for (const r of sent) expect([200, 409]).toContain(r.status);

    step('invitations sent');
    // The professionals answer on instance B.
    const invitees = (await api(b!, 'GET', `/api/v1/conferences/${id}/invite-list`, CLERK)).json.invitees as Json[];
    const inviteeOf = (p: { mail: string }) => invitees.find((i) => i.email === p.mail || i.contact?.email === p.mail)?.id as string;
    for (const [p, answer] of [[POLICE, 'attending'], [HEALTH, 'not-attending'], [SCHOOL, 'attending']] as const) {
      const res = await api(b!, 'PUT', `/api/v1/conferences/${id}/invitees/${inviteeOf(p)}/attendance`, p, { answer });
      expect([p.displayName, res.status]).toEqual([p.displayName, 200]);
    }
    const answered = await api(a!, 'GET', `/api/v1/conferences/${id}`, CLERK);
    expect(answered.status).toBe(200);

    step('answered');
    // Reminders: the clock moved to each one's time in turn while both workers poll.
    const fireTimes = (await db.query<{ run_at: Date }>(`SELECT DISTINCT run_at FROM jobs WHERE kind = 'reminder.due' AND status = 'pending' ORDER BY run_at`)).rows.map((r) => new Date(r.run_at));
    expect(fireTimes.length).toBeGreaterThan(0);
    for (const at of fireTimes) {
      setFileClock(clockFile, new Date(at.getTime() + 60_000));
      await until(`the reminders due at ${at.toISOString()}`, async () =>
        (await count(`SELECT count(*)::text AS n FROM jobs WHERE kind = 'reminder.due' AND (status = 'running' OR (status = 'pending' AND run_at <= $1))`, [at])) === 0 ? true : undefined,
      );
    }
    // Past the conference: a few more polls by both; nothing more goes out.
    setFileClock(clockFile, '2027-01-06T12:00:00.000Z');
    await new Promise((r) => setTimeout(r, 800));
    const elapsedMs = Date.now() - started;
    step('reminders done');

    // — Counted at the doubles —
    const store = new kit.SandboxStore(db);
    const events = (await store.listEvents()).filter((e) => String(e.body.subject ?? '').startsWith(CASE));
    expect(events).toHaveLength(1);
    expect(events[0]!.cancelled).toBe(false);
    expect((await store.listAllMeetings()).filter((m) => String(m.body.subject ?? '').startsWith(CASE))).toHaveLength(1);

    const mail = (await store.listMessages()).filter((m) => m.folder === 'inbox');
    const mailKeys = mail.map((m) => `${m.mailbox} ${m.kind} ${m.subject}`);
    expect(new Set(mailKeys).size).toBe(mailKeys.length);
    expect(mail.filter((m) => m.mailbox === PARENT.email)).toHaveLength(1);

    const received = cards();
    const attendanceCards = received.filter((c) => c.texts[0] !== 'Reminder');
    for (const p of PROFESSIONALS) expect([p.displayName, attendanceCards.filter((c) => c.personId === p.id).length]).toEqual([p.displayName, 1]);
    const reminderCards = received.filter((c) => c.texts[0] === 'Reminder').map((c) => `${c.personId} ${c.texts[1]}`);
    expect(new Set(reminderCards).size).toBe(reminderCards.length);

    // Each reminder the product recorded as sent arrived once, and nothing else did.
    const recorded = (await db.query<{ recipient: string; reminder: string }>('SELECT recipient, reminder FROM reminders_sent ORDER BY reminder, recipient')).rows;
    expect(reminderCards).toHaveLength(recorded.length);
    const byPerson = (list: { personId?: string; recipient?: string }[]) =>
      Object.fromEntries(SEED_PEOPLE.map((p) => [p.displayName, list.filter((x) => (x.personId ?? x.recipient) === p.id).length]).filter(([, n]) => n !== 0));
    expect(byPerson(received.filter((c) => c.texts[0] === 'Reminder'))).toEqual(byPerson(recorded));
    expect(recorded.map((r) => `${r.reminder} ${SEED_PEOPLE.find((p) => p.id === r.recipient)?.displayName ?? r.recipient}`)).toEqual(
      expect.arrayContaining([`T9 ${POLICE.displayName}`, `T9 ${HEALTH.displayName}`, `T9 ${SCHOOL.displayName}`]),
    );
    expect(await count(`SELECT count(*)::text AS n FROM jobs WHERE kind = 'reminder.due' AND status NOT IN ('done', 'failed')`)).toBe(0);
    expect(await count(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'reminder.sent'`)).toBe(recorded.length);

    // — The audit chain: one chain both instances appended to (each append locks the one head row),
    // checked as `npm run audit:verify` checks it (the same function), with the instances' key —
    const verdict = await kit.verifyAuditChain(db, auditKey);
    expect(verdict).toMatchObject({ ok: true });
    step('audit chain verified');

    process.stdout.write(
      `two-instances: booking ${bookedStatuses.join('/')}, invitations ${sentStatuses.join('/')}; 1 meeting, ${mail.length} e-mails, ${attendanceCards.length} attendance cards, ` +
        `${reminderCards.length} reminders at ${fireTimes.length} times (${recorded.map((r) => r.reminder).join(' ')}), each once; audit chain of ${verdict.entries} entries intact; scenario ${elapsedMs} ms\n`,
    );
  }, 90_000);
});
