// The live meeting as server-sent events over real HTTP (GET …/meeting/events), read as a
// stream with fetch as the side panel reads it: the first `event: meeting` at connect, the next
// one after the chair changes the stage through the API; the stream sees a change made through a
// second server instance on the same database (it re-reads the store); refused like GET
// …/meeting (401, 403, 404 as JSON); and the server's close ends the stream.
jest.setTimeout(120_000);

import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { Conference } from '../../bot/domain/conference/conference';
import type { RosterEntry } from '../../bot/domain/meeting/live-meeting';
import { FakeMailer, FakeMeetings } from '../invitations/booking-fakes';
import { bookedConference, CHAIR, CLERK, POLICE, RecordingNotifier, SCHOOL, SOCIAL_WORKER } from '../invite-list/support/invite-kit';
import { StaticDirectory } from '../support/static-directory';
import { startTestServer, type TestServer } from './support/test-server';

// biome-ignore lint/suspicious/noExplicitAny: events are read loosely; the server checks them against their schema
type Json = any;

let bot: TestServer;
let second: TestServer;
let secondClosed = false;
const tokens = new Map<string, string>();
const open: AbortController[] = [];

async function tokenOf(personId: string): Promise<string> {
  if (!tokens.has(personId)) tokens.set(personId, ((await bot.post('/api/v1/dev/sign-in', { userId: personId })).json as Json).accessToken);
  return tokens.get(personId)!;
}

/** One event-stream connection, its frames parsed as they arrive. */
class EventReader {
  private buffer = '';
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private readonly decoder = new TextDecoder();
  done = false;
  /** The body is taken on the first read only, so a refusal's JSON can still be read instead. */
  constructor(private readonly body: ReadableStream<Uint8Array>) {}
  /** The next frame (`event`/`data`, or a comment), or null when the stream ended. */
  async next(): Promise<{ event?: string; data?: Json; comment?: string } | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const raw = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const out: { event?: string; data?: Json; comment?: string } = {};
        for (const line of raw.split('\n')) {
          if (line.startsWith(':')) out.comment = line.slice(1).trim();
          else if (line.startsWith('event: ')) out.event = line.slice(7);
          else if (line.startsWith('data: ')) out.data = JSON.parse(line.slice(6));
        }
        return out;
      }
      this.reader ??= this.body.getReader();
      const chunk = await this.reader.read();
      if (chunk.done) {
        this.done = true;
        return null;
      }
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
  /** The next `event: meeting`, skipping comments. */
  async nextMeeting(): Promise<Json> {
    for (;;) {
      const f = await this.next();
      if (f === null) throw new Error('the stream ended');
      if (f.event === 'meeting') return f.data;
      if (f.event) throw new Error(`unexpected event ${f.event}: ${JSON.stringify(f.data)}`);
    }
  }
}

async function connect(base: string, conferenceId: string, personId: string | null): Promise<{ res: Response; events: EventReader }> {
  const abort = new AbortController();
  open.push(abort);
  const res = await fetch(`${base}/api/v1/conferences/${conferenceId}/meeting/events`, {
    headers: personId ? { authorization: `Bearer ${await tokenOf(personId)}`, accept: 'text/event-stream' } : { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  return { res, events: new EventReader(res.body!) };
}

async function stage(conferenceId: string, body: unknown, via = bot): Promise<Json> {
  const res = await fetch(`${via.url}/api/v1/conferences/${conferenceId}/meeting/stage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(CHAIR.id)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

function withPeople(id: string): Omit<Conference, 'version'> {
  const base = bookedConference(id, { caseReference: `MOS${id.replace(/\D/g, '').padStart(7, '0')}` });
  return {
    ...base,
    booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CLERK.id, durationMinutes: 120, confidentialMinutes: 45 },
    invitees: [
      ...base.invitees,
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' },
      { id: 'inv-parent', role: 'parent', displayName: 'Invented Parent', email: 'parent.invented@example.net', status: 'invited' },
    ],
  };
}

const entry = (participantId: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  participantId, inMeeting: true, firstJoinedAt: '2026-12-02T09:55:00.000Z', lastEventAt: '2026-12-02T09:55:00.000Z', ...extra,
});

const STRANGER = 'bbbb0000-0000-4000-8000-00000000b002';

beforeAll(async () => {
  const deps = { directory: new StaticDirectory(), graph: { meetings: new FakeMeetings(), mailer: new FakeMailer() }, notifier: new RecordingNotifier() };
  bot = await startTestServer({ deps });
  // A second instance on the same database, as two App Service instances behind one address.
  // Its close leaves the shared database open (the first instance closes it).
  const shared = new Proxy(bot.db, {
    get: (db, key) => (key === 'close' ? async () => {} : typeof Reflect.get(db, key) === 'function' ? Reflect.get(db, key).bind(db) : Reflect.get(db, key)),
  });
  second = await startTestServer({ deps: { ...deps, database: shared } });
  const store = new SqlConferenceStore(bot.db);
  const live = new SqlLiveMeetingStore(bot.db);
  for (const id of ['ev-1', 'ev-2']) {
    await store.create(withPeople(id));
    await live.create({
      conferenceId: id, teamsMeetingId: `mtg-${id}`, chat: { conversationId: `19:meeting_${id}@thread.v2`, serviceUrl: 'https://smba.example/uk/' },
      startedAt: '2026-12-02T09:55:00.000Z', stage: 'pre-meeting', history: [],
      roster: [entry('29:chair', { aadObjectId: CHAIR.id, inviteeId: 'inv-chair', matchedBy: 'entra-id' }), entry('29:sw', { aadObjectId: SOCIAL_WORKER.id, inviteeId: 'inv-sw', matchedBy: 'entra-id' })],
      alerts: [],
    });
  }
});
afterAll(async () => {
  for (const a of open) a.abort();
  if (!secondClosed) await second?.close();
  // startTestServer made a database of its own for the second instance, unused beside the shared one.
  await second?.db.close();
  await bot?.close();
});

describe('refused like GET …/meeting, as JSON', () => {
  test('no token: 401 AUTH.UNAUTHORIZED with a Bearer challenge', async () => {
    const { res } = await connect(bot.url, 'ev-1', null);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await res.json()) as Json).error.code).toBe('AUTH.UNAUTHORIZED');
  });

  test('someone the product does not know: 403 ACCESS.UNKNOWN_PERSON; staff not part of the conference: 404, as for a conference that does not exist', async () => {
    const stranger = await connect(bot.url, 'ev-1', STRANGER);
    expect(stranger.res.status).toBe(403);
    expect(((await stranger.res.json()) as Json).error.code).toBe('ACCESS.UNKNOWN_PERSON');
    const school = await connect(bot.url, 'ev-1', SCHOOL.id);
    expect(school.res.status).toBe(404);
    expect(((await school.res.json()) as Json).error.code).toBe('ACCESS.NOT_PART_OF_CONFERENCE');
    const none = await connect(bot.url, 'no-such', CHAIR.id);
    expect(none.res.status).toBe(404);
  });
});

describe('the stream', () => {
  test('the chair: the run sheet at connect, then the next one after the stage changes through the API', async () => {
    const { res, events } = await connect(bot.url, 'ev-1', CHAIR.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const first = await events.nextMeeting();
    expect(first).toMatchObject({ conferenceId: 'ev-1', stage: 'pre-meeting', view: 'run-sheet' });
    expect(first.runSheet.commands.map((c: Json) => c.command)).toEqual(['open-confidential']);
    // The same JSON as GET …/meeting.
    const get = await fetch(`${bot.url}/api/v1/conferences/ev-1/meeting`, { headers: { authorization: `Bearer ${await tokenOf(CHAIR.id)}` } });
    expect(first).toEqual(await get.json());

    await stage('ev-1', { command: 'open-confidential', quorumReason: 'Reports from the absent agencies were read' });
    const next = await events.nextMeeting();
    expect(next).toMatchObject({ stage: 'confidential', view: 'run-sheet' });
    expect(next.runSheet.commands.map((c: Json) => c.command)).toEqual(['open-family']);
  });

  test('someone else part of it gets the neutral view, and its changes: no roster, no names', async () => {
    const { events } = await connect(bot.url, 'ev-1', SOCIAL_WORKER.id);
    const first = await events.nextMeeting();
    expect(first).toEqual({ conferenceId: 'ev-1', stage: 'confidential', stageLabel: expect.any(String), stageSince: expect.any(String), view: 'neutral' });
    await stage('ev-1', { command: 'open-family' });
    const next = await events.nextMeeting();
    expect(next).toMatchObject({ stage: 'family', view: 'neutral' });
    expect(JSON.stringify(next)).not.toContain('Invented Parent');
  });

  test('a change made through another instance reaches a stream on this one (it reads the store)', async () => {
    const { events } = await connect(second.url, 'ev-2', CHAIR.id);
    expect((await events.nextMeeting()).stage).toBe('pre-meeting');
    await stage('ev-2', { command: 'open-confidential', quorumReason: 'Reports from the absent agencies were read' }, bot);
    expect((await events.nextMeeting()).stage).toBe('confidential');
  });

  test("the server's close ends an open stream", async () => {
    const { events } = await connect(second.url, 'ev-2', CHAIR.id);
    await events.nextMeeting();
    secondClosed = true;
    await second.close();
    expect(await events.next()).toBeNull();
    expect(events.done).toBe(true);
  });
});
