// StaffRoles port on SQL (table staff_roles, migration 010): each change and its audit entry
// commit in one transaction, so the audit log names every role ever granted or withdrawn.
import type { AuditLog } from '../../app/ports/audit-log.port';
import type { Clock } from '../../app/ports/clock.port';
import type { StaffRole, StaffRoleEntry, StaffRoles } from '../../app/ports/staff-roles.port';
import type { Agency } from '../../domain/conference/agency';
import type { Database } from './database';
import { runWithHandle } from './sql-unit-of-work';

interface Row {
  object_id: string;
  role: StaffRole;
  agency: Agency | null;
  set_by: string;
  set_at: string | Date;
}

const COLUMNS = 'object_id, role, agency, set_by, set_at';
const entryOf = (r: Row): StaffRoleEntry => ({ objectId: r.object_id, role: r.role, agency: r.agency, setBy: r.set_by, setAt: new Date(r.set_at).toISOString() });

export class SqlStaffRoles implements StaffRoles {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(objectId: string): Promise<StaffRoleEntry | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM staff_roles WHERE object_id = $1`, [objectId.toLowerCase()]);
    return rows[0] ? entryOf(rows[0]) : null;
  }

  async getMany(objectIds: readonly string[]): Promise<Map<string, StaffRoleEntry>> {
    const out = new Map<string, StaffRoleEntry>();
    if (objectIds.length === 0) return out;
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM staff_roles WHERE object_id = ANY($1::text[])`, [objectIds.map((id) => id.toLowerCase())]);
    for (const r of rows) out.set(r.object_id, entryOf(r));
    return out;
  }

  async list(): Promise<StaffRoleEntry[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM staff_roles ORDER BY role, object_id`);
    return rows.map(entryOf);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM staff_roles');
    return Number(rows[0]?.n ?? 0);
  }

  async set(entry: { objectId: string; role: StaffRole; agency: Agency | null }, actor: { id: string; role: string }): Promise<StaffRoleEntry> {
    const objectId = entry.objectId.toLowerCase();
    return runWithHandle(this.db, async (ex, tx) => {
      const before = await ex.query<Row>(`SELECT ${COLUMNS} FROM staff_roles WHERE object_id = $1 FOR UPDATE`, [objectId]);
      const { rows } = await ex.query<Row>(
        `INSERT INTO staff_roles (object_id, role, agency, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (object_id) DO UPDATE SET role = EXCLUDED.role, agency = EXCLUDED.agency, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
         RETURNING ${COLUMNS}`,
        [objectId, entry.role, entry.agency, actor.id, this.clock.now().toISOString()],
      );
      const previous = before.rows[0];
      await this.audit.append(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'staff-role.set',
          conferenceId: null,
          detail: { objectId, role: entry.role, agency: entry.agency, previousRole: previous?.role ?? null, previousAgency: previous?.agency ?? null },
        },
        tx,
      );
      return entryOf(rows[0]!);
    });
  }

  async remove(objectId: string, actor: { id: string; role: string }): Promise<boolean> {
    const id = objectId.toLowerCase();
    return runWithHandle(this.db, async (ex, tx) => {
      const { rows } = await ex.query<Row>(`DELETE FROM staff_roles WHERE object_id = $1 RETURNING ${COLUMNS}`, [id]);
      const removed = rows[0];
      if (!removed) return false;
      await this.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'staff-role.removed', conferenceId: null, detail: { objectId: id, previousRole: removed.role, previousAgency: removed.agency } }, tx);
      return true;
    });
  }
}
