import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import { AuditDetailRejected } from '../../../bot/adapters/store/audit-detail-guard';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlAuditLog, verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../../bot/adapters/store/sql-clerk-alerts';
import type { Backend } from '../backends';
import { TEST_AUDIT_KEY } from '../fixtures';

export function clerkAlertsSuite(backend: Backend): void {
  describe('SqlClerkAlerts', () => {
    let db: Database;
    let drop: () => Promise<void>;
    let alerts: SqlClerkAlerts;
    beforeAll(async () => {
      const fresh = await backend.fresh();
      db = fresh.db;
      drop = fresh.drop;
      await migrate(db);
      const clock = new ManualClock('2026-11-23T09:15:00.000Z');
      alerts = new SqlClerkAlerts(db, new SqlAuditLog(db, clock, TEST_AUDIT_KEY), clock);
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    it('stores an alert until acknowledged and audits both, in one chain', async () => {
      await alerts.alertClerk({ conferenceId: 'conf-a', code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'critical', detail: { mismatches: ['allowMeetingChat'] } });
      await alerts.alertClerk({ conferenceId: 'conf-b', code: 'INVITATION.LATE', severity: 'warning', detail: { invitees: ['inv-2'], deadline: '2026-11-20' } });

      const open = await alerts.open();
      expect(open.map((a) => [a.conferenceId, a.code, a.severity])).toEqual([
        ['conf-a', 'MEETING.OPTIONS_NOT_APPLIED', 'critical'],
        ['conf-b', 'INVITATION.LATE', 'warning'],
      ]);
      expect(open[0]!.detail).toEqual({ mismatches: ['allowMeetingChat'] });
      expect(open[0]!.raisedAt).toBe('2026-11-23T09:15:00.000Z');
      expect((await alerts.open('conf-b')).map((a) => a.code)).toEqual(['INVITATION.LATE']);

      expect(await alerts.acknowledge(open[0]!.id, { id: 'clerk-oid-1', role: 'clerk' })).toBe(true);
      expect(await alerts.acknowledge(open[0]!.id, { id: 'clerk-oid-1', role: 'clerk' })).toBe(false);
      expect((await alerts.open()).map((a) => a.conferenceId)).toEqual(['conf-b']);

      const { rows } = await db.query<{ action: string; conference_id: string }>('SELECT action, conference_id FROM audit_log ORDER BY seq');
      expect(rows.map((r) => [r.action, r.conference_id])).toEqual([
        ['alert.raised', 'conf-a'],
        ['alert.raised', 'conf-b'],
        ['alert.acknowledged', 'conf-a'],
      ]);
      expect((await verifyAuditChain(db, TEST_AUDIT_KEY)).ok).toBe(true);
    });

    it('refuses personal data in an alert and writes nothing', async () => {
      const before = (await alerts.open()).length;
      await expect(
        alerts.alertClerk({ conferenceId: 'conf-c', code: 'INVITATION.LATE', severity: 'warning', detail: { parentEmail: 'alex.example@example.org' } }),
      ).rejects.toBeInstanceOf(AuditDetailRejected);
      expect((await alerts.open()).length).toBe(before);
    });
  });
}
