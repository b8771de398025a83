// The stage view's allow-list (bot/app/meeting/stage-view/stage-view.ts): which parts a meeting's
// agenda has (the stage machine's rules), how each is marked, and the plan summary — a category
// only with a plan; nothing else of the decision, whatever it holds.
import { stageViewOf } from '../../../../bot/app/meeting/stage-view/stage-view';
import type { Decision } from '../../../../bot/domain/decision/decision';
import type { LiveMeeting } from '../../../../bot/domain/meeting/live-meeting';
import { bookedConference } from '../../../invite-list/support/invite-kit';

const c = (over = {}) => ({ ...bookedConference('sv-unit'), version: 1, ...over });
const live = (over: Partial<LiveMeeting> = {}): LiveMeeting => ({ conferenceId: 'sv-unit', teamsMeetingId: 'm', stage: 'pre-meeting', history: [], roster: [], alerts: [], version: 1, ...over });
const statuses = (v: ReturnType<typeof stageViewOf>) => v.agenda.map((a) => `${a.stage}:${a.status}`);

it('a core group: no professionals-only part unless the chair added one', () => {
  const core = c({ kind: 'CORE_GROUP', familySectionStart: undefined });
  expect(statuses(stageViewOf(core, live()))).toEqual(['pre-meeting:current', 'family:to-come', 'decision:to-come']);
  expect(statuses(stageViewOf(core, live({ confidentialAdded: true, stage: 'confidential' })))).toEqual(['pre-meeting:done', 'confidential:current', 'family:to-come', 'decision:to-come']);
});

it('closed: every part done', () => {
  expect(statuses(stageViewOf(c(), live({ stage: 'closed' })))).toEqual(['pre-meeting:done', 'confidential:done', 'family:done', 'decision:done']);
});

it('no plan: the outcome and the review date only — never a category, views, concerns or dissent', () => {
  const decision: Decision = {
    outcome: 'child-in-need', decidedBy: 'chair', chairView: 'no-plan', chairConcerns: 'Invented concern', category: 'neglect',
    views: [{ agency: 'police', view: 'no-plan' }], dissent: [{ agency: 'police', reason: 'Invented reason' }], coreGroupInviteeIds: ['inv-sw'],
    firstCoreGroupDate: '2027-03-10', reviewDate: '2027-05-28', chairId: 'chair', at: '2027-03-01T11:00:00.000Z',
  };
  const view = stageViewOf(c(), live({ stage: 'decision', decision }));
  expect(view.plan).toEqual({ outcome: 'child-in-need', outcomeLabel: 'Child in need plan', reviewDate: '2027-05-28' });
  expect(JSON.stringify(view)).not.toMatch(/Invented|police|inv-sw|chair"/);
});
