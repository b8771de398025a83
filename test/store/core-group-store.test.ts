// SqlCoreGroupStore (migration 014) on each back end: the plan and the minutes under optimistic
// concurrency (a second create and a stale save are conflicts, nothing overwritten), the minutes
// of a plan oldest meeting first, and the document round-trips whole (the follow-up fields too).
import type { Database } from '../../bot/adapters/store/database';
import { migrate } from '../../bot/adapters/store/migrate';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlCoreGroupStore } from '../../bot/adapters/store/sql-core-group.store';
import type { StoredMinutes } from '../../bot/app/ports/core-group-store.port';
import { BACKENDS } from './backends';
import { sampleConference } from './fixtures';

describe.each(BACKENDS)('core group store on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let store: SqlCoreGroupStore;
  beforeAll(async () => {
    ({ db, drop } = await backend.fresh());
    await migrate(db);
    const conferences = new SqlConferenceStore(db);
    for (const id of ['icpc-1', 'cg-1', 'cg-2']) await conferences.create({ ...sampleConference(id), ...(id !== 'icpc-1' && { kind: 'CORE_GROUP', followUpOf: { conferenceId: 'icpc-1', kind: 'first-core-group', planId: 'icpc-1' } }) });
    store = new SqlCoreGroupStore(db);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const minutes = (conferenceId: string, heldOn: string, version = 0): StoredMinutes => ({
    conferenceId, planId: 'icpc-1', heldOn, attendees: [], childsWords: 'Invented words', familysWords: '', progress: [], scaling: { now: 4 },
    workingWell: '', worriedAbout: '', needsToHappen: '', disagreements: [], savedAt: '2027-01-18T12:00:00.000Z', savedBy: 'sw-id', version,
  });

  it('the plan: created once, saved at its version, a stale save refused', async () => {
    const created = await store.savePlan({ planId: 'icpc-1', caseReference: 'CP-2027-0001', items: [], version: 0 });
    expect(created.version).toBe(1);
    await expect(store.savePlan({ ...created, version: 0 })).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    const item = { id: 'g1', kind: 'safety-goal' as const, text: 'Warm home', agreedAt: '2027-01-18', agreedBy: 'cg-1' };
    const saved = await store.savePlan({ ...created, items: [item] });
    await expect(store.savePlan({ ...created, items: [] })).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    expect(await store.getPlan('icpc-1')).toEqual({ ...saved, version: 2 });
  });

  it('the minutes: round-trip whole, optimistic, listed by plan oldest first', async () => {
    const later = await store.saveMinutes(minutes('cg-2', '2027-02-15'), '2027-03-08');
    const first = await store.saveMinutes(minutes('cg-1', '2027-01-18'), '2027-02-08');
    await expect(store.saveMinutes(minutes('cg-1', '2027-01-18'), null)).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    const circulated = await store.saveMinutes({ ...first, circulatedAt: '2027-01-25T10:00:00.000Z' }, '2027-02-08');
    expect(circulated.version).toBe(2);
    await expect(store.saveMinutes({ ...first, childsWords: 'lost update' }, null)).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT' });
    expect(await store.getMinutes('cg-1')).toEqual(circulated);
    expect((await store.minutesOfPlan('icpc-1')).map((m) => [m.conferenceId, m.version])).toEqual([['cg-1', 2], ['cg-2', later.version]]);
    const { rows } = await db.query<{ due_by: unknown; circulated_at: unknown }>("SELECT due_by::text AS due_by, circulated_at IS NOT NULL AS circulated_at FROM core_group_minutes WHERE conference_id = 'cg-1'");
    expect(rows[0]).toEqual({ due_by: '2027-02-08', circulated_at: true });
  });

  it('the conference keeps its follow-up fields (extra jsonb)', async () => {
    expect((await new SqlConferenceStore(db).get('cg-1'))!.followUpOf).toEqual({ conferenceId: 'icpc-1', kind: 'first-core-group', planId: 'icpc-1' });
  });
});
