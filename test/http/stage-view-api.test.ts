// The stage view over real HTTP (local dev sign-in, PGlite store): the agenda and, after the
// decision, the plan summary for anyone part of the conference; the chair's signed stage link read
// with no sign-in; refusals (not the chair, not part of it, forged, other purpose, expired); and
// never a name, an agency view, a concern or a dissent reason in any answer.
jest.setTimeout(120_000);

import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { Decision } from '../../bot/domain/decision/decision';
import { DemoClock } from '../../scripts/demo/demo-clock';
import { CHAIR, GP, type InviteKit, POLICE, SOCIAL_WORKER, startInviteKit } from '../invite-list/support/invite-kit';
import { decisionConference, PROFESSIONALS, startLiveMeeting } from './support/decision-kit';

const clock = new DemoClock('2027-03-01T10:30:00Z');
let kit: InviteKit;
const path = (id: string, tail = '') => `/api/v1/conferences/${id}/stage-view${tail}`;
// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; the server checks them against their schema
const byLink = (token: string) => fetch(`${kit.bot.url}/api/v1/stage-view?token=${encodeURIComponent(token)}`).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }));
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

const CONCERN = 'Invented concern about the stepfather';
const DISSENT = 'Invented dissent reason from health';
const DECISION: Decision = {
  outcome: 'child-protection-plan', decidedBy: 'majority', chairView: 'plan', chairConcerns: CONCERN, category: 'neglect',
  views: [{ agency: 'childrens-social-care', view: 'plan' }, { agency: 'police', view: 'plan', scaling: 3 }, { agency: 'health', view: 'no-plan', scaling: 6 }],
  dissent: [{ agency: 'health', reason: DISSENT }], leadSocialWorkerInviteeId: 'inv-sw', coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-parent'],
  firstCoreGroupDate: '2027-03-10', reviewDate: '2027-05-28', chairId: CHAIR.id, at: '2027-03-01T11:40:00.000Z',
};

/** Nothing confidential and nobody's name, anywhere in the answer's text. */
function expectNothingConfidential(json: unknown): void {
  const text = JSON.stringify(json);
  const names = [CHAIR.displayName, SOCIAL_WORKER.displayName, ...PROFESSIONALS.map((p) => p.displayName)];
  for (const forbidden of [...names, CONCERN, DISSENT, 'police', 'health', 'childrens-social-care', 'scaling', 'dissent', 'views', 'inv-']) expect(text).not.toContain(forbidden);
}

beforeAll(async () => {
  kit = await startInviteKit({ clock });
  await kit.store.create(decisionConference('sv-1'));
  await startLiveMeeting(kit, 'sv-1', 'family');
  await kit.store.create(decisionConference('sv-2', { kind: 'RCPC', dualProcess: true, booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CHAIR.id, durationMinutes: 90, confidentialMinutes: 0 }, familySectionStart: undefined }));
});
afterAll(() => kit.close());

it('anyone part of it: the agenda with the current part marked; no plan before the decision', async () => {
  const res = await kit.api('GET', path('sv-1'), POLICE.id);
  expect(res.status).toBe(200);
  expect(res.json).toEqual({
    conferenceId: 'sv-1', caseReference: expect.any(String), kind: 'Initial child protection conference', date: '2027-03-01', stage: 'family',
    agenda: [
      { stage: 'pre-meeting', label: "Chair's briefing", status: 'done' },
      { stage: 'confidential', label: 'Professionals only', status: 'done' },
      { stage: 'family', label: 'Discussion with the family', status: 'current' },
      { stage: 'decision', label: 'Decision', status: 'to-come' },
    ],
    plan: null,
  });
  expectNothingConfidential(res.json);
});

it('before the meeting: every part to come; a dual-process review without a confidential section has the looked-after part', async () => {
  const res = await kit.api('GET', path('sv-2'), CHAIR.id);
  expect(res.status).toBe(200);
  expect(res.json.stage).toBeNull();
  expect(res.json.agenda.map((a: { stage: string; status: string }) => `${a.stage}:${a.status}`)).toEqual(['pre-meeting:to-come', 'family:to-come', 'decision:to-come', 'looked-after:to-come']);
});

it('someone not part of it: refused as if there were no such conference (404); no sign-in: 401', async () => {
  expect(await kit.api('GET', path('sv-1'), GP.id)).toMatchObject({ status: 404, json: { error: { code: 'ACCESS.NOT_PART_OF_CONFERENCE' } } });
  expect(await kit.api('GET', path('nope'), CHAIR.id)).toMatchObject({ status: 404, json: { error: { code: 'CONFERENCE.NOT_FOUND' } } });
  expect((await fetch(`${kit.bot.url}${path('sv-1')}`)).status).toBe(401);
});

it('share URL: the chair only; its token reads the same view with no sign-in', async () => {
  expect(await kit.api('GET', path('sv-1', '/share-url'), POLICE.id)).toMatchObject({ status: 403, json: { error: { code: 'MEETING.NOT_THE_CHAIR' } } });
  const share = await kit.api('GET', path('sv-1', '/share-url'), CHAIR.id);
  expect(share.status).toBe(200);
  const url = new URL(share.json.url);
  expect([url.pathname, url.searchParams.get('conference')]).toEqual(['/tab/stage', 'sv-1']);
  expect(share.json.expiresAt).toBe('2027-03-01T23:59:59.000Z');
  const read = await byLink(tokenOf(share.json.url));
  expect(read.status).toBe(200);
  expect(read.json).toEqual((await kit.api('GET', path('sv-1'), POLICE.id)).json);
});

it('after the decision: the plan summary (outcome, category, next dates) and still nothing confidential', async () => {
  const store = new SqlLiveMeetingStore(kit.bot.db);
  await store.save({ ...(await store.get('sv-1'))!, stage: 'decision', decision: DECISION });
  const share = await kit.api('GET', path('sv-1', '/share-url'), CHAIR.id);
  for (const res of [await kit.api('GET', path('sv-1'), SOCIAL_WORKER.id), await byLink(tokenOf(share.json.url))]) {
    expect(res.status).toBe(200);
    expect(res.json.plan).toEqual({ outcome: 'child-protection-plan', outcomeLabel: 'Child protection plan', category: 'neglect', categoryLabel: 'Neglect', firstCoreGroupDate: '2027-03-10', reviewDate: '2027-05-28' });
    expect(res.json.agenda.at(-1)).toEqual({ stage: 'decision', label: 'Decision', status: 'current' });
    expectNothingConfidential(res.json);
  }
});

it('a forged, altered or other-purpose token: 403 STAGE_VIEW.LINK_NOT_VALID; no token: 400', async () => {
  const share = await kit.api('GET', path('sv-1', '/share-url'), CHAIR.id);
  const token = tokenOf(share.json.url);
  const [body, mac] = token.split('.');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), c: 'sv-2' })).toString('base64url');
  for (const bad of ['x.y', `${other}.${mac}`, `${token}x`]) expect(await byLink(bad)).toMatchObject({ status: 403, json: { error: { code: 'STAGE_VIEW.LINK_NOT_VALID' } } });
  // The run sheet's link (the same signer, bound to the same chair) is for something else.
  const runSheet = await fetch(`${kit.bot.url}/tab/run-sheet?conference=sv-1&token=${encodeURIComponent(token)}`);
  expect(runSheet.status).toBe(403);
  expect((await fetch(`${kit.bot.url}/api/v1/stage-view`)).status).toBe(400);
});

it('a chair replaced since: the old link shows nothing', async () => {
  const share = await kit.api('GET', path('sv-2', '/share-url'), CHAIR.id);
  const c = (await kit.store.get('sv-2'))!;
  await kit.store.save({ ...c, invitees: c.invitees.map((i) => (i.role === 'chair' ? { ...i, id: 'inv-chair-2' } : i)) });
  expect(await byLink(tokenOf(share.json.url))).toMatchObject({ status: 403, json: { error: { code: 'STAGE_VIEW.LINK_NOT_VALID' } } });
});

it('after the end of the conference day: 410 STAGE_VIEW.LINK_EXPIRED, as every expired link', async () => {
  const share = await kit.api('GET', path('sv-1', '/share-url'), CHAIR.id);
  clock.jump('2027-03-02T00:00:30Z');
  expect(await byLink(tokenOf(share.json.url))).toMatchObject({ status: 410, json: { error: { code: 'STAGE_VIEW.LINK_EXPIRED' } } });
});
