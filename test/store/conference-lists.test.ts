// SqlConferenceStore's two list queries on every back end: conferences by start date (inclusive
// Europe/London dates over the 'YYYY-MM-DDTHH:mm' column) and by an approval pending for one
// approver (jsonb containment on `extra`).
import { migrate } from '../../bot/adapters/store/migrate';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import type { Approval } from '../../bot/domain/conference/conference';
import { BACKENDS } from './backends';
import { sampleConference } from './fixtures';

const approval = (id: string, approverId: string, status: Approval['status']): Approval => ({
  id, kind: 'late-booking', approverId, requestedBy: 'requester', requestedAt: '2026-12-14T09:00:00.000Z', reason: 'r', status,
});

describe.each(BACKENDS)('conference lists on $name', (backend) => {
  let store: SqlConferenceStore;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    await migrate(fresh.db);
    store = new SqlConferenceStore(fresh.db);
    drop = fresh.drop;
    close = () => fresh.db.close();
    const at = (id: string, start: string, approvals: Approval[] = []) => store.create({ ...sampleConference(id), start, end: `${start.slice(0, 10)}T23:59`, approvals });
    await at('c-before', '2027-01-04T23:59');
    await at('c-first', '2027-01-05T00:00', [approval('a1', 'mgr-1', 'pending')]);
    await at('c-last', '2027-01-07T23:00', [approval('a2', 'mgr-1', 'approved'), approval('a3', 'mgr-2', 'pending')]);
    await at('c-after', '2027-01-08T08:00', [approval('a4', 'mgr-1', 'pending')]);
  }, 60_000);
  afterAll(async () => {
    await close();
    await drop();
  });

  it('lists by start date, both ends inclusive, in start order', async () => {
    expect((await store.listStartingBetween('2027-01-05', '2027-01-07')).map((c) => c.id)).toEqual(['c-first', 'c-last']);
    expect((await store.listStartingBetween('2027-01-04', '2027-01-04')).map((c) => c.id)).toEqual(['c-before']);
    expect(await store.listStartingBetween('2027-02-01', '2027-02-28')).toEqual([]);
  });

  it('lists the conferences with an approval pending for one approver, whole aggregates', async () => {
    const mine = await store.listWithPendingApprovalFor('mgr-1');
    expect(mine.map((c) => c.id)).toEqual(['c-first', 'c-after']);
    expect(mine[0]!.invitees.length).toBeGreaterThan(0);
    expect((await store.listWithPendingApprovalFor('mgr-2')).map((c) => c.id)).toEqual(['c-last']);
    expect(await store.listWithPendingApprovalFor('mgr-3')).toEqual([]);
  });
});
