// Timeliness and the plan timeline over real HTTP (local mode, the SQL store, a fixed clock):
// GET /reports/timeliness counts the conferences of the period the caller may read (a chair: her
// own; a safeguarding manager: all), refuses a professional and a bad period; GET …/timeline walks
// the plan from any of its conferences. No answer carries a name.
jest.setTimeout(120_000);

import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { bookedConference, CHAIR, type InviteKit, POLICE, SAFEGUARDING, SOCIAL_WORKER, startInviteKit } from '../invite-list/support/invite-kit';

type Row = Record<string, unknown>;
let kit: InviteKit;

beforeAll(async () => {
  kit = await startInviteKit({ clock: new ManualClock('2027-06-30T09:00:00.000Z') });
  // ICPC on Monday 1 March 2027, strategy discussion 10 February: T1 → 3 March (met).
  await kit.store.create(bookedConference('tl-icpc-1', {
    caseReference: 'CP-2027-0101', start: '2027-03-01T10:00', end: '2027-03-01T12:00', anchors: { 'strategy-discussion': '2027-02-10' },
    followUps: { coreGroupId: 'tl-cg', tasks: [{ rule: 'T14', due: '2027-03-22', doneAt: '2027-03-18T10:00:00.000Z', doneBy: CHAIR.id }] },
  }));
  // Another child's ICPC on 25 March from a strategy discussion on 10 February: missed.
  await kit.store.create(bookedConference('tl-icpc-2', { caseReference: 'CP-2027-0102', start: '2027-03-25T10:00', end: '2027-03-25T12:00', anchors: { 'strategy-discussion': '2027-02-10' } }));
  // The first core group of the first plan on the 16th: T4 was the 15th (missed).
  await kit.store.create(bookedConference('tl-cg', {
    caseReference: 'CP-2027-0101', kind: 'CORE_GROUP', start: '2027-03-16T14:00', end: '2027-03-16T15:00', anchors: { icpc: '2027-03-01' },
    followUpOf: { conferenceId: 'tl-icpc-1', kind: 'first-core-group', planId: 'tl-icpc-1', reviewDate: '2027-05-28' },
  }));
  // A conference the chair is not part of, and one after the period.
  await kit.store.create(bookedConference('tl-other', { caseReference: 'CP-2027-0103', invitees: [], organizerId: SOCIAL_WORKER.id, start: '2027-04-01T10:00', end: '2027-04-01T11:00' }));
  await kit.store.create(bookedConference('tl-later', { caseReference: 'CP-2027-0104', start: '2027-07-15T10:00', end: '2027-07-15T11:00' }));
  await new SqlLiveMeetingStore(kit.bot.db).create({
    conferenceId: 'tl-icpc-1', teamsMeetingId: 'm-tl-1', stage: 'closed', history: [], roster: [], alerts: [],
    decision: {
      outcome: 'child-protection-plan', decidedBy: 'chair', views: [], dissent: [], category: 'neglect', coreGroupInviteeIds: ['inv-sw'],
      firstCoreGroupDate: '2027-03-16', reviewDate: '2027-05-28', chairId: CHAIR.id, at: '2027-03-01T11:50:00.000Z',
    },
    record: {
      deadline: '2027-03-02', issuedAt: '2027-03-01T11:51:00.000Z', issuedBy: CHAIR.id,
      recipients: [{ inviteeId: 'inv-sw', audience: 'professional', versionKey: 'professional', withheld: [], state: 'sent', channel: 'card', at: '2027-03-01T11:52:00.000Z', attempts: 1 }],
    },
  });
});
afterAll(() => kit.close());

const PERIOD = '/api/v1/reports/timeliness?from=2027-01-01&to=2027-06-30';

describe('GET /api/v1/reports/timeliness', () => {
  it("the chair's conferences of the period, per measure and per conference", async () => {
    const res = await kit.api('GET', PERIOD, CHAIR.id);
    expect(res.status).toBe(200);
    expect(res.json.today).toBe('2027-06-30');
    expect(res.json.measures.map((m: Row) => [m.measure, m.met, m.total, m.share])).toEqual([
      ['icpc-within-t1', 1, 2, 0.5],
      ['reviews-on-time', 0, 0, null],
      ['core-groups-on-time', 0, 1, 0],
      ['records-within-t12', 1, 1, 1],
    ]);
    expect(res.json.measures[3].unmeasured).toBe(1); // the second ICPC has no decision in the product
    expect(res.json.rows.map((r: Row) => [r.caseReference, r.measure, r.due, r.doneOn, r.workingDays, r.status])).toEqual([
      ['CP-2027-0101', 'icpc-within-t1', '2027-03-03', '2027-03-01', 13, 'met'],
      ['CP-2027-0101', 'records-within-t12', '2027-03-02', '2027-03-01', null, 'met'],
      ['CP-2027-0101', 'core-groups-on-time', '2027-03-15', '2027-03-16', null, 'missed'],
      ['CP-2027-0102', 'icpc-within-t1', '2027-03-03', '2027-03-25', 31, 'missed'],
      ['CP-2027-0102', 'records-within-t12', null, null, null, 'unmeasured'],
    ]);
    expect(JSON.stringify(res.json)).not.toContain(CHAIR.displayName);
  });

  it('a safeguarding manager sees every conference of the council', async () => {
    const res = await kit.api('GET', PERIOD, SAFEGUARDING.id);
    expect(res.json.rows.map((r: Row) => r.conferenceId)).toContain('tl-other');
    expect(res.json.rows.map((r: Row) => r.conferenceId)).not.toContain('tl-later');
  });

  it('a professional is refused; a period backwards or longer than two years is a 400', async () => {
    const refused = await kit.api('GET', PERIOD, POLICE.id);
    expect([refused.status, refused.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
    expect((await kit.api('GET', '/api/v1/reports/timeliness?from=2027-06-30&to=2027-01-01', CHAIR.id)).status).toBe(400);
    expect((await kit.api('GET', '/api/v1/reports/timeliness?from=2025-01-01&to=2027-06-30', CHAIR.id)).status).toBe(400);
    expect((await kit.api('GET', '/api/v1/reports/timeliness?from=2027-02-30&to=2027-06-30', CHAIR.id)).status).toBe(400);
    expect((await kit.api('GET', '/api/v1/reports/timeliness?from=2027-01-01', CHAIR.id)).status).toBe(400);
  });

  it('without a period: the year up to today', async () => {
    const res = await kit.api('GET', '/api/v1/reports/timeliness', CHAIR.id);
    expect([res.status, res.json.from, res.json.to]).toEqual([200, '2026-07-01', '2027-06-30']);
    expect(res.json.measures[0]).toMatchObject({ met: 1, total: 2 });
  });
});

describe('GET /api/v1/conferences/:conferenceId/timeline', () => {
  it('from the core group: the whole plan, in date order, with what is due next', async () => {
    const res = await kit.api('GET', '/api/v1/conferences/tl-cg/timeline', CHAIR.id);
    expect(res.status).toBe(200);
    expect([res.json.planId, res.json.caseReference, res.json.open]).toEqual(['tl-icpc-1', 'CP-2027-0101', true]);
    expect(res.json.items.map((i: Row) => [i.type, i.date, i.rule, i.status])).toEqual([
      ['strategy-discussion', '2027-02-10', null, 'held'],
      ['meeting', '2027-03-01', 'T1', 'held'],
      ['decision', '2027-03-01', null, 'recorded'],
      ['deadline', '2027-03-02', 'T12', 'done'],
      ['meeting', '2027-03-16', 'T4', 'held'],
      ['deadline', '2027-03-22', 'T14', 'done'],
      ['deadline', '2027-04-27', 'T5', 'missed'],
      ['deadline', '2027-06-01', 'T2', 'missed'],
    ]);
    expect(JSON.stringify(res.json)).not.toContain(SOCIAL_WORKER.displayName);
  });

  it('the same plan from the ICPC; someone not part of it and an unknown conference is 404', async () => {
    expect((await kit.api('GET', '/api/v1/conferences/tl-icpc-1/timeline', CHAIR.id)).json.items).toHaveLength(8);
    // Not part of it: answered like a conference that does not exist (as every conference read).
    expect((await kit.api('GET', '/api/v1/conferences/tl-cg/timeline', POLICE.id)).status).toBe(404);
    expect((await kit.api('GET', '/api/v1/conferences/nope/timeline', CHAIR.id)).status).toBe(404);
  });
});
