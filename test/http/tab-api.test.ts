// The API the tab's shell reads, over real HTTP against the local product (the demo's: the Graph
// sandbox's directory, the seeded staff roster, a booked conference with its Teams meeting):
// GET /api/v1/me's `staff`, local mode's GET /api/v1/dev/identities (the sign-in list), and
// GET /api/v1/meeting-chats/:chatId/conference (the meeting tab finds its conference by chat).
import { SEED_PEOPLE, seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { bookedConference, CHAIR, POLICE } from '../browser/support/scenarios';
import { startTabProduct, type TabProduct } from '../browser/support/tab-product';

jest.setTimeout(60_000);

const STRANGER = { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' };
/** In the directory, on the roster, not invited to the conference. */
const PROBATION = SEED_PEOPLE.find((p) => p.agency === 'probation')!;

let tp: TabProduct;
let conferenceId: string;
let chatId: string;

beforeAll(async () => {
  tp = await startTabProduct();
  ({ conferenceId } = await bookedConference(tp));
  const joinUrl = String((await tp.api.ok('GET', `/conferences/${conferenceId}`, CHAIR)).json.conference.joinUrl);
  chatId = (await tp.sandbox.meetingByJoinUrl(joinUrl))!.threadId;
}, 120_000);

afterAll(async () => {
  await tp?.stop();
}, 30_000);

describe('GET /api/v1/me', () => {
  it("gives a staff member their role, agency and own name from the directory and roster", async () => {
    const me = await tp.api.ok('GET', '/me', CHAIR);
    expect(me.json).toMatchObject({ objectId: CHAIR.id, staff: { role: 'chair', agency: 'childrens-social-care', displayName: CHAIR.displayName } });
    expect((await tp.api.ok('GET', '/me', POLICE)).json.staff).toEqual({ role: 'professional', agency: 'police', displayName: POLICE.displayName });
  });

  it('answers staff null for someone not in the directory', async () => {
    const me = await tp.api.ok('GET', '/me', STRANGER);
    expect(me.json).toMatchObject({ objectId: STRANGER.id, staff: null });
  });
});

describe('GET /api/v1/dev/identities (local mode)', () => {
  it('lists the staff roster with names from the directory, by role then name, without a token', async () => {
    const res = await fetch(`${tp.url}/api/v1/dev/identities`);
    expect(res.status).toBe(200);
    const { identities } = (await res.json()) as { identities: { objectId: string; displayName: string; role: string; agency: string | null; jobTitle: string | null }[] };
    expect(identities).toHaveLength(SEED_PEOPLE.length);
    // jobTitle is null while the app holds only User.ReadBasic.All (the sandbox's default grant).
    const clerk = identities.find((i) => i.objectId === seedPerson('clerk').id);
    expect(clerk).toMatchObject({ displayName: seedPerson('clerk').displayName, role: 'clerk', agency: 'childrens-social-care' });
    expect([null, seedPerson('clerk').jobTitle]).toContain(clerk?.jobTitle);
    const order = identities.map((i) => `${i.role}|${i.displayName}`);
    expect(order).toEqual([...order].sort((a, b) => a.split('|')[0]!.localeCompare(b.split('|')[0]!) || a.split('|')[1]!.localeCompare(b.split('|')[1]!)));
  });
});

describe('GET /api/v1/meeting-chats/:chatId/conference', () => {
  const path = () => `/meeting-chats/${encodeURIComponent(chatId)}/conference`;

  it('answers the conference of the meeting chat to people part of it', async () => {
    expect(chatId).toMatch(/^19:/);
    expect((await tp.api.ok('GET', path(), CHAIR)).json).toEqual({ conferenceId });
    expect((await tp.api.ok('GET', path(), POLICE)).json).toEqual({ conferenceId });
  });

  it('refuses someone not part of it, someone not in the directory, and a chat with no conference', async () => {
    const codeOf = async (as: { id: string }, p = path()) => {
      const a = await tp.api.call('GET', p, as);
      return [a.status, a.json.error?.code];
    };
    expect(await codeOf(PROBATION)).toEqual([404, 'ACCESS.NOT_PART_OF_CONFERENCE']);
    expect(await codeOf(STRANGER)).toEqual([403, 'ACCESS.UNKNOWN_PERSON']);
    expect(await codeOf(CHAIR, `/meeting-chats/${encodeURIComponent('19:meeting_nothing@thread.v2')}/conference`)).toEqual([404, 'CONFERENCE.NOT_FOUND']);
    expect(await codeOf(CHAIR, '/meeting-chats/not-a-chat/conference')).toEqual([404, 'HTTP.NOT_FOUND']);
  });
});
