// The core group rules as tables (DOMAIN-RULES §7; 004): quorum, the append-only plan, the next
// date against T5/T6 per profile, T16, and the template's completeness before circulation.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { CoreGroupMinutes, MinutesAttendee, PlanItem } from '../../../bot/domain/core-group/core-group-minutes';
import { checkMinutes, checkNextCoreGroupDate, coreGroupQuorum, mergePlanItems, minutesDueBy } from '../../../bot/domain/core-group/core-group-rules';
import type { InviteeRole } from '../../../bot/domain/conference/conference';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const calendar = createWorkingCalendar('england-and-wales');
const england = resolveProfile('england');
const suffolk = resolveProfile('suffolk');
const sheffield = resolveProfile('sheffield');
const staffordshire = resolveProfile('staffordshire');

const attendee = (inviteeId: string, role: InviteeRole, attended = true, chair = false): MinutesAttendee => ({ inviteeId, role, consulted: true, invited: true, attended, chair });

describe('quorate with two professional members attending (004)', () => {
  it.each<[string, MinutesAttendee[], boolean, number]>([
    ['social worker and police', [attendee('a', 'social-worker'), attendee('b', 'professional')], true, 2],
    ['one professional only', [attendee('a', 'social-worker')], false, 1],
    ['a professional invited but absent', [attendee('a', 'social-worker'), attendee('b', 'professional', false)], false, 1],
    ['family do not count', [attendee('a', 'social-worker'), attendee('p', 'parent'), attendee('c', 'child')], false, 1],
    ['interpreter and clerk do not count', [attendee('a', 'social-worker'), attendee('i', 'interpreter'), attendee('k', 'clerk')], false, 1],
    ['team manager counts', [attendee('a', 'team-manager'), attendee('b', 'professional')], true, 2],
    ['the same person twice counts once', [attendee('a', 'professional'), attendee('a', 'professional')], false, 1],
  ])('%s', (_name, list, quorate, n) => {
    expect(coreGroupQuorum(list)).toEqual({ quorate, professionalsAttending: n });
  });
});

describe('actions and safety goals: added, never removed or rewritten (004)', () => {
  const plan: PlanItem[] = [
    { id: 'g1', kind: 'safety-goal', text: 'Home is warm and safe', agreedAt: '2027-03-01', agreedBy: 'icpc-1' },
    { id: 'a1', kind: 'action', text: 'Health visitor visits weekly', owner: 'health', agreedAt: '2027-03-01', agreedBy: 'icpc-1' },
  ];
  let n = 0;
  const ctx = { agreedAt: '2027-03-15', agreedBy: 'cg-1', newId: () => `new-${++n}` };
  const keep = plan.map(({ id, kind, text, owner }) => ({ id, kind, text, ...(owner && { owner }) }));

  it.each<[string, Parameters<typeof mergePlanItems>[1], string | null]>([
    ['all kept, one added', [...keep, { kind: 'action', text: 'School reports attendance' }], null],
    ['all kept, nothing added', keep, null],
    ['a goal left out', [keep[1]!], 'CORE_GROUP.PLAN_ITEM_REMOVED'],
    ['an action left out while adding another', [keep[0]!, { kind: 'action', text: 'Another' }], 'CORE_GROUP.PLAN_ITEM_REMOVED'],
    ['a goal rewritten', [{ ...keep[0]!, text: 'Home is safe' }, keep[1]!], 'CORE_GROUP.PLAN_ITEM_CHANGED'],
    ['an action given another owner', [keep[0]!, { ...keep[1]!, owner: 'police' }], 'CORE_GROUP.PLAN_ITEM_CHANGED'],
    ['a goal turned into an action', [{ ...keep[0]!, kind: 'action' }, keep[1]!], 'CORE_GROUP.PLAN_ITEM_CHANGED'],
    ['an id the plan does not have', [...keep, { id: 'zz', kind: 'action', text: 'x' }], 'CORE_GROUP.PLAN_ITEM_CHANGED'],
    ['whitespace only differences are the same words', [{ ...keep[0]!, text: ' Home is warm and safe ' }, keep[1]!], null],
  ])('%s', (_name, submitted, code) => {
    const r = mergePlanItems(plan, submitted, ctx);
    if (code === null) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.items.slice(0, 2)).toEqual(plan);
    } else {
      expect(r).toMatchObject({ ok: false, code });
    }
  });

  it('a new item gets an id, the meeting and its date; a blank one is ignored', () => {
    const r = mergePlanItems(plan, [...keep, { kind: 'safety-goal', text: ' Mum attends appointments ' }, { kind: 'action', text: '  ' }], ctx);
    expect(r.ok && r.added).toEqual([{ id: expect.stringMatching(/^new-/), kind: 'safety-goal', text: 'Mum attends appointments', agreedAt: '2027-03-15', agreedBy: 'cg-1' }]);
  });
});

describe('the next core group date: T5 from this meeting, T6 before the review', () => {
  // held Monday 15 March 2027; england/suffolk T5 = 6 weeks → 26 April 2027; sheffield 1 month → 15 April.
  it.each<[string, ReturnType<typeof resolveProfile>, string, string | undefined, string | null]>([
    ['england: within six weeks', england, '2027-04-26', undefined, null],
    ['england: one day past six weeks', england, '2027-04-27', undefined, 'CORE_GROUP.NEXT_DATE_PAST_T5'],
    ['sheffield: one month', sheffield, '2027-04-15', undefined, null],
    ['sheffield: past one month', sheffield, '2027-04-16', undefined, 'CORE_GROUP.NEXT_DATE_PAST_T5'],
    ['the same day', england, '2027-03-15', undefined, 'CORE_GROUP.NEXT_DATE_INVALID'],
    ['a Saturday', england, '2027-03-20', undefined, 'CORE_GROUP.NEXT_DATE_INVALID'],
    ['Easter Monday (bank holiday)', england, '2027-03-29', undefined, 'CORE_GROUP.NEXT_DATE_INVALID'],
    // Review on Monday 10 May 2027; suffolk T6 = 15 working days → earliest final 16 April 2027.
    ['suffolk: final one too early before the review', suffolk, '2027-04-05', '2027-05-10', 'CORE_GROUP.NEXT_DATE_BEFORE_T6'],
    ['suffolk: final one inside the T6 window', suffolk, '2027-04-19', '2027-05-10', null],
    ['england has no T6: the same date is fine', england, '2027-04-05', '2027-05-10', null],
    ['suffolk: not the final one (another is due before the review)', suffolk, '2027-03-22', '2027-06-30', null],
  ])('%s', (_name, profile, next, review, code) => {
    const r = checkNextCoreGroupDate(profile, calendar, '2027-03-15', next, review);
    expect(r.error?.code ?? null).toBe(code);
  });

  it('answers the T5 latest and the T6 earliest', () => {
    expect(checkNextCoreGroupDate(suffolk, calendar, '2027-03-15', undefined, '2027-05-10')).toEqual({ ok: true, latest: '2027-04-26', earliestFinal: '2027-04-16', lastBeforeReview: true });
  });
});

describe('T16: minutes circulated within N working days', () => {
  it.each([
    [england, '2027-04-07'], // 15 working days after 15 March, over Good Friday and Easter Monday
    [staffordshire, '2027-03-31'],
  ])('%#', (profile, due) => {
    expect(minutesDueBy(profile, calendar, '2027-03-15')).toBe(due);
  });
});

describe('the template before circulation', () => {
  const plan: PlanItem[] = [{ id: 'g1', kind: 'safety-goal', text: 'Goal', agreedAt: '2027-03-01', agreedBy: 'icpc-1' }];
  const complete: Omit<CoreGroupMinutes, 'conferenceId' | 'planId' | 'savedAt' | 'savedBy'> = {
    heldOn: '2027-03-15',
    attendees: [attendee('sw', 'social-worker', true, true), attendee('hv', 'professional'), attendee('p', 'parent', false)],
    childsWords: 'Says school is fun',
    familysWords: 'Want more help',
    childSeenInTimescale: true,
    advocateOffered: true,
    progress: [{ itemId: 'g1', progress: 'Some', nextSteps: 'More' }],
    scaling: { now: 5, initialConference: 3, lastMeeting: 4 },
    workingWell: 'Routines',
    worriedAbout: 'Heating',
    needsToHappen: 'Repairs',
    nextCoreGroupDate: '2027-04-12',
    disagreements: [],
  };
  const fieldsOf = (m: typeof complete, mode: 'save' | 'circulate' = 'circulate', reviewDate?: string) =>
    checkMinutes(england, calendar, m, plan, { mode, ...(reviewDate && { reviewDate }) }).map((e) => `${e.field}:${e.code}`);

  it('complete minutes pass', () => expect(fieldsOf(complete)).toEqual([]));
  it.each<[string, Partial<typeof complete>, string]>([
    ['no chair', { attendees: [attendee('sw', 'social-worker'), attendee('hv', 'professional')] }, 'attendees:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['not quorate', { attendees: [attendee('sw', 'social-worker', true, true), attendee('hv', 'professional', false)] }, 'attendees:CORE_GROUP.NOT_QUORATE'],
    ["no child's words", { childsWords: ' ' }, 'childsWords:CORE_GROUP.MINUTES_INCOMPLETE'],
    ["no family's words", { familysWords: '' }, 'familysWords:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['child seen not answered', { childSeenInTimescale: undefined }, 'childSeenInTimescale:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['advocate not answered', { advocateOffered: undefined }, 'advocateOffered:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['no progress on a goal', { progress: [] }, 'progress:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['scaling 11', { scaling: { now: 11 } }, 'scaling.now:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['no scaling now', { scaling: {} }, 'scaling.now:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['nothing working well', { workingWell: '' }, 'workingWell:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['nothing worried about', { worriedAbout: '' }, 'worriedAbout:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['nothing needs to happen', { needsToHappen: '' }, 'needsToHappen:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['no next date', { nextCoreGroupDate: undefined }, 'nextCoreGroupDate:CORE_GROUP.MINUTES_INCOMPLETE'],
    ['next date past T5', { nextCoreGroupDate: '2027-05-04' }, 'nextCoreGroupDate:CORE_GROUP.NEXT_DATE_PAST_T5'],
  ])('%s', (_name, patch, error) => {
    expect(fieldsOf({ ...complete, ...patch })).toContain(error);
  });

  it('the last core group before the review needs its recommendations; then no next date is needed', () => {
    const last = { ...complete, nextCoreGroupDate: undefined };
    expect(fieldsOf(last, 'circulate', '2027-04-19')).toEqual(['recommendationsForReview:CORE_GROUP.RECOMMENDATIONS_REQUIRED']);
    expect(fieldsOf({ ...last, recommendationsForReview: 'Continue the plan' }, 'circulate', '2027-04-19')).toEqual([]);
  });

  it('a save takes partial minutes but never an invalid value', () => {
    const partial = { ...complete, childsWords: '', attendees: [], progress: [] };
    expect(fieldsOf(partial, 'save')).toEqual([]);
    expect(fieldsOf({ ...partial, scaling: { now: -1 } }, 'save')).toEqual(['scaling.now:CORE_GROUP.MINUTES_INCOMPLETE']);
    expect(fieldsOf({ ...partial, progress: [{ itemId: 'nope', progress: 'x', nextSteps: 'y' }] }, 'save')).toEqual(['progress:CORE_GROUP.MINUTES_INCOMPLETE']);
  });
});
