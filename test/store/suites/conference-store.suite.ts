import { ConcurrencyConflict } from '../../../bot/app/ports/conference-store.port';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { ConferenceExists, DuplicateInviteeId, SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../../../bot/adapters/store/sql-unit-of-work';
import type { Conference } from '../../../bot/domain/conference/conference';
import type { Backend } from '../backends';
import { sampleConference } from '../fixtures';

export function conferenceStoreSuite(backend: Backend): void {
  describe('SqlConferenceStore', () => {
    let db: Database;
    let drop: () => Promise<void>;
    let store: SqlConferenceStore;

    beforeAll(async () => {
      const fresh = await backend.fresh();
      db = fresh.db;
      drop = fresh.drop;
      await migrate(db);
      store = new SqlConferenceStore(db);
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    test('create then get returns the aggregate with invitees in order and the meeting, at version 1', async () => {
      const created = await store.create(sampleConference('conf-rt'));
      expect(created.version).toBe(1);
      const read = await store.get('conf-rt');
      expect(read).toEqual({ ...sampleConference('conf-rt'), version: 1 });
      expect(read?.invitees.map((i) => i.id)).toEqual(['inv-chair', 'inv-parent', 'inv-police']);
      expect(read && 'agency' in read.invitees[0]!).toBe(false);
    });

    test('get of an unknown id is null; creating an existing id is refused', async () => {
      expect(await store.get('conf-none')).toBeNull();
      await store.create(sampleConference('conf-dup'));
      await expect(store.create(sampleConference('conf-dup'))).rejects.toBeInstanceOf(ConferenceExists);
      const twice = sampleConference('conf-dup2');
      await expect(store.create({ ...twice, invitees: [twice.invitees[0]!, twice.invitees[0]!] })).rejects.toBeInstanceOf(DuplicateInviteeId);
      expect(await store.get('conf-dup2')).toBeNull();
    });

    test('save changes conference, invitees (added, changed, removed, reordered) and meeting; version + 1', async () => {
      const v1 = await store.create(sampleConference('conf-save'));
      const changed: Conference = {
        ...v1,
        status: 'held',
        bookingVersion: 2,
        familySectionStart: undefined,
        invitees: [
          { ...v1.invitees[2]!, status: 'removed' },
          { id: 'inv-school', role: 'professional', agency: 'school', displayName: 'Sam Teacher', email: 'sam.teacher@example.org', status: 'invited' },
          v1.invitees[0]!,
        ],
        meeting: { ...v1.meeting!, optionsVerified: true, optionMismatches: [] },
      };
      const v2 = await store.save(changed);
      expect(v2.version).toBe(2);
      const read = await store.get('conf-save');
      const { familySectionStart: _dropped, ...expected } = { ...changed, version: 2 };
      expect(read).toEqual(expected);
      const rows = await db.query<{ id: string }>('SELECT id FROM conference_invitees WHERE conference_id = $1 ORDER BY id', ['conf-save']);
      expect(rows.rows.map((r) => r.id)).toEqual(['inv-chair', 'inv-police', 'inv-school']);

      const v3 = await store.save({ ...v2, meeting: undefined });
      expect(v3.version).toBe(3);
      expect((await store.get('conf-save'))?.meeting).toBeUndefined();
    });

    test('a stale version gets ConcurrencyConflict and changes nothing', async () => {
      const v1 = await store.create(sampleConference('conf-stale'));
      const v2 = await store.save({ ...v1, status: 'held' });
      const before = await store.get('conf-stale');
      const stale = { ...v1, status: 'closed' as const, invitees: [] };
      const err = await store.save(stale).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConcurrencyConflict);
      expect((err as ConcurrencyConflict).code).toBe('STORE.VERSION_CONFLICT');
      expect((err as ConcurrencyConflict).expectedVersion).toBe(1);
      expect(await store.get('conf-stale')).toEqual(before);
      expect(before?.version).toBe(v2.version);
      expect(before?.invitees).toHaveLength(3);
    });

    test('two concurrent saves of the same version: exactly one wins', async () => {
      const v1 = await store.create(sampleConference('conf-race'));
      const results = await Promise.allSettled([
        store.save({ ...v1, status: 'held' }),
        store.save({ ...v1, status: 'stood-down' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflict);
      expect((await store.get('conf-race'))?.version).toBe(2);
    });

    test('a multi-row change that fails part-way rolls back whole', async () => {
      const v1 = await store.create(sampleConference('conf-fail'));
      const before = await store.get('conf-fail');
      // The third invitee violates NOT NULL after the conference row and two invitees were written.
      const broken = {
        ...v1,
        status: 'held' as const,
        invitees: [
          { ...v1.invitees[0]!, status: 'removed' as const },
          { id: 'inv-new', role: 'professional' as const, displayName: 'Jo Nurse', email: 'jo.nurse@example.org', status: 'invited' as const },
          { id: 'inv-bad', role: 'professional' as const, displayName: 'Bad Row', email: null as unknown as string, status: 'invited' as const },
        ],
      };
      await expect(store.save(broken)).rejects.toThrow();
      expect(await store.get('conf-fail')).toEqual(before);
      const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM conference_invitees WHERE conference_id = $1', ['conf-fail']);
      expect(count.rows[0]?.n).toBe(3);
    });

    test('fields the type gains later survive a round trip (extra jsonb)', async () => {
      const withNew = { ...sampleConference('conf-extra'), stage: 'confidential', decision: { outcome: 'cp-plan', category: 'neglect' } };
      await store.create(withNew as Omit<Conference, 'version'>);
      expect(await store.get('conf-extra')).toEqual({ ...withNew, version: 1 });
    });

    test('save and create join a caller transaction (UnitOfWork) and roll back with it', async () => {
      const uow = new SqlUnitOfWork(db);
      await expect(
        uow.run(async (tx) => {
          await store.create(sampleConference('conf-uow'), tx);
          expect((await store.get('conf-uow', tx))?.version).toBe(1);
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      expect(await store.get('conf-uow')).toBeNull();

      await uow.run(async (tx) => {
        const c = await store.create(sampleConference('conf-uow'), tx);
        await store.save({ ...c, status: 'held' }, tx);
      });
      expect((await store.get('conf-uow'))?.status).toBe('held');
    });
  });
}
