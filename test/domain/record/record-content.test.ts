// The record's content and each copy: a withheld part's section is not in the copy at all, family
// copies name no family member, and the decision's facts are all there for those who may read them.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import { audienceOf, buildRecord, recordLines } from '../../../bot/domain/record/record-content';
import { recordDeadline } from '../../../bot/domain/record/record-deadline';
import { partWindows, withheldParts } from '../../../bot/domain/record/record-parts';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { conference, decision, inviteeById, live } from './record-fixtures';

const windows = partWindows(conference, live);
const input = { conference, live, decision, windows, deadline: '2027-03-02' };
const copyFor = (id: string) => {
  const i = inviteeById(id);
  return buildRecord(input, audienceOf(i), withheldParts(windows, i));
};
const text = (id: string) => recordLines(copyFor(id)).map((l) => l.text).join('\n');

it('the full copy has every part, the decision and the T12 date', () => {
  const doc = copyFor('inv-police');
  expect(doc.versionKey).toBe('professional');
  expect(doc.sections.map((s) => s.part)).toEqual(['summary', 'attendance', 'confidential', 'family', 'decision']);
  const t = text('inv-police');
  for (const expected of [
    'Case reference: CP-2027-0420',
    'Date: Monday 1 March 2027',
    'Record due by (T12): Tuesday 2 March 2027',
    'Held: 10:02 to 10:47',
    'Outcome: Child protection plan',
    "How it was decided: Agency views were equally split: settled by the chair's casting vote",
    'View: police: Child protection plan (scaling 3/10)',
    'View: health: No child protection plan',
    'Category: Neglect',
    'Dissent (health): Improvement since the referral',
    'Lead social worker: Tamsin Brightwell (Social worker)',
    'Core group: Tamsin Brightwell (Social worker); Idris Fairweather (Professional, police); Perdita Loxley (Parent)',
    'First core group: Friday 12 March 2027',
    'Review conference: Monday 24 May 2027',
    'Idris Fairweather (Professional, police): Attended',
    'Ngozi Hartley (Professional, health): Did not attend',
    'Own slot: Rufus Ambrose (Parent): 10:45 to 11:05',
  ]) expect(t).toContain(expected);
  // Removed invitees are not listed; the exclusion's grounds are never in any copy.
  expect(t).not.toContain('Removed Person');
  expect(t).not.toContain('risk to the mother');
});

it("the mother's copy leaves out the confidential section and names no family member", () => {
  const doc = copyFor('inv-mother');
  expect(doc.versionKey).toBe('family-without-confidential');
  expect(doc.sections.map((s) => s.part)).toEqual(['summary', 'attendance', 'family', 'decision']);
  const t = text('inv-mother');
  expect(t).not.toContain('Confidential section');
  expect(t).not.toContain('10:02 to 10:47');
  expect(t).toContain('Outcome: Child protection plan');
  expect(t).toContain('Core group: Tamsin Brightwell (Social worker); Idris Fairweather (Professional, police); Parent');
  for (const name of ['Perdita', 'Caspian', 'Rufus', 'Wren', 'Loxley']) expect(t).not.toContain(name);
  expect(t).toContain('leaves out the parts of the meeting for professionals only');
});

it("the excluded father's copy has neither the family section nor the decision", () => {
  const doc = copyFor('inv-father');
  expect(doc.versionKey).toBe('family-without-confidential-family-decision');
  expect(doc.sections.map((s) => s.part)).toEqual(['summary', 'attendance']);
  const t = text('inv-father');
  expect(t).not.toContain('Outcome');
  expect(t).not.toContain('Neglect');
  expect(t).not.toContain('Improvement since the referral');
  expect(t).toContain('as the chair decided');
});

it('a review: the outcome, its rationale and the new category', () => {
  const review = { ...decision, review: { outcome: 'end-plan' as const, allActionsComplete: false, endRationale: 'Risks now managed by the family' } };
  const t = recordLines(buildRecord({ ...input, decision: review }, 'professional', [])).map((l) => l.text).join('\n');
  expect(t).toContain('Review outcome: The plan ends');
  expect(t).toContain('All actions complete: No');
  expect(t).toContain('Rationale: Risks now managed by the family');
});

it('T12 is one working day after the conference, skipping the weekend and bank holidays', () => {
  const profile = resolveProfile('staffordshire');
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  expect(recordDeadline(profile, calendar, '2027-03-01')).toBe('2027-03-02');
  expect(recordDeadline(profile, calendar, '2027-03-05')).toBe('2027-03-08'); // Friday → Monday
  expect(recordDeadline(profile, calendar, '2027-12-24')).toBe('2027-12-29'); // Christmas, Boxing Day substitutes
  expect(recordDeadline({ ...profile, timescales: { ...profile.timescales, T12: null } }, calendar, '2027-03-01T10:00')).toBe('2027-03-01');
});
