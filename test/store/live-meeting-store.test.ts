// SqlLiveMeetingStore on every back end: create once, optimistic saves, the open-alert count the
// repeat worker and a restart query, the meeting id guard, and the rows inside a transaction.
import { migrate } from '../../bot/adapters/store/migrate';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import { LiveMeetingConflict } from '../../bot/app/ports/live-meeting-store.port';
import type { LiveMeeting, MeetingAlert } from '../../bot/domain/meeting/live-meeting';
import { BACKENDS } from './backends';
import { sampleConference } from './fixtures';

const live = (conferenceId: string, over: Partial<LiveMeeting> = {}): Omit<LiveMeeting, 'version'> => ({
  conferenceId,
  teamsMeetingId: `MCM-${conferenceId}`,
  chat: { conversationId: `19:meeting_${conferenceId}@thread.v2`, serviceUrl: 'https://smba.example/teams/' },
  stage: 'pre-meeting',
  history: [],
  roster: [],
  alerts: [],
  ...over,
});
const alert = (id: string, over: Partial<MeetingAlert> = {}): MeetingAlert => ({ id, kind: 'unknown-joiner', participantId: `29:${id}`, stage: 'confidential', raisedAt: '2026-12-10T10:05:00.000Z', deliveries: 0, ...over });

describe.each(BACKENDS)('SqlLiveMeetingStore on $name', (backend) => {
  let store: SqlLiveMeetingStore;
  let uow: SqlUnitOfWork;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    await migrate(fresh.db);
    const conferences = new SqlConferenceStore(fresh.db);
    for (const id of ['lm-1', 'lm-2', 'lm-3', 'lm-4', 'lm-5']) await conferences.create(sampleConference(id));
    store = new SqlLiveMeetingStore(fresh.db);
    uow = new SqlUnitOfWork(fresh.db);
    close = () => fresh.db.close();
    drop = fresh.drop;
  }, 60_000);
  afterAll(async () => {
    await close();
    await drop();
  });

  it('creates at version 1 and reads back the whole document (roster, alerts, draft)', async () => {
    const created = await store.create(
      live('lm-1', {
        stage: 'confidential',
        roster: [{ participantId: '29:p1', aadObjectId: 'a-1', inviteeId: 'chair', matchedBy: 'entra-id', inMeeting: true, firstJoinedAt: '2026-12-10T10:00:00.000Z', lastEventAt: '2026-12-10T10:00:00.000Z' }],
        decisionDraft: { categories: ['neglect'] } as unknown as LiveMeeting['decisionDraft'],
      }),
    );
    expect(created.version).toBe(1);
    const read = await store.get('lm-1');
    expect(read).toEqual(created);
    expect(read!.roster[0]!.inviteeId).toBe('chair');
  });

  it('refuses a second create for the conference (LiveMeetingConflict, expected version 0)', async () => {
    await expect(store.create(live('lm-1'))).rejects.toMatchObject({ code: 'STORE.VERSION_CONFLICT', expectedVersion: 0 });
    expect(await store.get('no-such')).toBeNull();
  });

  it('saves only at the version read; a stale save is a conflict and changes nothing', async () => {
    const v1 = (await store.get('lm-1'))!;
    const v2 = await store.save({ ...v1, stage: 'family' });
    expect(v2.version).toBe(2);
    await expect(store.save({ ...v1, stage: 'decision' })).rejects.toBeInstanceOf(LiveMeetingConflict);
    expect((await store.get('lm-1'))!.stage).toBe('family');
  });

  it('refuses a save whose Teams meeting id is not the row\'s (two meetings never mix)', async () => {
    const row = (await store.get('lm-1'))!;
    await expect(store.save({ ...row, teamsMeetingId: 'MCM-other' })).rejects.toBeInstanceOf(LiveMeetingConflict);
    expect((await store.get('lm-1'))!.teamsMeetingId).toBe('MCM-lm-1');
  });

  it('lists the conferences with an alert not yet cleared, and keeps the count with every save', async () => {
    await store.create(live('lm-2', { alerts: [alert('x1')] }));
    await store.create(live('lm-3', { alerts: [alert('x2', { clearedAt: '2026-12-10T10:06:00.000Z', clearedBecause: 'left' })] }));
    const acked = await store.create(live('lm-4', { alerts: [alert('x3', { acknowledgedAt: '2026-12-10T10:07:00.000Z' })] }));
    // Acknowledged but not cleared (the person is still there) is still open.
    expect(await store.listWithOpenAlerts()).toEqual(['lm-2', 'lm-4']);
    await store.save({ ...acked, alerts: [{ ...acked.alerts[0]!, clearedAt: '2026-12-10T10:08:00.000Z', clearedBecause: 'left' }] });
    expect(await store.listWithOpenAlerts()).toEqual(['lm-2']);
  });

  it('inside a transaction: a rolled-back save leaves the row as it was', async () => {
    await store.create(live('lm-5'));
    await expect(
      uow.run(async (tx) => {
        const row = (await store.get('lm-5', tx))!;
        await store.save({ ...row, stage: 'confidential' }, tx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const row = (await store.get('lm-5'))!;
    expect(row).toMatchObject({ stage: 'pre-meeting', version: 1 });
    const saved = await uow.run(async (tx) => store.save({ ...(await store.get('lm-5', tx))!, stage: 'confidential' }, tx));
    expect(saved.version).toBe(2);
  });
});
