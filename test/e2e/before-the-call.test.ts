// Before the call, end to end through Microsoft's Agents Playground: the server composed as the
// local launcher composes it (local mode, the strict Graph sandbox on the bot's database, the
// Playground with the seeded directory's people). The clerk books an ICPC on the booking card,
// builds the invite list on its card and sends the invitations; three professionals answer their
// 1:1 attendance cards (attending; not attending, with a report uploaded; sending a colleague); a
// reminder fires once; the board shows quoracy. The sandbox's mailboxes, calendars and drive are
// checked for exactly the messages, events and permissions expected. The server's clock is a
// ManualClock (the reminders' day is chosen by moving it); the Playground runs in real time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { createLogger } from '../../bot/adapters/logging/logger';
import type { Database } from '../../bot/adapters/store/database';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { loadConfig } from '../../bot/config/load-config';
import type { Conference } from '../../bot/domain/conference/conference';
import { type RunningServer, startServer } from '../../bot/main';
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { snapshot } from '../../scripts/graph-sandbox/mailbox-report';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { playgroundUserId } from '../../scripts/local/playground-config';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { type LocalExtras, startLocalExtras } from '../../scripts/local/start-local-extras';
import { PlaygroundClient, type PlaygroundMessage } from './playground-client';
import { freeLoopbackPort } from '../../scripts/local/playground-launcher';
import { migratedMemoryDatabase } from '../support/template-databases';

jest.setTimeout(240_000);

const CASE = 'MOS7654321';
const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const POLICE = SEED_PEOPLE.find((p) => p.agency === 'police')!;
const HEALTH = SEED_PEOPLE.find((p) => p.jobTitle === 'Health Visitor')!;
const SCHOOL = SEED_PEOPLE.find((p) => p.agency === 'education')!;
const PARENT = { displayName: 'Jo Example', email: 'jo.example@family.example', phone: '07700 900123' };

type Node = Record<string, unknown>;

let dir: string;
let database: Database;
let server: RunningServer | undefined;
let extras: LocalExtras | undefined;
let client: PlaygroundClient | undefined;
const clock = new ManualClock('2026-12-14T09:00:00.000Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cpc-e2e-'));
  const caFile = join(dir, 'sandbox-ca.pem');
  const port = await freeLoopbackPort();
  const config = loadConfig(
    { PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: '1', GRAPH_BASE_URL: `https://127.0.0.1:${port}/v1.0`, GRAPH_CA_FILE: caFile, JOB_POLL_MS: '150' },
    LOCAL_MODE,
  );
  database = await migratedMemoryDatabase();
  server = await startServer(config, { database, clock });
  extras = await startLocalExtras({ config, database, botUrl: server.url, logger: createLogger('silent'), sandboxCaFile: caFile, playgroundPort: 0 });
  client = await PlaygroundClient.connect(extras.playgroundUrl!);
}, 120_000);

afterAll(async () => {
  await client?.close().catch(() => undefined);
  for (const stop of [...(extras?.stops ?? [])].reverse()) await stop().catch(() => undefined);
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Every element of a card, depth first. */
function elements(card: unknown): Node[] {
  const out: Node[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Node;
      if (typeof o.type === 'string') out.push(o);
      for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && k !== 'choices.data') walk(v);
    }
  };
  walk(card);
  return out;
}
const texts = (card: unknown) => elements(card).filter((e) => e.type === 'TextBlock').map((e) => String(e.text));
const cardOf = (m: PlaygroundMessage) => m.attachments[0]!.content as Node;

/** The data of the card's Action.Execute with this verb (its actionId and fixed fields). */
function actionData(card: unknown, verb: string): Node {
  const action = elements(card).find((e) => e.type === 'Action.Execute' && e.verb === verb);
  if (!action) throw new Error(`E2E: the card has no ${verb} action`);
  return (action.data ?? {}) as Node;
}

/** Presses `verb` on a card as `fromId`, with the inputs a person would have filled in; the answer's card. */
async function press(message: PlaygroundMessage, verb: string, inputs: Node, conversationId?: string, fromId?: string): Promise<Node> {
  const data = { ...actionData(cardOf(message), verb), ...inputs };
  const answer = (await client!.invokeCardAction(message.messageId, { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, conversationId, fromId)) as { type?: string; value?: Node };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  return answer.value!;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`E2E.TIMEOUT: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const store = () => new SqlConferenceStore(database);
async function theConference(): Promise<Conference> {
  const { rows } = await database.query<{ id: string }>('SELECT id FROM conferences WHERE case_reference = $1', [CASE]);
  expect(rows).toHaveLength(1);
  return (await store().get(rows[0]!.id))!;
}

describe('before the call, from Teams (Agents Playground)', () => {
  let conference: Conference;

  it('the clerk books an ICPC on the booking card: the meeting is created, locked down, in the chair\'s calendar', async () => {
    await client!.sendText('book');
    const card = await client!.nextBotMessage();
    expect(texts(cardOf(card))[0]).toBe('Book a conference');
    const confirmed = await press(card, 'booking.confirm', {
      kind: 'ICPC', caseReference: CASE, anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id,
      date: '2027-01-06', startTime: '10:00', durationMinutes: '90', confidentialMinutes: '30',
    });
    expect(texts(confirmed)[0]).toBe('Conference booked');
    conference = await theConference();
    expect(conference.status).toBe('booked');
    expect(conference.meeting?.optionsVerified).toBe(true);
    expect(conference.organizerId).toBe(CHAIR.id);
  });

  it('the clerk builds the invite list on its card, one person at a time, and sends the invitations', async () => {
    await client!.sendText(`invite ${CASE}`);
    let message = await client!.nextBotMessage();
    const add = async (inputs: Node) => {
      const answer = await press(message, 'invite-list.add', inputs);
      // The answer replaces the card: the next press is made on it (its version moved on).
      message = { ...message, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer }] };
      return answer;
    };
    for (const p of [POLICE, HEALTH, SCHOOL]) {
      const answer = await add({ role: 'professional', agency: p.agency, displayName: p.displayName, email: p.mail });
      expect(texts(answer).join(' ')).toContain('Added.');
    }
    await add({ role: 'parent', audience: 'family', displayName: PARENT.displayName, email: PARENT.email, phone: PARENT.phone });
    const sent = await press(message, 'invitations.send', {});
    expect(texts(sent).join(' ')).toMatch(/Invitations sent: 4\./);

    conference = await theConference();
    const requested = await database.query<{ detail: unknown }>(`SELECT detail FROM audit_log WHERE action = 'attendance.requested' AND conference_id = $1`, [conference.id]);
    expect(requested.rows.map((r) => r.detail)).toEqual([expect.objectContaining({ failed: [] })]);
    const byEmail = (e: string) => conference.invitees.find((i) => i.email === e)!;
    for (const p of [POLICE, HEALTH, SCHOOL]) {
      // Typed in by e-mail, matched to the directory: asked on a 1:1 card, not by e-mail.
      expect(byEmail(p.mail)).toMatchObject({ status: 'invited', directoryId: p.id, attendanceRequest: { via: 'card' } });
    }
    expect(byEmail(PARENT.email).mail?.state).toBe('sent');
  });

  it('three professionals answer their 1:1 cards: attending, not attending with a report, sending a colleague', async () => {
    // The Playground streams only the current user's chats, so the card each professional was sent
    // is found by the ids the conference recorded for it (its conversation and activity); the
    // press still goes through the Playground, from that professional, on that card.
    conference = await theConference();
    const cardFor = (p: { id: string }) => {
      const i = conference.invitees.find((x) => x.directoryId === p.id)!;
      return { inviteeId: i.id, ...i.attendanceRequest!.card! };
    };
    let presses = 0;
    const answer = async (p: { id: string }, verb: string, inputs: Node = {}) => {
      const card = cardFor(p);
      const data = { conferenceId: conference.id, inviteeId: card.inviteeId, actionId: `e2e-${p.id}-${verb}`, ...inputs };
      presses += 1;
      const reply = (await client!.invokeCardAction(card.activityId, { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, card.conversationId, playgroundUserId(p))) as { type?: string; value?: Node };
      expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
      return reply.value!;
    };
    expect(texts(await answer(POLICE, 'attendance.attending')).join(' ')).toContain('You are attending.');
    await answer(HEALTH, 'attendance.not-attending');
    await answer(SCHOOL, 'attendance.send-colleague', { colleagueName: 'Kit Example', colleagueRole: 'Class teacher' });
    // The same press again (a double click, a redelivery) is the same answer, not a new one.
    await answer(POLICE, 'attendance.attending');
    expect(presses).toBe(4);

    // The health visitor sends their report (the card's link leads to the same upload; here the API).
    conference = await theConference();
    const health = conference.invitees.find((i) => i.directoryId === HEALTH.id)!;
    const token = ((await (await fetch(`${server!.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: HEALTH.id }) })).json()) as { accessToken: string }).accessToken;
    const upload = await fetch(`${server!.url}/api/v1/conferences/${conference.id}/invitees/${health.id}/report?filename=health-report.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]),
    });
    expect(upload.status).toBe(200);

    conference = await theConference();
    const answers = (p: { id: string }) => conference.invitees.find((i) => i.directoryId === p.id)!.attendance!.map((a) => a.answer);
    expect(answers(POLICE)).toEqual(['attending']);
    expect(answers(HEALTH)).toEqual(['not-attending']);
    expect(answers(SCHOOL)).toEqual(['sending-colleague']);
    expect(conference.invitees.find((i) => i.directoryId === HEALTH.id)!.report).toMatchObject({ onTime: true, contentType: 'application/pdf' });
  });

  it('the T9 report reminder fires once for each professional without a report, and not again', async () => {
    const { rows } = await database.query<{ recipient: string; run_at: Date }>(
      `SELECT payload->>'recipient' AS recipient, run_at FROM jobs WHERE kind = 'reminder.due' AND payload->>'reminder' = 'T9' AND status = 'pending' ORDER BY run_at`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const fireAt = new Date(Math.max(...rows.map((r) => new Date(r.run_at).getTime())) + 60_000);
    clock.set(fireAt);
    const sent = await until('the T9 reminders', async () => {
      const r = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM reminders_sent WHERE reminder = 'T9'`);
      return Number(r.rows[0]!.n) >= 2 ? Number(r.rows[0]!.n) : undefined;
    });
    expect(sent).toBe(2);
    // Later the same day: the worker runs again and again; nothing more is sent.
    clock.advance(30 * 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const again = await database.query<{ recipient: string }>(`SELECT recipient FROM reminders_sent WHERE reminder = 'T9' ORDER BY recipient`);
    expect(again.rows.map((r) => r.recipient).sort()).toEqual([POLICE.id, SCHOOL.id].sort());

    const audited = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'reminder.sent' AND conference_id = $1 AND detail->>'reminder' = 'T9'`, [conference.id]);
    expect(Number(audited.rows[0]!.n)).toBe(2);
  });

  it('the board shows the conference quorate: social care, police attending, health reporting, school sending a colleague', async () => {
    await client!.sendText(`board ${CASE}`);
    const board = cardOf(await client!.nextBotMessage());
    const all = texts(board).join(' | ');
    expect(all).toContain('Quorate');
    expect(all).not.toContain(PARENT.displayName);
  });

  it("the sandbox holds exactly the expected event, e-mails and report permissions", async () => {
    const s = await snapshot(new SandboxStore(database));
    const events = s.events.filter((e) => e.subject.startsWith(CASE));
    expect(events).toHaveLength(1);
    expect(events[0]!.organizer.toLowerCase()).toBe(CHAIR.id);
    expect(events[0]!.cancelled).toBe(false);
    // Chair, social worker, the clerk who booked, and the three professionals: never the parent.
    expect(events[0]!.attendees).toBe(6);
    expect(events[0]!.subject).not.toContain(PARENT.displayName.split(' ')[1]!);

    const sentMail = s.mailboxes.flatMap((b) => b.messages.filter((m) => m.folder === 'inbox' && m.subject.includes(CASE)).map((m) => ({ to: b.mailbox, subject: m.subject })));
    // One individual e-mail to the parent; the professionals were asked on cards, not by e-mail.
    expect(sentMail.filter((m) => m.to === PARENT.email)).toHaveLength(1);
    expect(sentMail.filter((m) => [POLICE.mail, HEALTH.mail, SCHOOL.mail].includes(m.to) && !/^Invitation:/.test(m.subject) && m.subject === CASE)).toHaveLength(0);
    for (const m of sentMail) expect(m.subject).not.toContain('Example');

    const drive = new DriveStore(database);
    const files = (await drive.listItems()).filter((i) => !i.isFolder);
    expect(files).toHaveLength(1);
    const folder = (await drive.listItems()).find((i) => i.id === files[0]!.parentId)!;
    expect(folder.name).toBe(CASE);
    expect(files[0]!.name).not.toMatch(/Rowan|Alex/);
    const readers = (await drive.permissions(files[0]!.id)).map((p) => ({ who: p.objectId ?? p.email, roles: p.roles, expiration: p.expiration, signIn: p.signInRequired }));
    const who = readers.map((r) => String(r.who).toLowerCase()).sort();
    // Exactly the chair, the clerk, the social worker and the professional attending in person
    // (police). Not the author, not the school (a colleague goes in its place, not on the list
    // yet), never the parent.
    expect(who).toEqual([CHAIR.mail, CLERK.mail, SW.mail, POLICE.mail].sort());
    for (const r of readers) expect(r).toMatchObject({ roles: ['read'], signIn: true, expiration: expect.stringMatching(/^2027-01-0[67]T/) });
  });
});
