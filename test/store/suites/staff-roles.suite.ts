// SqlStaffRoles: the roster's set / list / remove, each change audited in the same transaction,
// and the table refusing what the port's types refuse (a family-member role, an unknown agency).
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlAuditLog, verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../../../bot/adapters/store/sql-staff-roles';
import type { Backend } from '../backends';
import { TEST_AUDIT_KEY } from '../fixtures';

const A = '5eed0000-0000-4000-8000-00000000000a';
const B = '5EED0000-0000-4000-8000-00000000000B';
const CLI = { id: 'cli', role: 'cli' };

export function staffRolesSuite(backend: Backend): void {
  describe('SqlStaffRoles', () => {
    let db: Database;
    let drop: () => Promise<void>;
    let roster: SqlStaffRoles;
    const clock = new ManualClock('2026-11-23T09:15:00.000Z');
    beforeAll(async () => {
      const fresh = await backend.fresh();
      db = fresh.db;
      drop = fresh.drop;
      await migrate(db);
      roster = new SqlStaffRoles(db, new SqlAuditLog(db, clock, TEST_AUDIT_KEY), clock);
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    const audit = async () =>
      (await db.query<{ actor_id: string; action: string; detail: unknown }>("SELECT actor_id, action, detail FROM audit_log WHERE action LIKE 'staff-role.%' ORDER BY seq")).rows;

    it('sets, replaces, lists and removes entries, ids lower-cased, each change audited with the before and after', async () => {
      expect(await roster.count()).toBe(0);
      const set = await roster.set({ objectId: A, role: 'chair', agency: 'childrens-social-care' }, CLI);
      expect(set).toEqual({ objectId: A, role: 'chair', agency: 'childrens-social-care', setBy: 'cli', setAt: '2026-11-23T09:15:00.000Z' });
      await roster.set({ objectId: B, role: 'professional', agency: 'police' }, CLI);
      clock.advance(60_000);
      await roster.set({ objectId: A, role: 'clerk', agency: null }, { id: B.toLowerCase(), role: 'service-manager' });
      expect(await roster.get(A.toUpperCase())).toEqual({ objectId: A, role: 'clerk', agency: null, setBy: B.toLowerCase(), setAt: '2026-11-23T09:16:00.000Z' });
      expect((await roster.list()).map((e) => [e.objectId, e.role])).toEqual([
        [A, 'clerk'],
        [B.toLowerCase(), 'professional'],
      ]);
      const many = await roster.getMany([B, '5eed0000-0000-4000-8000-0000000000ff']);
      expect([...many.keys()]).toEqual([B.toLowerCase()]);
      expect(await roster.getMany([])).toEqual(new Map());
      expect(await roster.remove(B, CLI)).toBe(true);
      expect(await roster.remove(B, CLI)).toBe(false);
      expect(await roster.count()).toBe(1);

      expect(await audit()).toEqual([
        { actor_id: 'cli', action: 'staff-role.set', detail: { objectId: A, role: 'chair', agency: 'childrens-social-care', previousRole: null, previousAgency: null } },
        { actor_id: 'cli', action: 'staff-role.set', detail: { objectId: B.toLowerCase(), role: 'professional', agency: 'police', previousRole: null, previousAgency: null } },
        { actor_id: B.toLowerCase(), action: 'staff-role.set', detail: { objectId: A, role: 'clerk', agency: null, previousRole: 'chair', previousAgency: 'childrens-social-care' } },
        { actor_id: 'cli', action: 'staff-role.removed', detail: { objectId: B.toLowerCase(), previousRole: 'professional', previousAgency: 'police' } },
      ]);
      expect((await verifyAuditChain(db, TEST_AUDIT_KEY)).ok).toBe(true);
    });

    it('the table refuses a family-member role, an unknown agency and an id that is not a GUID; nothing is audited', async () => {
      const before = (await audit()).length;
      const bad = [
        { objectId: A, role: 'family-member', agency: null },
        { objectId: A, role: 'chair', agency: 'the-moon' },
        { objectId: 'not-a-guid', role: 'chair', agency: null },
      ];
      for (const entry of bad) {
        // biome-ignore lint/suspicious/noExplicitAny: deliberately outside the port's types
        await expect(roster.set(entry as any, CLI)).rejects.toThrow();
      }
      expect((await audit()).length).toBe(before);
      expect((await roster.get(A))?.role).toBe('clerk');
    });
  });
}
