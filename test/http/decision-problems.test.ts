// The decision reading's `problems` and `choices` over real HTTP (PGlite store): the problems are
// validateDecision's on the saved draft, the very rules Record applies (a 422 on record names the
// same fields, codes and messages), so the tab's form shows the server's words and has no rules
// of its own; the choices are the decision card's lists (family by role only, categories the
// profile allows).
jest.setTimeout(120_000);

import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { CHAIR, type InviteKit, startInviteKit } from '../invite-list/support/invite-kit';
import { DECISION_PLAN as PLAN, DECISION_VIEWS as views, decisionConference, decisionPath as path, startLiveMeeting } from './support/decision-kit';

let kit: InviteKit;

beforeAll(async () => {
  kit = await startInviteKit();
  await kit.store.create(decisionConference('dp-1'));
  await startLiveMeeting(kit, 'dp-1');
  await kit.store.create(decisionConference('dp-2', { kind: 'RCPC', anchors: { icpc: '2026-12-01' }, profileId: 'staffordshire' }));
  await startLiveMeeting(kit, 'dp-2', 'family');
});
afterAll(() => kit.close());
const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

it('GET of an empty draft: every agency view and the chair\'s view are problems; the choices are the card\'s', async () => {
  const res = await kit.api('GET', path('dp-1'), CHAIR.id);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ isReview: false, caseReference: expect.stringMatching(/^MOS55/) });
  expect(res.json.problems).toEqual([
    { field: 'view.childrens-social-care', code: 'DECISION.VIEW_REQUIRED', message: "Enter this agency's view (plan, no plan or abstain)." },
    { field: 'view.police', code: 'DECISION.VIEW_REQUIRED', message: "Enter this agency's view (plan, no plan or abstain)." },
    { field: 'view.health', code: 'DECISION.VIEW_REQUIRED', message: "Enter this agency's view (plan, no plan or abstain)." },
    { field: 'view.education', code: 'DECISION.VIEW_REQUIRED', message: "Enter this agency's view (plan, no plan or abstain)." },
    { field: 'chairView', code: 'DECISION.CHAIR_VIEW_REQUIRED', message: 'The chair decides, having heard every agency: give your view.' },
  ]);
  const { choices } = res.json;
  expect(choices.agencies).toEqual([
    { agency: 'childrens-social-care', label: "Children's social care", reportingOnly: false },
    { agency: 'police', label: 'Police', reportingOnly: false },
    { agency: 'health', label: expect.stringMatching(/^Health/), reportingOnly: false },
    { agency: 'education', label: 'School or education setting', reportingOnly: true },
  ]);
  // england: one category only, no "multiple".
  expect(choices.category.map((c: { value: string }) => c.value)).toEqual(['physical', 'emotional', 'sexual', 'neglect']);
  expect(choices.rangeText).toEqual({
    firstCoreGroup: '2027-03-02 to 2027-03-15 (T4: within 10 working days of the conference)',
    review: '2027-03-02 to 2027-06-01 (T2: within 3 months of the conference)',
  });
  expect(res.json.words.outcome).toBe('Not decided yet: you decide, having heard every agency.');
  expect(choices.leadSocialWorker.map((c: { value: string }) => c.value)).toEqual(['inv-sw']);
  expect(choices.coreGroup.map((c: { value: string }) => c.value)).toEqual(expect.arrayContaining(['inv-sw', 'inv-police', 'inv-hv', 'inv-school', 'inv-parent']));
  expect(choices.coreGroup.map((c: { value: string }) => c.value)).not.toContain('inv-chair');
  // A family member by role only, never by name.
  expect(choices.coreGroup.find((c: { value: string }) => c.value === 'inv-parent').title).toBe('Parent or carer');
  expect(JSON.stringify(res.json)).not.toContain('Invented Parent');
});

it('PUT: the problems follow the draft as saved, and are exactly what a Record of it answers with 422', async () => {
  const bad = { ...PLAN, reviewDate: '2027-06-02', dissent: [], coreGroupInviteeIds: ['inv-chair'] };
  const saved = await kit.api('PUT', path('dp-1', '/draft'), CHAIR.id, bad);
  expect(saved.status).toBe(200);
  expect(saved.json.problems.map((p: { code: string }) => p.code)).toEqual(['DECISION.DISSENT_REASON_REQUIRED', 'DECISION.CORE_GROUP_MEMBER_INVALID', 'DECISION.DATE_OUT_OF_RANGE']);
  expect(fieldsOf(saved.json.problems)).toEqual(['dissent.health', 'coreGroup', 'reviewDate']);

  const refused = await kit.api('POST', path('dp-1'), CHAIR.id, {});
  expect(refused.status).toBe(422);
  expect(refused.json.error.details).toMatchObject({
    fields: fieldsOf(saved.json.problems),
    codes: saved.json.problems.map((p: { code: string }) => p.code),
    messages: saved.json.problems.map((p: { message: string }) => p.message),
  });
  expect(refused.json.error.code).toBe(saved.json.problems[0].code);
  // A plan under "no plan": the plan's fields are no longer asked for; the outcome without a plan is.
  const noPlan = await kit.api('PUT', path('dp-1', '/draft'), CHAIR.id, { views: views.map((v) => ({ ...v, view: 'no-plan' })), chairView: 'no-plan' });
  expect(noPlan.json.problems).toEqual([{ field: 'outcomeWithoutPlan', code: 'DECISION.OUTCOME_WITHOUT_PLAN_REQUIRED', message: 'No plan: choose child in need or no further action.' }]);
});

it('a valid draft has no problems; recorded, none either (and the decision is there)', async () => {
  const ok = await kit.api('PUT', path('dp-1', '/draft'), CHAIR.id, PLAN);
  expect(ok.json.problems).toEqual([]);
  const recorded = await kit.api('POST', path('dp-1'), CHAIR.id, {});
  expect(recorded).toMatchObject({ status: 200, json: { alreadyRecorded: false, problems: [], decision: { outcome: 'child-protection-plan' } } });
  // The card's words and summary, for the form to show as they are.
  expect(recorded.json.words).toMatchObject({ outcome: 'Recorded: Child protection plan.', counts: 'Plan 2, no plan 1, abstaining 1 (abstentions are not counted).' });
  expect(recorded.json.summary).toEqual(expect.arrayContaining([{ title: 'Outcome', value: 'Child protection plan' }, { title: 'Category', value: 'Emotional abuse' }, { title: 'Dissent: Health (GP, health visitor, school nurse, midwife)', value: 'Invented reason' }]));
  expect(ok.json.summary).toBeUndefined();
  // Whoever is in the meeting now, the recorded decision has no problems.
  const store = new SqlLiveMeetingStore(kit.bot.db);
  await store.save({ ...(await store.get('dp-1'))!, roster: [] });
  expect((await kit.api('GET', path('dp-1'), CHAIR.id)).json.problems).toEqual([]);
});

it('a review (staffordshire): review problems and choices, before the decision stage too', async () => {
  const end = { views: views.map((v) => ({ ...v, view: 'no-plan' })), chairView: 'no-plan', category: 'neglect', outcomeWithoutPlan: 'child-in-need', review: { outcome: 'end-plan' } };
  const res = await kit.api('PUT', path('dp-2', '/draft'), CHAIR.id, end);
  expect(res.json).toMatchObject({ isReview: true, stage: 'family', decisionRule: 'majority-with-chair-casting-vote' });
  expect(res.json.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
    ['review.outcome', 'DECISION.NEGLECT_FIRST_REVIEW'],
    ['review.endRationale', 'DECISION.END_RATIONALE_REQUIRED'],
  ]);
  expect(res.json.choices.reviewOutcome.map((c: { value: string }) => c.value)).toEqual(['continue', 'change-category', 'end-plan']);
  expect(res.json.choices.chairView).toEqual([{ title: 'The plan continues', value: 'plan' }, { title: 'End the plan', value: 'no-plan' }]);
});
