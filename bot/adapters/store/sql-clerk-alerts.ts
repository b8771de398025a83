// Alerts port on SQL: every alert is stored until acknowledged and written to the audit log in
// the same transaction (PRODUCT: "every … alert is in the audit log"). The clerk's dashboard and
// chat read the open ones; raising never depends on a Teams conversation being reachable.
import type { Alerts, ClerkAlert } from '../../app/ports/alerts.port';
import type { AuditLog } from '../../app/ports/audit-log.port';
import type { Clock } from '../../app/ports/clock.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import { assertAuditEntryAllowed } from './audit-detail-guard';
import type { Database } from './database';
import { executorOf, runWithHandle } from './sql-unit-of-work';

export interface StoredClerkAlert extends ClerkAlert {
  id: number;
  raisedAt: string;
}

interface AlertRow {
  id: number | string;
  conference_id: string;
  /** Written only from a typed ClerkAlert by SqlClerkAlerts.alertClerk. */
  code: ClerkAlert['code'];
  severity: ClerkAlert['severity'];
  detail: unknown;
  raised_at: string | Date;
}

export class SqlClerkAlerts implements Alerts {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** With `tx` the alert and its audit entry join the caller's transaction (a use case's step). */
  async alertClerk(alert: ClerkAlert, tx?: TransactionHandle): Promise<void> {
    const entry = { actorId: 'system', actorRole: 'system', action: 'alert.raised', conferenceId: alert.conferenceId, detail: { ...alert.detail, code: alert.code, severity: alert.severity } };
    // Refuse personal data before anything is written, with the audit log's own rule.
    assertAuditEntryAllowed(entry);
    const write = async (handle: TransactionHandle) => {
      await executorOf(handle).query(
        'INSERT INTO clerk_alerts (conference_id, code, severity, detail, raised_at) VALUES ($1, $2, $3, $4, $5)',
        [alert.conferenceId, alert.code, alert.severity, JSON.stringify(alert.detail), this.clock.now().toISOString()],
      );
      await this.audit.append(entry, handle);
    };
    if (tx) await write(tx);
    else await runWithHandle(this.db, (_ex, handle) => write(handle));
  }

  /** Open (unacknowledged) alerts, oldest first; all conferences when none is given. */
  async open(conferenceId?: string): Promise<StoredClerkAlert[]> {
    const { rows } = await this.db.query<AlertRow>(
      `SELECT id, conference_id, code, severity, detail, raised_at FROM clerk_alerts
        WHERE acknowledged_at IS NULL AND ($1::text IS NULL OR conference_id = $1) ORDER BY id`,
      [conferenceId ?? null],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      conferenceId: r.conference_id,
      code: r.code,
      severity: r.severity,
      detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as ClerkAlert['detail'],
      raisedAt: new Date(r.raised_at).toISOString(),
    }));
  }

  /** Marks an alert seen; audited. Returns false when it was unknown or already acknowledged. */
  async acknowledge(id: number, actor: { id: string; role: string }): Promise<boolean> {
    return runWithHandle(this.db, async (ex, tx) => {
      const { rows } = await ex.query<{ conference_id: string }>(
        'UPDATE clerk_alerts SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING conference_id',
        [id, this.clock.now().toISOString(), actor.id],
      );
      const row = rows[0];
      if (!row) return false;
      await this.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'alert.acknowledged', conferenceId: row.conference_id, detail: { alertId: id } }, tx);
      return true;
    });
  }
}
