// The decision rules per profile (DOMAIN-RULES §5): majority with the chair's casting vote
// (staffordshire) or the chair decides (the others), the chair's concerns, category, dissent,
// lead social worker and core group, the T4 / T2 / T3 ranges, CIN / NFA, reviews and the
// neglect-at-first-review rule. Invented conference: ICPC on Monday 1 March 2027.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import type { DecisionDraft } from '../../../bot/domain/decision/decision';
import { computeOutcome } from '../../../bot/domain/decision/decision-outcome';
import { decisionRanges, isFirstReview } from '../../../bot/domain/decision/decision-ranges';
import { type DecisionContext, validateDecision } from '../../../bot/domain/decision/validate-decision';
import { PROFILE_IDS, type ProfileId } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const calendar = createWorkingCalendar('england-and-wales');
const inv = (id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee => ({ id, role, displayName: 'Invented Person', email: `${id}@example.test`, status: 'invited', ...extra });
const INVITEES: Invitee[] = [
  inv('chair', 'chair'), inv('sw', 'social-worker'), inv('police', 'professional', { agency: 'police' }), inv('hv', 'professional', { agency: 'health' }),
  inv('school', 'professional', { agency: 'education' }), inv('mum', 'parent'), inv('clerk', 'clerk'), inv('gone', 'social-worker', { status: 'removed' }),
];
const AGENCIES = ['childrens-social-care', 'police', 'health', 'education'];

function ctx(profile: ProfileId, c: Partial<Conference> = {}, eligible = AGENCIES, overrides: Partial<ReturnType<typeof resolveProfile>> = {}): DecisionContext {
  return {
    profile: { ...resolveProfile(profile), ...overrides },
    calendar,
    conference: { kind: 'ICPC', start: '2027-03-01T10:00', invitees: INVITEES, ...c },
    eligibleAgencies: eligible,
  };
}
const views = (...v: ('plan' | 'no-plan' | 'abstain')[]) => v.map((view, i) => ({ agency: AGENCIES[i]!, view }));
/** A complete plan under every profile: three for, one against (police dissents). */
const PLAN: DecisionDraft = {
  views: views('plan', 'no-plan', 'plan', 'plan'),
  chairView: 'plan',
  category: 'neglect',
  dissent: [{ agency: 'police', reason: 'Invented reason' }],
  leadSocialWorkerInviteeId: 'sw',
  coreGroupInviteeIds: ['police', 'hv', 'mum'],
  firstCoreGroupDate: '2027-03-15',
  reviewDate: '2027-06-01',
};
const codes = (r: ReturnType<typeof validateDecision>) => (r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([f, e]) => [f, e!.code])));

describe.each(PROFILE_IDS)('decision rules, profile %s', (id) => {
  const majority = resolveProfile(id).decisionRule === 'majority-with-chair-casting-vote';

  test('a complete plan is valid; the lead social worker joins the core group; dissent recorded', () => {
    const r = validateDecision(PLAN, ctx(id));
    expect(codes(r)).toEqual({});
    expect(r.ok && r.value).toEqual({
      outcome: 'child-protection-plan', decidedBy: majority ? 'majority' : 'chair', views: PLAN.views, chairView: 'plan', category: 'neglect',
      dissent: [{ agency: 'police', reason: 'Invented reason' }], leadSocialWorkerInviteeId: 'sw', coreGroupInviteeIds: ['sw', 'police', 'hv', 'mum'],
      firstCoreGroupDate: '2027-03-15', reviewDate: '2027-06-01',
    });
  });

  test.each([
    // views, chairView → majority rule result / decidedBy ; chair-decides result / decidedBy
    [['plan', 'plan', 'no-plan', 'abstain'], 'no-plan', ['plan', 'majority'], ['no-plan', 'chair']],
    [['plan', 'no-plan', 'abstain', 'abstain'], 'no-plan', ['no-plan', 'casting-vote'], ['no-plan', 'chair']],
    [['plan', 'no-plan', 'plan', 'no-plan'], 'plan', ['plan', 'casting-vote'], ['plan', 'chair']],
    [['abstain', 'abstain', 'abstain', 'abstain'], 'plan', ['plan', 'casting-vote'], ['plan', 'chair']],
    [['plan', 'no-plan', 'plan', 'no-plan'], undefined, [null, null], [null, null]],
    [['no-plan', 'no-plan', 'plan', 'abstain'], undefined, ['no-plan', 'majority'], [null, null]],
  ] as const)('views %j, chair %s', (v, chairView, m, c) => {
    const o = computeOutcome(resolveProfile(id).decisionRule, views(...v), chairView);
    expect([o.result, o.decidedBy]).toEqual(majority ? m : c);
  });

  test('a tie needs the chair: the casting vote under majority, the decision otherwise', () => {
    const r = validateDecision({ ...PLAN, views: views('plan', 'no-plan', 'abstain', 'abstain'), chairView: undefined }, ctx(id));
    expect(codes(r).chairView).toBe('DECISION.CHAIR_VIEW_REQUIRED');
    expect(r.ok ? '' : r.errors.chairView!.message).toMatch(majority ? /casting vote/ : /chair decides/);
  });

  test("a chair who differs from the majority records concerns (majority rule only); they are in the summary", () => {
    const draft = { ...PLAN, chairView: 'no-plan' as const };
    const r = validateDecision(draft, ctx(id));
    if (majority) {
      expect(codes(r)).toEqual({ chairConcerns: 'DECISION.CHAIR_CONCERNS_REQUIRED' });
      const ok = validateDecision({ ...draft, chairConcerns: 'Invented concern' }, ctx(id));
      expect(ok.ok && [ok.value.outcome, ok.value.chairConcerns]).toEqual(['child-protection-plan', 'Invented concern']);
    } else {
      // The chair decides: no plan (CIN or NFA to choose); the three agencies for a plan dissent.
      expect(Object.keys(codes(r)).sort()).toEqual(['dissent.childrens-social-care', 'dissent.education', 'dissent.health', 'outcomeWithoutPlan']);
    }
  });

  test('every agency present or reporting gives a view; no other agency can', () => {
    const r = validateDecision({ ...PLAN, views: [...PLAN.views.slice(0, 3), { agency: 'housing', view: 'plan' }, { agency: 'police', view: 'plan' }] }, ctx(id));
    expect(codes(r)).toMatchObject({ 'view.education': 'DECISION.VIEW_REQUIRED', 'view.housing': 'DECISION.AGENCY_NOT_PRESENT', 'view.police': 'DECISION.AGENCY_DUPLICATED' });
  });

  test('scaling is 0–10 whole numbers', () => {
    const r = validateDecision({ ...PLAN, views: [{ ...PLAN.views[0]!, scaling: 11 }, { ...PLAN.views[1]!, scaling: 2.5 }, { ...PLAN.views[2]!, scaling: 0 }, PLAN.views[3]!] }, ctx(id));
    expect(codes(r)).toEqual({ 'scaling.childrens-social-care': 'DECISION.SCALING_INVALID', 'scaling.police': 'DECISION.SCALING_INVALID' });
  });

  test('dissent: an agency against the outcome needs its reason', () => {
    expect(codes(validateDecision({ ...PLAN, dissent: [{ agency: 'police', reason: '  ' }] }, ctx(id)))).toEqual({ 'dissent.police': 'DECISION.DISSENT_REASON_REQUIRED' });
  });

  test('category: required for a plan; multiple only where allowed', () => {
    expect(codes(validateDecision({ ...PLAN, category: undefined }, ctx(id)))).toEqual({ category: 'DECISION.CATEGORY_REQUIRED' });
    expect(codes(validateDecision({ ...PLAN, category: 'multiple' }, ctx(id)))).toEqual({ category: 'DECISION.CATEGORY_MULTIPLE_NOT_ALLOWED' });
    expect(codes(validateDecision({ ...PLAN, category: 'multiple' }, ctx(id, {}, AGENCIES, { allowMultipleCategory: true })))).toEqual({});
    expect(codes(validateDecision({ ...PLAN, category: 'cruelty' as never }, ctx(id)))).toEqual({ category: 'DECISION.CATEGORY_INVALID' });
  });

  test('lead social worker: a social-worker invitee still on the list', () => {
    expect(codes(validateDecision({ ...PLAN, leadSocialWorkerInviteeId: undefined }, ctx(id)))).toEqual({ leadSocialWorker: 'DECISION.LEAD_SOCIAL_WORKER_REQUIRED' });
    for (const bad of ['police', 'gone', 'nobody']) {
      expect(codes(validateDecision({ ...PLAN, leadSocialWorkerInviteeId: bad }, ctx(id)))).toEqual({ leadSocialWorker: 'DECISION.LEAD_SOCIAL_WORKER_INVALID' });
    }
  });

  test('core group: professionals and family on the list, not the chair or clerk', () => {
    expect(codes(validateDecision({ ...PLAN, coreGroupInviteeIds: [] }, ctx(id)))).toEqual({ coreGroup: 'DECISION.CORE_GROUP_REQUIRED' });
    for (const bad of ['chair', 'clerk', 'gone', 'nobody']) {
      expect(codes(validateDecision({ ...PLAN, coreGroupInviteeIds: ['police', bad] }, ctx(id)))).toEqual({ coreGroup: 'DECISION.CORE_GROUP_MEMBER_INVALID' });
    }
  });

  test.each([
    ['firstCoreGroupDate', '2027-03-02', null],
    ['firstCoreGroupDate', '2027-03-15', null],
    ['firstCoreGroupDate', '2027-03-16', 'DECISION.DATE_OUT_OF_RANGE'],
    ['firstCoreGroupDate', '2027-03-01', 'DECISION.DATE_OUT_OF_RANGE'],
    ['firstCoreGroupDate', '2027-03-06', 'DECISION.DATE_NOT_WORKING_DAY'],
    ['firstCoreGroupDate', '2027-02-30', 'DECISION.DATE_INVALID'],
    ['firstCoreGroupDate', undefined, 'DECISION.DATE_REQUIRED'],
    ['reviewDate', '2027-06-01', null],
    ['reviewDate', '2027-06-02', 'DECISION.DATE_OUT_OF_RANGE'],
    ['reviewDate', '2027-05-31', 'DECISION.DATE_NOT_WORKING_DAY'],
    ['reviewDate', '2099-06-01', 'DECISION.DATE_OUT_OF_RANGE'],
  ] as const)('ICPC %s %s', (field, value, code) => {
    const r = validateDecision({ ...PLAN, [field]: value }, ctx(id));
    expect(codes(r)).toEqual(code ? { [field]: code } : {});
    if (code) expect(r.ok ? '' : r.errors[field]!.message).toContain(field === 'reviewDate' ? '2027-03-02 to 2027-06-01 (T2: within 3 months' : '2027-03-02 to 2027-03-15 (T4: within 10 working days');
  });

  test('ranges: T4 and T2 after an initial conference, T3 after a review', () => {
    const p = resolveProfile(id);
    expect(decisionRanges(p, calendar, 'ICPC', '2027-03-01')).toMatchObject({ firstCoreGroup: { from: '2027-03-02', to: '2027-03-15', rule: 'T4' }, review: { to: '2027-06-01', rule: 'T2' } });
    expect(decisionRanges(p, calendar, 'PRE_BIRTH', '2027-03-01').review.rule).toBe('T2');
    expect(decisionRanges(p, calendar, 'RCPC', '2027-03-01').review).toMatchObject({ from: '2027-03-02', to: '2027-09-01', rule: 'T3' });
  });

  test.each(['child-in-need', 'no-further-action'] as const)('no plan: %s, no category, no core group or dates needed', (o) => {
    const draft: DecisionDraft = { views: views('no-plan', 'no-plan', 'abstain', 'no-plan'), chairView: 'no-plan', outcomeWithoutPlan: o, category: 'neglect', dissent: [], coreGroupInviteeIds: [] };
    const r = validateDecision(draft, ctx(id));
    expect(r.ok && r.value).toEqual({ outcome: o, decidedBy: majority ? 'majority' : 'chair', views: draft.views, chairView: 'no-plan', dissent: [], coreGroupInviteeIds: [] });
    expect(codes(validateDecision({ ...draft, outcomeWithoutPlan: undefined }, ctx(id)))).toEqual({ outcomeWithoutPlan: 'DECISION.OUTCOME_WITHOUT_PLAN_REQUIRED' });
  });

  describe('review conferences', () => {
    const first = { kind: 'RCPC' as const, anchors: { icpc: '2026-12-01' } };
    const later = { kind: 'RCPC' as const, anchors: { rcpc: '2026-09-01' } };
    const CONTINUE: DecisionDraft = { ...PLAN, reviewDate: '2027-09-01', review: { outcome: 'continue' } };
    const END: DecisionDraft = { views: views('no-plan', 'no-plan', 'no-plan', 'abstain'), chairView: 'no-plan', outcomeWithoutPlan: 'child-in-need', category: 'emotional', dissent: [], coreGroupInviteeIds: [], review: { outcome: 'end-plan', allActionsComplete: true } };

    test('first review: an RCPC measured from the ICPC', () => {
      expect([isFirstReview('RCPC', first.anchors), isFirstReview('RCPC', later.anchors), isFirstReview('ICPC', first.anchors)]).toEqual([true, false, false]);
    });

    test('continue: the plan with the review within T3', () => {
      const r = validateDecision(CONTINUE, ctx(id, later));
      expect(r.ok && r.value.review).toEqual({ outcome: 'continue' });
      expect(codes(validateDecision({ ...CONTINUE, reviewDate: '2027-09-02' }, ctx(id, later)))).toEqual({ reviewDate: 'DECISION.DATE_OUT_OF_RANGE' });
      expect(codes(validateDecision({ ...CONTINUE, review: {} }, ctx(id, later)))).toEqual({ 'review.outcome': 'DECISION.REVIEW_OUTCOME_REQUIRED' });
      expect(codes(validateDecision({ ...CONTINUE, review: { outcome: 'end-plan' } }, ctx(id, later)))).toEqual({ 'review.outcome': 'DECISION.REVIEW_OUTCOME_CONFLICT' });
    });

    test('change category: a new one, different from the current one', () => {
      const change = { ...CONTINUE, review: { outcome: 'change-category' as const, newCategory: 'emotional' as const } };
      const r = validateDecision(change, ctx(id, later));
      expect(r.ok && [r.value.category, r.value.review]).toEqual(['neglect', { outcome: 'change-category', newCategory: 'emotional' }]);
      expect(codes(validateDecision({ ...change, review: { outcome: 'change-category' } }, ctx(id, later)))).toEqual({ 'review.newCategory': 'DECISION.NEW_CATEGORY_REQUIRED' });
      expect(codes(validateDecision({ ...change, review: { outcome: 'change-category', newCategory: 'neglect' } }, ctx(id, later)))).toEqual({ 'review.newCategory': 'DECISION.NEW_CATEGORY_SAME' });
    });

    test('end the plan: all actions complete, or the rationale; then CIN or NFA', () => {
      const r = validateDecision(END, ctx(id, later));
      expect(r.ok && [r.value.outcome, r.value.review]).toEqual(['child-in-need', { outcome: 'end-plan', allActionsComplete: true }]);
      expect(codes(validateDecision({ ...END, review: { outcome: 'end-plan' } }, ctx(id, later)))).toEqual({ 'review.endRationale': 'DECISION.END_RATIONALE_REQUIRED' });
      const why = validateDecision({ ...END, review: { outcome: 'end-plan', allActionsComplete: false, endRationale: 'Invented rationale' } }, ctx(id, later));
      expect(why.ok && why.value.review).toEqual({ outcome: 'end-plan', allActionsComplete: false, endRationale: 'Invented rationale' });
      expect(codes(validateDecision({ ...END, review: { outcome: 'continue', allActionsComplete: true } }, ctx(id, later)))).toEqual({ 'review.outcome': 'DECISION.REVIEW_OUTCOME_CONFLICT' });
    });

    test('neglect at the first review: ended only where the profile allows it', () => {
      const neglect = { ...END, category: 'neglect' as const };
      const blocked = resolveProfile(id).noNeglectDiscontinueAtFirstReview;
      expect(codes(validateDecision(neglect, ctx(id, first)))).toEqual(blocked ? { 'review.outcome': 'DECISION.NEGLECT_FIRST_REVIEW' } : {});
      // A later review, or another category at the first review, may end it.
      expect(codes(validateDecision(neglect, ctx(id, later)))).toEqual({});
      expect(codes(validateDecision(END, ctx(id, first)))).toEqual({});
      // And the flag itself decides, whatever the profile.
      expect(codes(validateDecision(neglect, ctx(id, first, AGENCIES, { noNeglectDiscontinueAtFirstReview: true })))).toEqual({ 'review.outcome': 'DECISION.NEGLECT_FIRST_REVIEW' });
    });
  });
});

test('the profiles: staffordshire decides by majority and keeps neglect plans at the first review', () => {
  expect(PROFILE_IDS.filter((p) => resolveProfile(p).decisionRule === 'majority-with-chair-casting-vote')).toEqual(['staffordshire']);
  expect(PROFILE_IDS.filter((p) => resolveProfile(p).noNeglectDiscontinueAtFirstReview)).toEqual(['staffordshire']);
});
