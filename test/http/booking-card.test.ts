// The booking card over real HTTP in local mode: "book" typed in chat opens it (clerk or social
// worker; anyone else is refused in words), "Check dates" answers the card again with the
// deadlines and each error beside its field (values kept), "Book" creates the conference and the
// Teams meeting (Graph sandbox), and a late date goes to the named manager's approval card.
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../../bot/adapters/store/sql-staff-roles';
import type { Clock } from '../../bot/app/ports/clock.port';
import type { StaffRole } from '../../bot/app/ports/staff-roles.port';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { DirectoryError } from '../../bot/app/ports/directory.port';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { RecordingNotifier } from '../support/recording-notifier';
import { StaticDirectory } from '../support/static-directory';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { type TestServer, startTestServer } from './support/test-server';

jest.setTimeout(60_000);

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const TEAM_MANAGER = seedPerson('team-manager');
const SERVICE = seedPerson('service-manager');
const POLICE = seedPerson('professional');
/** The deadline rules' day; the instant stays real (token and idempotency clocks). */
const BOOKING_DAY: Clock = { now: () => new Date(), today: () => '2026-12-14' };

let h: Harness;
let connector: ConnectorStub;
let bot: TestServer;
const notifier = new RecordingNotifier();

beforeAll(async () => {
  h = await startHarness();
  connector = await startConnectorStub();
  bot = await startTestServer({ deps: { directory: new StaticDirectory(), graph: h.graph, notifier, clock: BOOKING_DAY } });
}, 120_000);
afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await h?.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

type Node = Record<string, unknown>;
const from = (p: { id: string }) => ({ id: `29:${p.id}`, aadObjectId: p.id, name: 'Invented Person' });
const as = <T extends object>(p: { id: string }, activity: T): T => ({ ...activity, from: from(p) });

/** Every element of a card, depth first, with the element after it (an error sits right after its input). */
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
const input = (card: unknown, id: string) => elements(card).find((e) => e.id === id);
/** The error TextBlock right after an input, if any. */
function errorBeside(card: unknown, id: string): string | null {
  const all = elements(card);
  const i = all.findIndex((e) => e.id === id);
  const next = all[i + 1];
  return next && next.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : null;
}
const texts = (card: unknown) => elements(card).filter((e) => e.type === 'TextBlock').map((e) => String(e.text));

async function press(p: { id: string }, verb: string, data: Record<string, unknown>) {
  const res = await bot.post('/api/messages', as(p, cardActionInvoke(verb, { actionId: `press-${Math.random()}`, ...data }, { serviceUrl: connector.url })));
  expect(res.status).toBe(200);
  return res.json as { statusCode: number; type: string; value: Node };
}

const typed = {
  kind: 'ICPC', caseReference: 'MOS2345678', anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id,
  date: '2027-01-06', startTime: '10:00', durationMinutes: '90', confidentialMinutes: '30',
};

describe('"book" in chat', () => {
  it('a clerk gets the booking card with people pickers answered by the typeahead', async () => {
    await bot.post('/api/messages', as(CLERK, messageActivity('book', { serviceUrl: connector.url })));
    const [reply] = await connector.waitFor(1);
    const card = (reply!.body.attachments as { content: Node }[])[0]!.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(card)[0]).toBe('Book a conference');
    for (const id of ['chairId', 'socialWorkerId']) {
      expect(input(card, id)).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', 'choices.data': { type: 'Data.Query', dataset: 'people' } });
    }
    expect(elements(card).map((e) => e.id).filter(Boolean)).toEqual(expect.arrayContaining(['kind', 'caseReference', 'anchorDate', 'date', 'startTime', 'durationMinutes', 'confidentialMinutes']));
    // The late reason and the manager appear only when needed.
    expect(input(card, 'lateReason')).toBeUndefined();
  });

  it("lists the roster's chairs, social workers and managers in the pickers (clients that do not type ahead, the Agents Playground)", async () => {
    const audit = new SqlAuditLog(bot.db, BOOKING_DAY, LOCAL_MODE.developmentAuditKey);
    const roster = new SqlStaffRoles(bot.db, audit, BOOKING_DAY);
    for (const p of [CHAIR, seedPerson('chair', 1), SW, TEAM_MANAGER, SERVICE, POLICE]) await roster.set({ objectId: p.id, role: p.role as StaffRole, agency: p.agency }, { id: 'cli', role: 'cli' });
    await bot.post('/api/messages', as(CLERK, messageActivity('book', { serviceUrl: connector.url })));
    const [reply] = await connector.waitFor(1);
    const card = (reply!.body.attachments as { content: Node }[])[0]!.content;
    const values = (id: string) => ((input(card, id)!.choices ?? []) as { value: string }[]).map((c) => c.value).sort();
    expect(values('chairId')).toEqual([CHAIR.id, seedPerson('chair', 1).id].sort());
    expect(values('socialWorkerId')).toEqual([SW.id]);
    await bot.db.query('DELETE FROM staff_roles');
  });

  it.each([
    ['a professional', POLICE, 'Only a clerk or a social worker can book a conference. Ask the conference clerk to book it.'],
    ['someone not in the directory', { id: '0000aaaa-0000-4000-8000-000000000000' }, 'Your account is not in the council directory this app uses. Ask the clerk or your IT team to add you.'],
  ])('%s is refused in words', async (_who, person, text) => {
    await bot.post('/api/messages', as(person, messageActivity('book', { serviceUrl: connector.url })));
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe(text);
    expect(reply!.body.attachments).toBeUndefined();
  });
});

it('"book" while the directory cannot be reached is answered in words', async () => {
  const offline = await startTestServer({ deps: { directory: { search: async () => [], get: async () => { throw new DirectoryError('DIRECTORY.UNAVAILABLE', 'down'); } }, graph: h.graph, notifier } });
  try {
    await offline.post('/api/messages', as(CLERK, messageActivity('book', { serviceUrl: connector.url })));
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toMatch(/^The council directory cannot be reached right now/);
  } finally {
    await offline.close();
  }
});

describe('the booking card', () => {
  it('"Check dates" answers with the latest date and deadlines, errors beside their fields, every value kept', async () => {
    const answer = await press(CLERK, 'booking.check', { ...typed, caseReference: 'Jo Bloggs', date: '2027-01-02', durationMinutes: '500' });
    expect(answer.statusCode).toBe(200);
    const card = answer.value;
    expect(errorBeside(card, 'caseReference')).toMatch(/looks like a name/);
    expect(errorBeside(card, 'date')).toMatch(/not a working day/);
    expect(errorBeside(card, 'durationMinutes')).toMatch(/30 to 240/);
    expect(errorBeside(card, 'chairId')).toBeNull();
    expect(input(card, 'caseReference')!.value).toBe('Jo Bloggs');
    expect(input(card, 'durationMinutes')!.value).toBe('500');
    expect(input(card, 'chairId')).toMatchObject({ value: CHAIR.id, choices: [{ title: CHAIR.displayName, value: CHAIR.id }] });

    const good = (await press(CLERK, 'booking.check', typed)).value;
    expect(texts(good)).toContain('Statutory latest date: 2027-01-07 (T1).');
    const facts = elements(good).filter((e) => e.type === 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[]);
    expect(facts.map((f) => f.value)).toEqual(expect.arrayContaining(['ICPC held (T1)', 'agency reports to the convening team (T9)']));
    expect(await conferences()).toBe(0);
  });

  it('"Check dates" past the latest shows the late reason and manager fields', async () => {
    const card = (await press(CLERK, 'booking.check', { ...typed, date: '2027-01-08' })).value;
    expect(input(card, 'lateReason')).toBeDefined();
    expect(input(card, 'managerId')).toMatchObject({ 'choices.data': { type: 'Data.Query', dataset: 'people' } });
    expect(errorBeside(card, 'managerId')).toMatch(/name the manager/);
  });

  it('"Book" creates the conference and the Teams meeting, and answers who was invited (no family names)', async () => {
    const answer = await press(CLERK, 'booking.confirm', typed);
    const card = answer.value;
    expect(texts(card)[0]).toBe('Conference booked');
    expect(texts(card)).toEqual(expect.arrayContaining([`Chair: ${CHAIR.displayName}`, `Social worker: ${SW.displayName}`, `Clerk: ${CLERK.displayName}`]));
    const facts = elements(card).filter((e) => e.type === 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[]);
    expect(facts).toEqual(expect.arrayContaining([{ title: 'Case reference', value: 'MOS2345678' }, { title: 'Date', value: '2027-01-06' }, { title: 'Time', value: '10:00 to 11:30' }]));
    const events = (await h.state()).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organizer: CHAIR.id, subject: 'MOS2345678 Initial child protection conference' });
  });

  it('"Book" with a bad field books nothing and answers the card with the error', async () => {
    const before = await conferences();
    const card = (await press(CLERK, 'booking.confirm', { ...typed, socialWorkerId: CHAIR.id })).value;
    expect(errorBeside(card, 'socialWorkerId')).toMatch(/cannot also be the social worker/);
    expect(texts(card)).toContain('Nothing was booked: correct the fields marked and press Book again.');
    expect(await conferences()).toBe(before);
  });

  it('a late date waits for the named manager: their approval card, only they decide, approval books it', async () => {
    const card = (await press(SW, 'booking.confirm', { ...typed, caseReference: 'MOS2345679', date: '2027-01-08', lateReason: 'Chair on leave', managerId: TEAM_MANAGER.id })).value;
    expect(texts(card)[0]).toBe('Saved: waiting for approval');
    expect((await h.state()).events).toHaveLength(1);
    const approvalCard = notifier.to(TEAM_MANAGER.id).at(-1)!;
    const approve = elements(approvalCard).find((e) => e.verb === 'approval.approve')!;
    const data = approve.data as { conferenceId: string; approvalId: string };

    const other = await press(SERVICE, 'approval.approve', data);
    expect(other).toMatchObject({ statusCode: 400, value: { code: 'BOOKING.NOT_THE_APPROVER', message: 'Only the manager named on this approval can decide it.' } });

    const decided = await press(TEAM_MANAGER, 'approval.approve', { ...data, note: 'Agreed' });
    expect(decided.statusCode).toBe(200);
    expect(texts(decided.value).join(' ')).toMatch(/Approved on .*Note: Agreed/);
    expect(elements(decided.value).some((e) => e.verb === 'approval.approve')).toBe(false);
    expect((await h.state()).events).toHaveLength(2);

    const again = await press(TEAM_MANAGER, 'approval.refuse', data);
    expect(again).toMatchObject({ statusCode: 412, value: { code: 'BOOKING.APPROVAL_ALREADY_DECIDED' } });
  });
});

async function conferences(): Promise<number> {
  return Number((await bot.db.query<{ n: string }>('SELECT count(*) AS n FROM conferences')).rows[0]!.n);
}
