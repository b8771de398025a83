// The bot killed mid-conference (kill -9) and restarted (issue 9 "Bad input, and nothing lost"):
// the whole server runs in a child process on the real SQL store — PGlite in a folder (one
// process at a time, like production's embedded mode) and PostgreSQL when TEST_DATABASE_URL is
// set — and Teams' meeting events reach it over HTTP. The connector stub holds the chair's alert
// card for a parent who has just joined, so the child dies after committing the alert and before
// its delivery is confirmed. After a restart the roster, the stage, the unacknowledged alerts and
// the half-filled decision draft are all there, and the held alert is delivered: none is lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import { SqlConversationRefs } from '../../../bot/adapters/store/sql-conversation-refs';
import { SqlLiveMeetingStore } from '../../../bot/adapters/store/sql-live-meeting.store';
import type { Database } from '../../../bot/adapters/store/database';
import { loadConfig } from '../../../bot/config/load-config';
import type { DecisionDraft } from '../../../bot/domain/decision/decision';
import type { LiveMeeting } from '../../../bot/domain/meeting/live-meeting';
import { LOCAL_MODE } from '../../../scripts/local/sandbox-defaults';
import { TENANT } from '../../http/support/activities';
import { BACKENDS } from '../../store/backends';
import { type MeetingActivityOptions, type Participant, participantJoinActivity } from '../../teams/support/meeting-activities';
import { CHAIR_ID, liveConference, POLICE_ID } from '../meeting/live/support/live-kit';
import type { MeetingCrashChildInput } from './meeting-crash-child';

jest.setTimeout(480_000);

/** Every child started, so that a failed test still kills them. */
const children: ChildProcess[] = [];
const step = (what: string) => process.env.MEETING_CRASH_VERBOSE && process.stderr.write(`meeting-crash: ${what}\n`);

const CONF = 'crash-mtg-1';
const THREAD = `19:meeting_${CONF}@thread.v2`;
const MEETING_ID = 'MCMxOTptZWV0aW5nX2NyYXNoQHRocmVhZC52MiMw';
const CHAIR_CHAT = 'a:chair-personal-chat';
const CHAIR: Participant = { id: '29:chair-teams', name: 'Robin Chairperson', aadObjectId: CHAIR_ID, role: 'Organizer' };
const POLICE: Participant = { id: '29:police-teams', name: 'Casey Officer', aadObjectId: POLICE_ID };
const STRANGER: Participant = { id: '29:guest-stranger', name: 'Unknown Visitor (Guest)' };
const PARENT: Participant = { id: '29:guest-parent', name: 'Morgan P (Guest)', email: 'morgan.parent@example.org' };
/** Half-filled: two agencies' views entered, no category or dates yet. */
const DRAFT = { views: [{ agency: 'police', view: 'plan' }, { agency: 'social-care', view: 'plan', scaling: 3 }], updatedAt: '2026-12-10T10:20:00.000Z' } as unknown as DecisionDraft;

/** A card to a conversation (proactive sends reply to the continuation: …/activities/{id}). */
const CARD_PATH = /^\/v3\/conversations\/[^/]+\/activities(\/|$)/;

interface Held {
  path: string;
  body: Record<string, unknown>;
}

/** A connector on loopback that records each call and, when armed, holds the next chair card unanswered. */
async function startHoldingConnector() {
  const calls: Held[] = [];
  let holdNextCard = false;
  const held: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call = { path: req.url ?? '', body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      const isCard = CARD_PATH.test(call.path);
      if (isCard && holdNextCard) {
        holdNextCard = false;
        held.push(res); // never answered: the bot is killed while it waits
        calls.push({ ...call, path: `HELD ${call.path}` });
        return;
      }
      calls.push(call);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${calls.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    armHold: () => (holdNextCard = true),
    /** Alert ids of the cards the bot sent and the connector answered. */
    deliveredAlertIds: () => calls.filter((c) => CARD_PATH.test(c.path)).map((c) => JSON.stringify(c.body).match(/"alertId":"([^"]+)"/)?.[1]).filter(Boolean),
    close: () => new Promise<void>((r) => { for (const h of held) h.destroy(); server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  step(`waiting for ${what}`);
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`MEETING_CRASH.TIMEOUT waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type DbSpec = { dataDir: string } | { databaseUrl: string };
const open = (spec: DbSpec) => ('databaseUrl' in spec ? openDatabase({ databaseUrl: spec.databaseUrl, dataDir: ':memory:' }) : openDatabase({ dataDir: spec.dataDir }));

function spawnBot(spec: DbSpec, env: Record<string, string>): { child: ChildProcess; url: Promise<string>; exited: Promise<number | null> } {
  const input: MeetingCrashChildInput = { ...spec, env };
  // node itself with tsx's loader (not the tsx wrapper, whose own child a SIGKILL would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'meeting-crash-child.ts')], {
    cwd: join(__dirname, '../../..'),
    env: { ...process.env, MEETING_CRASH_CHILD: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/READY (\S+)/);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`bot exited (${code}) before READY: ${err.slice(0, 2000)}`)));
  });
  return { child, url, exited };
}

const BACKEND_SPECS: { name: string; spec: () => Promise<{ spec: DbSpec; cleanup(): Promise<void> }> }[] = [
  {
    name: 'PGlite in a folder',
    spec: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cpc-meeting-crash-'));
      return { spec: { dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(BACKENDS.some((b) => b.name === 'postgres')
    ? [{
        name: 'PostgreSQL',
        spec: async () => {
          const fresh = await BACKENDS.find((b) => b.name === 'postgres')!.fresh();
          await fresh.db.close();
          return { spec: { databaseUrl: fresh.url! } as DbSpec, cleanup: () => fresh.drop() };
        },
      }]
    : []),
];

describe.each(BACKEND_SPECS)('kill -9 mid-conference, then restart ($name)', ({ spec: makeSpec }) => {
  let connector: Awaited<ReturnType<typeof startHoldingConnector>>;
  let db: { spec: DbSpec; cleanup(): Promise<void> };
  const env = (): Record<string, string> => ({ MEETING_ALERT_REPEAT_MS: '600000', JOB_POLL_MS: '200' });

  beforeAll(async () => {
    connector = await startHoldingConnector();
    db = await makeSpec();
    // The conference as booking left it, the chair's 1:1 chat, and the meeting under way: in the
    // confidential section with the chair present and the decision half entered.
    const database = await open(db.spec);
    await migrate(database);
    await new SqlConferenceStore(database).create(liveConference(CONF, { meeting: { ...liveConference(CONF).meeting!, chatThreadId: THREAD } }));
    await new SqlConversationRefs(database, new ManualClock('2026-12-10T10:00:00.000Z')).record({ personId: CHAIR_ID, conversationId: CHAIR_CHAT, serviceUrl: connector.url, tenantId: TENANT, botId: '28:bot-local', channelId: 'msteams' });
    await new SqlLiveMeetingStore(database).create({
      conferenceId: CONF, teamsMeetingId: MEETING_ID, chat: { conversationId: THREAD, serviceUrl: connector.url, tenantId: TENANT }, startedAt: '2026-12-10T10:00:00.000Z',
      stage: 'confidential', history: [{ from: 'pre-meeting', to: 'confidential', at: '2026-12-10T10:02:00.000Z', by: CHAIR_ID }],
      roster: [{ participantId: CHAIR.id, aadObjectId: CHAIR_ID, inviteeId: 'chair', matchedBy: 'entra-id', inMeeting: true, firstJoinedAt: '2026-12-10T10:00:00.000Z', lastEventAt: '2026-12-10T10:00:00.000Z' }],
      alerts: [], recording: { recording: 'unknown', transcription: 'unknown' }, decisionDraft: DRAFT,
    });
    await database.close();
  }, 300_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await connector?.close();
    await db?.cleanup();
  });

  it('keeps the roster, the stage, the unacknowledged alerts and the draft, and delivers the alert the kill cut off', async () => {
    const at = (minute: number): MeetingActivityOptions => ({ serviceUrl: connector.url, threadId: THREAD, meetingId: MEETING_ID, timestamp: `2026-12-10T10:${String(minute).padStart(2, '0')}:00.000Z` });
    const first = spawnBot(db.spec, env());
    let survivor: ChildProcess | undefined;
    try {
      const url = await first.url;
      step(`first bot at ${url}`);
      const post = (a: unknown) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      expect((await post(participantJoinActivity([POLICE], at(21)))).status).toBe(200);
      // An unknown joiner: alerted and delivered, never acknowledged.
      expect((await post(participantJoinActivity([STRANGER], at(22)))).status).toBe(200);
      await until(() => connector.deliveredAlertIds().length === 1, 'the unknown joiner alert');
      // A parent joins the confidential section; the connector holds the chair's card; kill -9 while the bot waits.
      connector.armHold();
      void post(participantJoinActivity([PARENT], at(23))).catch(() => undefined);
      await until(() => connector.calls.some((c) => c.path.startsWith('HELD')), 'the held alert card');
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    const heldAlertId = JSON.stringify(connector.calls.find((c) => c.path.startsWith('HELD'))!.body).match(/"alertId":"([^"]+)"/)![1]!;
    expect(connector.deliveredAlertIds()).not.toContain(heldAlertId);

    // Restart: the start-up sweep delivers the alert the kill cut off.
    const second = spawnBot(db.spec, env());
    survivor = second.child;
    try {
      step(`second bot at ${await second.url}`);
      await until(() => connector.deliveredAlertIds().includes(heldAlertId), 'the held alert, after the restart');
    } finally {
      survivor.kill('SIGTERM');
      await second.exited;
    }

    const database: Database = await open(db.spec);
    try {
      const live = (await new SqlLiveMeetingStore(database).get(CONF)) as LiveMeeting;
      expect(live.stage).toBe('confidential');
      expect(live.history).toHaveLength(1);
      expect(live.decisionDraft).toEqual(DRAFT);
      expect(live.roster.map((r) => [r.participantId, r.inviteeId ?? null, r.inMeeting])).toEqual([
        [CHAIR.id, 'chair', true],
        [POLICE.id, 'police', true],
        [STRANGER.id, null, true],
        [PARENT.id, 'mum', true],
      ]);
      const open = live.alerts.filter((a) => !a.clearedAt && !a.acknowledgedAt);
      expect(open.map((a) => [a.kind, a.participantId])).toEqual([
        ['unknown-joiner', STRANGER.id],
        ['family-in-confidential', PARENT.id],
      ]);
      // Each delivered and recorded; the held one once, after the restart.
      expect(open.map((a) => a.deliveries)).toEqual([1, 1]);
      expect(open.find((a) => a.id === heldAlertId)).toBeDefined();
      expect(await new SqlLiveMeetingStore(database).listWithOpenAlerts()).toEqual([CONF]);
      const key = loadConfig({ PORT: '0', PLAYGROUND: '0' }, LOCAL_MODE).audit.hmacKey;
      expect((await verifyAuditChain(database, key)).ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});
