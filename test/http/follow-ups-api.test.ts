// Follow-ups and core group minutes over real HTTP (local mode, the whole server): POST
// /conferences/:id/follow-ups books the first core group and the review once; the tasks are marked
// done; the core group's minutes are saved with If-Match, an agreed item can never be dropped
// (422 with the item), circulated once; the same verbs from cards in Teams, and "minutes" in chat.
jest.setTimeout(120_000);

import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { bookedConference, CHAIR, HEALTH_VISITOR, type InviteKit, POLICE, RecordingNotifier, SOCIAL_WORKER, startInviteKit } from '../invite-list/support/invite-kit';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';

type Node = Record<string, unknown>;
const notifier = new RecordingNotifier();
let kit: InviteKit;
let connector: ConnectorStub;
const REF = 'MOS5551001';

beforeAll(async () => {
  kit = await startInviteKit({ notifier });
  connector = await startConnectorStub();
  const base = bookedConference('fu-1', { caseReference: REF });
  await kit.store.create({
    ...base,
    booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CHAIR.id, durationMinutes: 120, confidentialMinutes: 45 },
    invitees: [
      ...base.invitees,
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' },
      { id: 'inv-hv', role: 'professional', agency: 'health', displayName: HEALTH_VISITOR.displayName, email: HEALTH_VISITOR.mail, directoryId: HEALTH_VISITOR.id, status: 'invited' },
      { id: 'inv-mum', role: 'parent', displayName: 'Invented Mother', email: 'mother.invented@example.org', status: 'invited' },
    ],
  });
  await new SqlLiveMeetingStore(kit.bot.db).create({
    conferenceId: 'fu-1', teamsMeetingId: 'm-fu-1', stage: 'closed', history: [], roster: [], alerts: [],
    decision: {
      outcome: 'child-protection-plan', decidedBy: 'casting-vote', views: [], dissent: [], category: 'neglect', leadSocialWorkerInviteeId: 'inv-sw',
      coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-hv', 'inv-mum'], firstCoreGroupDate: '2027-03-10', reviewDate: '2027-05-28', chairId: CHAIR.id, at: '2027-03-01T11:50:00.000Z',
    },
  });
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

let coreGroupId = '';
let reviewId = '';

describe('POST /conferences/:id/follow-ups', () => {
  it('a professional is refused; nothing is booked', async () => {
    const res = await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups', POLICE.id, {});
    expect([res.status, res.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
    expect(kit.meetings.creates).toHaveLength(0);
  });

  it('the chair books the first core group and the review: two meetings, each with its own invitations', async () => {
    const res = await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups', CHAIR.id, { coreGroup: { startTime: '14:00' } });
    expect(res.status).toBe(200);
    expect(res.json.booked.map((b: Node) => [b.kind, b.date, b.status, b.newlyBooked])).toEqual([
      ['first-core-group', '2027-03-10', 'booked', true],
      ['review', '2027-05-28', 'booked', true],
    ]);
    expect(kit.meetings.creates.map((c) => c.start)).toEqual(['2027-03-10T14:00', '2027-05-28T10:00']);
    expect(kit.mailer.sent.filter((m) => m.key === 'inv-mum')).toHaveLength(2);
    expect(res.json.tasks).toEqual([{ rule: 'T14', due: '2027-03-22' }]);
    coreGroupId = res.json.booked[0].conferenceId;
    reviewId = res.json.booked[1].conferenceId;
  });

  it('again: books nothing new', async () => {
    const res = await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups', CHAIR.id, {});
    expect(res.json.booked.map((b: Node) => b.newlyBooked)).toEqual([false, false]);
    expect(kit.meetings.creates).toHaveLength(2);
    expect((await kit.api('GET', '/api/v1/conferences/fu-1/follow-ups', CHAIR.id)).json.booked).toHaveLength(2);
  });

  it('two presses at once book each follow-up once', async () => {
    const base = bookedConference('fu-2', { caseReference: 'MOS5551002' });
    await kit.store.create({ ...base, booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CHAIR.id, durationMinutes: 90, confidentialMinutes: 30 } });
    await new SqlLiveMeetingStore(kit.bot.db).create({
      conferenceId: 'fu-2', teamsMeetingId: 'm-fu-2', stage: 'closed', history: [], roster: [], alerts: [],
      decision: { outcome: 'child-protection-plan', decidedBy: 'chair', views: [], dissent: [], coreGroupInviteeIds: ['inv-sw'], firstCoreGroupDate: '2027-03-11', reviewDate: '2027-05-27', chairId: CHAIR.id, at: '2027-03-01T11:50:00.000Z' },
    });
    const before = kit.meetings.creates.length;
    const [a, b] = await Promise.all([1, 2].map(() => kit.api('POST', '/api/v1/conferences/fu-2/follow-ups', CHAIR.id, {})));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(a!.json.booked.map((x: Node) => x.conferenceId)).toEqual(b!.json.booked.map((x: Node) => x.conferenceId));
    expect(kit.meetings.creates.length).toBe(before + 2);
  });

  it('an unknown body field is a 400; T14 is marked done once; T13 (off in england) is 404', async () => {
    expect((await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups', CHAIR.id, { when: 'soon' })).status).toBe(400);
    const done = await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups/tasks/T14/done', CHAIR.id);
    expect([done.status, done.json.changed, done.json.tasks[0].doneBy]).toEqual([200, true, CHAIR.id]);
    expect((await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups/tasks/T14/done', CHAIR.id)).json.changed).toBe(false);
    const t13 = await kit.api('POST', '/api/v1/conferences/fu-1/follow-ups/tasks/T13/done', CHAIR.id);
    expect([t13.status, t13.json.error.code]).toEqual([404, 'FOLLOW_UP.TASK_NOT_FOUND']);
  });
});

describe('the core group minutes', () => {
  const body = (plan: Node[], over: Node = {}) => ({
    attendees: [], childsWords: '', familysWords: '', progress: [], scaling: {}, workingWell: '', worriedAbout: '', needsToHappen: '', disagreements: [], plan, ...over,
  });
  let goalId = '';

  it('GET answers the empty template with version 0 and the T5 range; the review has no minutes', async () => {
    const res = await kit.api('GET', `/api/v1/conferences/${coreGroupId}/core-group`, SOCIAL_WORKER.id);
    expect([res.status, res.etag, res.json.version, res.json.minutes]).toEqual([200, '"0"', 0, null]);
    expect(res.json.nextDate).toEqual({ latest: '2027-04-21', earliestFinal: null, reviewDate: '2027-05-28', lastBeforeReview: true });
    expect(res.json.attendeeTemplate.map((a: Node) => a.inviteeId).sort()).toEqual(['chair', 'inv-hv', 'inv-mum', 'inv-police', 'social-worker']);
    const review = await kit.api('GET', `/api/v1/conferences/${reviewId}/core-group`, CHAIR.id);
    expect([review.status, review.json.error.code]).toEqual([409, 'CORE_GROUP.NOT_A_CORE_GROUP']);
  });

  it('PUT needs If-Match; the first save creates the plan', async () => {
    expect((await kit.api('PUT', `/api/v1/conferences/${coreGroupId}/core-group/minutes`, SOCIAL_WORKER.id, body([]))).status).toBe(428);
    const res = await kit.api('PUT', `/api/v1/conferences/${coreGroupId}/core-group/minutes`, SOCIAL_WORKER.id, body([{ kind: 'safety-goal', text: 'Mornings are calm' }]), { 'if-match': '"0"' });
    expect([res.status, res.etag]).toEqual([200, '"1"']);
    goalId = res.json.plan[0].id;
  });

  it('a save that drops the agreed goal is 422 with the item, and the plan is unchanged', async () => {
    const res = await kit.api('PUT', `/api/v1/conferences/${coreGroupId}/core-group/minutes`, SOCIAL_WORKER.id, body([]), { 'if-match': '"1"' });
    expect([res.status, res.json.error.code, res.json.error.details.itemId]).toEqual([422, 'CORE_GROUP.PLAN_ITEM_REMOVED', goalId]);
    const stale = await kit.api('PUT', `/api/v1/conferences/${coreGroupId}/core-group/minutes`, SOCIAL_WORKER.id, body([{ id: goalId, kind: 'safety-goal', text: 'Mornings are calm' }]), { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect((await kit.api('GET', `/api/v1/conferences/${coreGroupId}/core-group`, SOCIAL_WORKER.id)).json.plan.map((i: Node) => i.text)).toEqual(['Mornings are calm']);
  });

  it('circulation of incomplete minutes is 422 listing every field', async () => {
    const res = await kit.api('POST', `/api/v1/conferences/${coreGroupId}/core-group/minutes/circulation`, SOCIAL_WORKER.id);
    expect([res.status, res.json.error.code]).toEqual([422, 'CORE_GROUP.MINUTES_INCOMPLETE']);
    expect(res.json.error.details.fields).toEqual(expect.arrayContaining(['attendees', 'childsWords', 'familysWords', 'progress', 'recommendationsForReview']));
  });

  it('from the card in Teams: Save keeps the goal and adds an action; a bad scaling comes back on the card with the values kept', async () => {
    const press = async (verb: string, data: Node) => {
      const res = await kit.bot.post('/api/messages', {
        ...cardActionInvoke(verb, { actionId: `a-${Math.random()}`, conferenceId: coreGroupId, ...data }, { serviceUrl: connector.url }),
        from: { id: `29:${SOCIAL_WORKER.id}`, aadObjectId: SOCIAL_WORKER.id, name: 'Invented Person' },
      });
      expect(res.status).toBe(200);
      return JSON.stringify((res.json as { value: Node }).value);
    };
    const bad = await press('core-group.minutes-save', { version: '1', scalingNow: '12', childsWords: 'Likes school' });
    expect(bad).toContain('Scaling is a whole number from 0 to 10.');
    expect(bad).toContain('Likes school');
    const full = {
      version: '1', attended: 'social-worker,inv-police,inv-mum', consulted: 'inv-hv', chair: 'social-worker', childsWords: 'Likes school', familysWords: 'Mornings are hard',
      childSeen: 'yes', advocateOffered: 'yes', [`progress-${goalId}`]: 'Better', [`next-${goalId}`]: 'Keep going', newAction: 'Breakfast club place', newActionOwner: 'education',
      scalingNow: '6', scalingInitial: '3', workingWell: 'School', worriedAbout: 'Mornings', needsToHappen: 'Routine', recommendations: 'Continue the plan', nextCoreGroupDate: '2027-04-07',
    };
    expect(await press('core-group.minutes-save', full)).toContain('Saved.');
    const view = (await kit.api('GET', `/api/v1/conferences/${coreGroupId}/core-group`, SOCIAL_WORKER.id)).json;
    expect(view.plan.map((i: Node) => [i.kind, i.text])).toEqual([['safety-goal', 'Mornings are calm'], ['action', 'Breakfast club place']]);
    expect(view.quorum).toEqual({ quorate: true, professionalsAttending: 2 });
    expect(await press('core-group.minutes-circulate', {})).toContain('Sent to 5 members');
    expect(await press('core-group.minutes-circulate', {})).toContain('circulated already');
    expect(kit.mailer.sent.filter((m) => m.subject === `${REF}: core group minutes`)).toHaveLength(5);
  });

  it('"minutes <case reference>" in chat opens the card; a professional is refused in words', async () => {
    const say = async (who: { id: string }, text: string) => {
      connector.calls.length = 0;
      await kit.bot.post('/api/messages', { ...messageActivity(text, { serviceUrl: connector.url }), from: { id: `29:${who.id}`, aadObjectId: who.id, name: 'Invented Person' } });
      const [reply] = await connector.waitFor(1);
      return reply!.body;
    };
    const card = await say(SOCIAL_WORKER, `minutes ${REF}`);
    expect(JSON.stringify(card.attachments)).toContain(`Core group minutes: ${REF}`);
    const refused = await say(POLICE, `minutes ${REF}`);
    expect(refused.attachments).toBeUndefined();
  });
});
