// One child's plan as a timeline: strategy discussion → ICPC → decision → T12 → first core group
// → next core group due (T5) and the review due (T2) when not booked; statuses against today.
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Decision } from '../../../bot/domain/decision/decision';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { planTimeline } from '../../../bot/domain/timeliness/plan-timeline';
import { conf } from './conference-fixture';

const CAL = createWorkingCalendar('england-and-wales');
const ENGLAND = resolveProfile('england');
const PLAN: Decision = {
  outcome: 'child-protection-plan', decidedBy: 'chair', views: [], dissent: [], category: 'neglect', coreGroupInviteeIds: [],
  firstCoreGroupDate: '2027-03-15', reviewDate: '2027-05-28', chairId: 'chair', at: '2027-03-01T11:50:00.000Z',
};

const icpc = conf('icpc', {
  start: '2027-03-01T10:00', anchors: { 'strategy-discussion': '2027-02-10' },
  followUps: { coreGroupId: 'cg1', tasks: [{ rule: 'T14', due: '2027-03-22', doneAt: '2027-03-19T10:00:00.000Z', doneBy: 'clerk' }] },
});
const cg1 = conf('cg1', { kind: 'CORE_GROUP', start: '2027-03-16T14:00', anchors: { icpc: '2027-03-01' }, followUpOf: { conferenceId: 'icpc', kind: 'first-core-group', planId: 'icpc' } });
const sent = { deadline: '2027-03-02', issuedAt: '2027-03-01T12:00:00.000Z', issuedBy: 'chair', recipients: [{ inviteeId: 'i', audience: 'professional' as const, versionKey: 'professional', withheld: [], state: 'sent' as const, at: '2027-03-01T12:01:00.000Z', attempts: 1 }] };

describe('planTimeline', () => {
  const members = [
    { conference: cg1, facts: { decisionRecorded: false } },
    { conference: icpc, decision: PLAN, facts: { decisionRecorded: true, record: sent } },
  ];

  it('lists the plan in date order with each meeting against its own timescale', () => {
    const t = planTimeline(ENGLAND, CAL, 'icpc', members, '2027-04-01');
    expect(t).toMatchObject({ planId: 'icpc', caseReference: 'CP-icpc', open: true });
    expect(t.items.map((i) => [i.type, i.date, i.rule, i.status, i.timeliness])).toEqual([
      ['strategy-discussion', '2027-02-10', null, 'held', null],
      ['meeting', '2027-03-01', 'T1', 'held', 'met'],
      ['decision', '2027-03-01', null, 'recorded', null],
      ['deadline', '2027-03-02', 'T12', 'done', null],
      // T4 from 1 March is 15 March: the core group on the 16th was late.
      ['meeting', '2027-03-16', 'T4', 'held', 'missed'],
      ['deadline', '2027-03-22', 'T14', 'done', null],
      // Not booked: the next core group six weeks after the last (T5) and the review (T2).
      ['deadline', '2027-04-27', 'T5', 'due', null],
      ['deadline', '2027-06-01', 'T2', 'due', null],
    ]);
    expect(t.items[4]).toMatchObject({ label: 'Core group', due: '2027-03-15' });
    expect(t.items[2]!.label).toBe('Decision: child protection plan (neglect)');
  });

  it('a deadline past today and not done is missed; a review booked is not listed as due', () => {
    const booked = { ...icpc, followUps: { ...icpc.followUps!, reviewId: 'rv', tasks: [{ rule: 'T14' as const, due: '2027-03-22' }] } };
    const t = planTimeline(ENGLAND, CAL, 'icpc', [members[0]!, { ...members[1]!, conference: booked }], '2027-05-01');
    expect(t.items.filter((i) => i.type === 'deadline').map((i) => [i.rule, i.status])).toEqual([['T12', 'done'], ['T14', 'missed'], ['T5', 'missed']]);
  });

  it('a plan ended at review lists nothing due next', () => {
    const rv = conf('rv', { kind: 'RCPC', start: '2027-05-28T10:00', anchors: { icpc: '2027-03-01' } });
    const end: Decision = { ...PLAN, at: '2027-05-28T11:00:00.000Z', review: { outcome: 'end-plan', allActionsComplete: true } };
    const t = planTimeline(ENGLAND, CAL, 'icpc', [...members, { conference: rv, decision: end, facts: { decisionRecorded: true } }], '2027-06-01');
    expect(t.open).toBe(false);
    expect(t.items.filter((i) => i.rule === 'T5' || i.rule === 'T3')).toEqual([]);
    expect(t.items.find((i) => i.conferenceId === 'rv' && i.type === 'decision')!.label).toBe('Decision: plan ends');
  });
});
