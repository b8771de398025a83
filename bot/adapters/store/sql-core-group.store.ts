// CoreGroupStore on SQL (migration 014): the child's plan and each core group's minutes, each one
// jsonb document under optimistic concurrency (a read inside a transaction locks the row).
import { CoreGroupConflict, type CoreGroupStore, type StoredMinutes } from '../../app/ports/core-group-store.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { ChildPlan } from '../../domain/core-group/core-group-minutes';
import type { Database } from './database';
import { executorOf } from './sql-unit-of-work';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export class SqlCoreGroupStore implements CoreGroupStore {
  constructor(private readonly db: Database) {}

  private q(tx?: TransactionHandle) {
    return tx ? executorOf(tx) : this.db;
  }

  async getPlan(planId: string, tx?: TransactionHandle): Promise<ChildPlan | null> {
    const { rows } = await this.q(tx).query<{ state: unknown; version: number }>(`SELECT state, version FROM child_plans WHERE plan_id = $1${tx ? ' FOR UPDATE' : ''}`, [planId]);
    const row = rows[0];
    return row ? { ...json<Omit<ChildPlan, 'version'>>(row.state), version: row.version } : null;
  }

  async savePlan(plan: ChildPlan, tx?: TransactionHandle): Promise<ChildPlan> {
    const { version, ...state } = plan;
    const { rowCount } =
      version === 0
        ? await this.q(tx).query('INSERT INTO child_plans (plan_id, state, version) VALUES ($1, $2::jsonb, 1) ON CONFLICT (plan_id) DO NOTHING', [plan.planId, JSON.stringify(state)])
        : await this.q(tx).query('UPDATE child_plans SET state = $2::jsonb, version = version + 1, updated_at = now() WHERE plan_id = $1 AND version = $3', [plan.planId, JSON.stringify(state), version]);
    if (rowCount !== 1) throw new CoreGroupConflict(plan.planId, version);
    return { ...state, version: version + 1 };
  }

  async getMinutes(conferenceId: string, tx?: TransactionHandle): Promise<StoredMinutes | null> {
    const { rows } = await this.q(tx).query<{ state: unknown; version: number }>(`SELECT state, version FROM core_group_minutes WHERE conference_id = $1${tx ? ' FOR UPDATE' : ''}`, [conferenceId]);
    const row = rows[0];
    return row ? { ...json<Omit<StoredMinutes, 'version'>>(row.state), version: row.version } : null;
  }

  async saveMinutes(minutes: StoredMinutes, dueBy: string | null, tx?: TransactionHandle): Promise<StoredMinutes> {
    const { version, ...state } = minutes;
    const args = [minutes.conferenceId, minutes.planId, JSON.stringify(state), dueBy, minutes.circulatedAt ?? null];
    const { rowCount } =
      version === 0
        ? await this.q(tx).query(
            `INSERT INTO core_group_minutes (conference_id, plan_id, state, due_by, circulated_at, version)
             VALUES ($1, $2, $3::jsonb, $4, $5, 1) ON CONFLICT (conference_id) DO NOTHING`,
            args,
          )
        : await this.q(tx).query(
            `UPDATE core_group_minutes SET plan_id = $2, state = $3::jsonb, due_by = $4, circulated_at = $5, version = version + 1, updated_at = now()
             WHERE conference_id = $1 AND version = $6`,
            [...args, version],
          );
    if (rowCount !== 1) throw new CoreGroupConflict(minutes.conferenceId, version);
    return { ...state, version: version + 1 };
  }

  async minutesOfPlan(planId: string, tx?: TransactionHandle): Promise<StoredMinutes[]> {
    const { rows } = await this.q(tx).query<{ state: unknown; version: number }>(
      `SELECT state, version FROM core_group_minutes WHERE plan_id = $1 ORDER BY state ->> 'heldOn', conference_id`,
      [planId],
    );
    return rows.map((r) => ({ ...json<Omit<StoredMinutes, 'version'>>(r.state), version: r.version }));
  }
}
