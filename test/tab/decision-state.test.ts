// The decision form's values ↔ the API's draft (tab/src/decision/decision-state.ts): only what was
// entered goes out (no rule is applied here: the server answers whether it is valid), a saved
// draft comes back as the same values, and a 422's parallel lists become one problem per field.
import { draftOf, problemsOfRefusal, valuesOf } from '../../tab/src/decision/decision-state';
import type { DecisionReading } from '../../tab/src/shell/api-types';

const agencies = ['childrens-social-care', 'police', 'health'].map((agency) => ({ agency, label: agency, reportingOnly: false }));
const reading = (draft: Partial<DecisionReading['draft']>) =>
  ({ choices: { agencies }, draft: { views: [], dissent: [], coreGroupInviteeIds: [], ...draft } }) as unknown as DecisionReading;

test('an untouched form sends an empty draft: nothing invented', () => {
  expect(draftOf(valuesOf(reading({})))).toEqual({ views: [], dissent: [], coreGroupInviteeIds: [] });
});

test('what was entered goes out as entered: a scaling without a view waits, blank text is left out', () => {
  const v = valuesOf(reading({}));
  v.agencies.police = { view: 'plan', scaling: '4', dissent: '' };
  v.agencies.health = { view: '', scaling: '7', dissent: '   ' };
  v.chairView = 'plan';
  v.reviewDate = '2027-04-06';
  v.allActionsComplete = true;
  expect(draftOf(v)).toEqual({
    views: [{ agency: 'police', view: 'plan', scaling: 4 }], dissent: [], coreGroupInviteeIds: [], chairView: 'plan', reviewDate: '2027-04-06', review: { allActionsComplete: true },
  });
});

test('a saved draft comes back as the same draft (values round trip)', () => {
  const draft = {
    views: [{ agency: 'childrens-social-care', view: 'plan' as const }, { agency: 'health', view: 'no-plan' as const, scaling: 0 }],
    dissent: [{ agency: 'health', reason: 'Invented reason' }],
    chairView: 'plan' as const, category: 'neglect' as const, leadSocialWorkerInviteeId: 'inv-sw', coreGroupInviteeIds: ['inv-sw', 'inv-parent'],
    firstCoreGroupDate: '2027-01-07', reviewDate: '2027-04-06', review: { outcome: 'change-category' as const, newCategory: 'emotional' as const },
  };
  expect(draftOf(valuesOf(reading(draft)))).toEqual(draft);
});

test("a 422's details are one problem per field; anything else is not a field refusal", () => {
  expect(problemsOfRefusal({ fields: ['view.police', 'reviewDate'], codes: ['DECISION.VIEW_REQUIRED', 'DECISION.DATE_OUT_OF_RANGE'], messages: ['a', 'b'] })).toEqual([
    { field: 'view.police', code: 'DECISION.VIEW_REQUIRED', message: 'a' },
    { field: 'reviewDate', code: 'DECISION.DATE_OUT_OF_RANGE', message: 'b' },
  ]);
  expect(problemsOfRefusal({ conferenceId: 'c-1' })).toBeNull();
  expect(problemsOfRefusal(undefined)).toBeNull();
});
