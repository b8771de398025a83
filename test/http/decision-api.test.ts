// The decision API over real HTTP (bearer from the local dev sign-in, PGlite store): GET the
// decision with the outcome so far and the ranges, PUT the draft, POST to record it; the chair
// only (403, audited), no live meeting 404, field rules 422 naming every field, before the
// decision stage 409 (the draft still saved), and a second POST changes nothing.
jest.setTimeout(120_000);

import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { CHAIR, type InviteKit, POLICE, startInviteKit } from '../invite-list/support/invite-kit';
import { auditOf, DECISION_PLAN as PLAN, DECISION_VIEWS as views, decisionConference, decisionPath as path, liveOf, startLiveMeeting } from './support/decision-kit';

let kit: InviteKit;

beforeAll(async () => {
  kit = await startInviteKit();
  await kit.store.create(decisionConference('da-1'));
  await startLiveMeeting(kit, 'da-1', 'family');
  await kit.store.create(decisionConference('da-2'));
  await kit.store.create(decisionConference('da-3', { kind: 'RCPC', anchors: { icpc: '2026-12-01' }, profileId: 'staffordshire' }));
  await startLiveMeeting(kit, 'da-3');
});
afterAll(() => kit.close());

it('GET: the agencies that count, an empty draft, the ranges (england: the chair decides)', async () => {
  const res = await kit.api('GET', path('da-1'), CHAIR.id);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    conferenceId: 'da-1', stage: 'family', decisionRule: 'chair-decides', agencies: ['childrens-social-care', 'police', 'health', 'education'], reportingOnly: ['education'],
    draft: { views: [], dissent: [], coreGroupInviteeIds: [] }, outcome: { result: null, decidedBy: null },
    ranges: { firstCoreGroup: { from: '2027-03-02', to: '2027-03-15', rule: 'T4' }, review: { from: '2027-03-02', to: '2027-06-01', rule: 'T2' } },
  });
  expect(res.json.decision).toBeUndefined();
});

it('anyone but the chair: 403 DECISION.NOT_THE_CHAIR, audited; no live meeting: 404 MEETING.NOT_FOUND', async () => {
  expect(await kit.api('GET', path('da-1'), POLICE.id)).toMatchObject({ status: 403, json: { error: { code: 'DECISION.NOT_THE_CHAIR' } } });
  expect(await kit.api('POST', path('da-1'), POLICE.id, {})).toMatchObject({ status: 403, json: { error: { code: 'DECISION.NOT_THE_CHAIR' } } });
  expect((await auditOf(kit, 'da-1')).filter((a) => a.action === 'decision.refused').map((a) => [a.actor_id, a.detail])).toEqual([
    [POLICE.id, { attempted: 'decision.read', code: 'DECISION.NOT_THE_CHAIR' }],
    [POLICE.id, { attempted: 'decision.record', code: 'DECISION.NOT_THE_CHAIR' }],
  ]);
  expect(await kit.api('GET', path('da-2'), CHAIR.id)).toMatchObject({ status: 404, json: { error: { code: 'MEETING.NOT_FOUND' } } });
  expect(await kit.api('GET', path('nope'), CHAIR.id)).toMatchObject({ status: 404, json: { error: { code: 'CONFERENCE.NOT_FOUND' } } });
});

it('PUT draft: saved with the outcome so far; an agency not present or reporting: 422 and nothing saved', async () => {
  const res = await kit.api('PUT', path('da-1', '/draft'), CHAIR.id, { views: views.slice(0, 3) });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ draft: { views: views.slice(0, 3), savedBy: CHAIR.id }, outcome: { result: null, plan: 2, noPlan: 1 } });
  const version = (await liveOf(kit, 'da-1'))!.version;
  const bad = await kit.api('PUT', path('da-1', '/draft'), CHAIR.id, { views: [...views, { agency: 'housing', view: 'plan' }] });
  expect(bad).toMatchObject({ status: 422, json: { error: { code: 'DECISION.AGENCY_NOT_PRESENT', details: { fields: ['view.housing'] } } } });
  expect((await liveOf(kit, 'da-1'))!.version).toBe(version);
  expect(await kit.api('PUT', path('da-1', '/draft'), CHAIR.id, { views: [{ agency: 'police', view: 'maybe' }] })).toMatchObject({ status: 400, json: { error: { code: 'API.INVALID_REQUEST' } } });
});

it('POST before the decision stage: 409, the draft saved all the same', async () => {
  const res = await kit.api('POST', path('da-1'), CHAIR.id, { draft: PLAN });
  expect(res).toMatchObject({ status: 409, json: { error: { code: 'DECISION.NOT_AT_DECISION_STAGE' } } });
  const live = (await liveOf(kit, 'da-1'))!;
  expect([live.decision, live.decisionDraft?.category]).toEqual([undefined, 'emotional']);
});

it('POST invalid: 422 naming every field; valid: recorded; again: 200 alreadyRecorded, nothing changed', async () => {
  const live = (await liveOf(kit, 'da-1'))!;
  await new SqlLiveMeetingStore(kit.bot.db).save({ ...live, stage: 'decision' });
  const invalid = await kit.api('POST', path('da-1'), CHAIR.id, { draft: { ...PLAN, reviewDate: '2027-06-02', category: 'multiple', dissent: [] } });
  expect(invalid.status).toBe(422);
  expect(invalid.json.error.details).toMatchObject({
    fields: ['dissent.health', 'category', 'reviewDate'],
    codes: ['DECISION.DISSENT_REASON_REQUIRED', 'DECISION.CATEGORY_MULTIPLE_NOT_ALLOWED', 'DECISION.DATE_OUT_OF_RANGE'],
  });
  expect(invalid.json.error.details.messages[2]).toBe('Outside the allowed range: 2027-03-02 to 2027-06-01 (T2: within 3 months of the conference).');
  expect((await liveOf(kit, 'da-1'))!.decision).toBeUndefined();

  const ok = await kit.api('POST', path('da-1'), CHAIR.id, { draft: PLAN });
  expect(ok.status).toBe(200);
  expect(ok.json).toMatchObject({ alreadyRecorded: false, decision: { outcome: 'child-protection-plan', decidedBy: 'chair', category: 'emotional', coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-parent'], chairId: CHAIR.id } });
  const again = await kit.api('POST', path('da-1'), CHAIR.id, { draft: { ...PLAN, chairView: 'no-plan', outcomeWithoutPlan: 'child-in-need' } });
  expect(again.status).toBe(200);
  expect(again.json).toMatchObject({ alreadyRecorded: true, decision: ok.json.decision });
  expect(await kit.api('PUT', path('da-1', '/draft'), CHAIR.id, { views })).toMatchObject({ status: 409, json: { error: { code: 'DECISION.ALREADY_RECORDED' } } });
  expect((await liveOf(kit, 'da-1'))!.decision).toEqual(ok.json.decision);
  expect((await auditOf(kit, 'da-1')).filter((a) => a.action === 'decision.recorded')).toHaveLength(1);
  // Once recorded, the count shown is the decision's own, even with nobody left in the roster.
  const store = new SqlLiveMeetingStore(kit.bot.db);
  await store.save({ ...(await store.get('da-1'))!, roster: [] });
  const shown = await kit.api('GET', path('da-1'), CHAIR.id);
  const plans = ok.json.decision.views.filter((v: { view: string }) => v.view === 'plan').length;
  expect(shown.json.outcome).toMatchObject({ plan: plans, result: 'plan' });
  // The record's issue was queued with the decision, once (ids only), though it was recorded twice over.
  const jobs = await kit.bot.db.query<{ payload: unknown }>("SELECT payload FROM jobs WHERE kind = 'record.issue'");
  expect(jobs.rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))).toEqual([{ conferenceId: 'da-1', chairId: CHAIR.id }]);
});

it('staffordshire, first review of a neglect plan: it cannot end (422 DECISION.NEGLECT_FIRST_REVIEW); continuing it can', async () => {
  const end = {
    views: views.map((v) => ({ ...v, view: 'no-plan' })), chairView: 'no-plan', category: 'neglect', outcomeWithoutPlan: 'child-in-need',
    review: { outcome: 'end-plan', allActionsComplete: true },
  };
  const refused = await kit.api('POST', path('da-3'), CHAIR.id, { draft: end });
  expect(refused).toMatchObject({ status: 422, json: { error: { code: 'DECISION.NEGLECT_FIRST_REVIEW', details: { fields: ['review.outcome'] } } } });
  const keep = await kit.api('POST', path('da-3'), CHAIR.id, { draft: { ...PLAN, views: views.map((v) => ({ ...v, view: 'plan' })), dissent: [], category: 'neglect', reviewDate: '2027-09-01', review: { outcome: 'continue' } } });
  expect(keep).toMatchObject({ status: 200, json: { decision: { outcome: 'child-protection-plan', decidedBy: 'majority', review: { outcome: 'continue' } } } });
  expect(keep.json.ranges.review).toMatchObject({ to: '2027-09-01', rule: 'T3' });
});
