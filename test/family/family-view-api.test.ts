// The family's link over real HTTP in local mode, on the SQL store: "send invitations" e-mails
// each family member their own /tab/family link (purpose family-view, bound to them, valid to the
// end of the conference day); GET /api/v1/family-view answers with the stage, their own join time
// and the date — nothing else — and refuses forged, expired and other-purpose links, and people
// taken off the list or on the professionals' side.
// The machine is shared: starting a server can take a while under load.
jest.setTimeout(120_000);

import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { LinkClaims } from '../../bot/app/ports/link-signer.port';
import { loadConfig } from '../../bot/config/load-config';
import type { MeetingStage } from '../../bot/domain/meeting/live-meeting';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { bookedConference, CHAIR, CLERK, type InviteKit, POLICE, SOCIAL_WORKER, startInviteKit } from '../invite-list/support/invite-kit';

const signer = new HmacLinkSigner(linkKeyFrom(loadConfig({ PORT: '0', PLAYGROUND: '0' }, LOCAL_MODE).audit.hmacKey));
const MUM = { id: 'inv-mum', role: 'parent' as const, displayName: 'Robin Testperson', email: 'robin.testperson@family.example', phone: '07700 900321', status: 'pending' as const };
const CHILD = { id: 'inv-child', role: 'child' as const, displayName: 'Kit Testperson', email: 'kit.testperson@family.example', ageBand: 'over-12' as const, advocateOffered: { at: '2027-02-01T09:00:00.000Z', accepted: false }, status: 'pending' as const, joinAt: '2027-03-01T11:15' };
const OFFICER = { id: 'inv-police', role: 'professional' as const, agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'pending' as const };

let kit: InviteKit;
const links = new Map<string, string>();

type Answer = Record<string, unknown> & { error?: { code: string } };

async function familyView(token: string): Promise<{ status: number; json: Answer }> {
  const res = await fetch(`${kit.bot.url}/api/v1/family-view?token=${encodeURIComponent(token)}`);
  return { status: res.status, json: (await res.json()) as Answer };
}

const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;
const claims = (over: Partial<LinkClaims>): LinkClaims => ({ purpose: 'family-view', conferenceId: 'fam-1', inviteeId: 'inv-mum', expiresAt: '2099-01-01T00:00:00.000Z', ...over });

beforeAll(async () => {
  kit = await startInviteKit();
  await kit.store.create(bookedConference('fam-1', { invitees: [...bookedConference('fam-1').invitees, MUM, CHILD, OFFICER], bookingVersion: 2 }));
  const sent = await kit.api('POST', '/api/v1/conferences/fam-1/invitations', CLERK.id);
  expect(sent.status).toBe(200);
  for (const m of kit.mailer.sent) {
    const href = /href="([^"]*\/tab\/family\?t=[^"]+)"/.exec(m.html)?.[1];
    if (href) links.set(m.key, href.replace(/&amp;/g, '&'));
  }
});
afterAll(() => kit.close());

describe("the family's link in their e-mail", () => {
  it('each family member gets their own link, bound to them, until the end of the conference day (London); professionals get none', () => {
    expect([...links.keys()].sort()).toEqual(['inv-child', 'inv-mum']);
    const mum = signer.verify(tokenOf(links.get('inv-mum')!), 'family-view', new Date('2027-03-01T12:00:00Z'));
    expect(mum).toEqual({ purpose: 'family-view', conferenceId: 'fam-1', inviteeId: 'inv-mum', expiresAt: '2027-03-02T00:00:00.000Z' });
    expect(links.get('inv-mum')).toMatch(/^http:\/\/[^/]+\/tab\/family\?t=[\w.%-]+$/);
    expect(links.get('inv-mum')).not.toMatch(/Robin|Testperson|fam-1/);
  });
});

describe('GET /api/v1/family-view', () => {
  it('answers with the stage, their own join time and the date only — not started before the meeting runs', async () => {
    const mum = await familyView(tokenOf(links.get('inv-mum')!));
    expect(mum.status).toBe(200);
    expect(mum.json).toEqual({ stage: 'not-started', joinAt: '2027-03-01T10:45', conferenceDate: '2027-03-01' });
    const child = await familyView(tokenOf(links.get('inv-child')!));
    expect(child.json).toEqual({ stage: 'not-started', joinAt: '2027-03-01T11:15', conferenceDate: '2027-03-01' });
  });

  it('follows the live stage and never says who is there', async () => {
    const live = new SqlLiveMeetingStore(kit.bot.db);
    let meeting = await live.create({
      conferenceId: 'fam-1', teamsMeetingId: 'meeting-fam-1', stage: 'pre-meeting', history: [], alerts: [],
      roster: [{ participantId: '29:p-1', inviteeId: 'inv-chair', matchedBy: 'entra-id', inMeeting: true, firstJoinedAt: '2027-03-01T10:00:00.000Z', lastEventAt: '2027-03-01T10:00:00.000Z' }],
    });
    for (const stage of ['pre-meeting', 'confidential', 'family', 'decision', 'closed'] as MeetingStage[]) {
      meeting = await live.save({ ...meeting, stage });
      const r = await familyView(tokenOf(links.get('inv-mum')!));
      expect(r.json).toEqual({ stage, joinAt: '2027-03-01T10:45', conferenceDate: '2027-03-01' });
      const text = JSON.stringify(r.json);
      for (const name of [CHAIR.displayName, SOCIAL_WORKER.displayName, POLICE.displayName, MUM.displayName, CHILD.displayName, 'police']) expect(text).not.toContain(name);
    }
  });

  it('refuses an expired link (410 LINK.EXPIRED)', async () => {
    const r = await familyView(signer.sign(claims({ expiresAt: '2020-01-01T00:00:00.000Z' })));
    expect([r.status, r.json.error?.code]).toEqual([410, 'LINK.EXPIRED']);
    expect(Object.keys(r.json)).toEqual(['error']);
  });

  it('refuses a link for another purpose (403 LINK.WRONG_PURPOSE) — an attendance or run-sheet link opens nothing here', async () => {
    for (const purpose of ['attendance', 'report', 'record', 'run-sheet'] as const) {
      const r = await familyView(signer.sign(claims({ purpose })));
      expect([r.status, r.json.error?.code]).toEqual([403, 'LINK.WRONG_PURPOSE']);
    }
  });

  it('refuses a forged or altered link (403 LINK.INVALID) and a missing token (400)', async () => {
    const good = tokenOf(links.get('inv-mum')!);
    const altered = `${Buffer.from(JSON.stringify({ p: 'family-view', c: 'fam-1', i: 'inv-child', e: '2099-01-01T00:00:00.000Z' })).toString('base64url')}.${good.split('.')[1]}`;
    expect((await familyView(altered)).json.error?.code).toBe('LINK.INVALID');
    expect((await familyView(new HmacLinkSigner(Buffer.alloc(32, 7)).sign(claims({})))).json.error?.code).toBe('LINK.INVALID');
    const none = await fetch(`${kit.bot.url}/api/v1/family-view`);
    expect([none.status, ((await none.json()) as { error: { code: string } }).error.code]).toEqual([400, 'API.INVALID_REQUEST']);
  });

  it("refuses a professional's family-view link and someone taken off the list (403 FAMILY_VIEW.NOT_INVITED)", async () => {
    const officer = await familyView(signer.sign(claims({ inviteeId: 'inv-police' })));
    expect([officer.status, officer.json.error?.code]).toEqual([403, 'FAMILY_VIEW.NOT_INVITED']);
    const c = (await kit.store.get('fam-1'))!;
    await kit.store.save({ ...c, invitees: c.invitees.map((i) => (i.id === 'inv-child' ? { ...i, status: 'removed' as const } : i)) });
    const child = await familyView(tokenOf(links.get('inv-child')!));
    expect([child.status, child.json.error?.code]).toEqual([403, 'FAMILY_VIEW.NOT_INVITED']);
  });

  it('says cancelled once the conference is stood down', async () => {
    const c = (await kit.store.get('fam-1'))!;
    await kit.store.save({ ...c, status: 'stood-down' });
    expect((await familyView(tokenOf(links.get('inv-mum')!))).json).toEqual({ stage: 'cancelled', joinAt: '2027-03-01T10:45', conferenceDate: '2027-03-01' });
  });
});
