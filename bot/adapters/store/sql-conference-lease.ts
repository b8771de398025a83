// ConferenceLease on SQL (migration 007): one row per conference with holder and expiry. Taking
// it is one INSERT … ON CONFLICT DO UPDATE … WHERE expired, so two runs racing for it on
// PostgreSQL (or PGlite's one connection) get exactly one winner. Time comes from the Clock port.
import type { Clock } from '../../app/ports/clock.port';
import type { ConferenceLease } from '../../app/ports/conference-lease.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { Database } from './database';
import { withTransaction } from './sql-unit-of-work';

export class SqlConferenceLease implements ConferenceLease {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async acquire(conferenceId: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const r = await this.db.query(
      `INSERT INTO conference_leases (conference_id, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (conference_id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE conference_leases.expires_at <= $4 OR conference_leases.holder = EXCLUDED.holder
       RETURNING holder`,
      [conferenceId, holder, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()],
    );
    return r.rowCount === 1;
  }

  async renew(conferenceId: string, holder: string, ttlMs: number, tx: TransactionHandle): Promise<boolean> {
    const expires = new Date(this.clock.now().getTime() + ttlMs).toISOString();
    return withTransaction(this.db, tx, async (ex) => {
      const r = await ex.query('UPDATE conference_leases SET expires_at = $3 WHERE conference_id = $1 AND holder = $2 RETURNING holder', [conferenceId, holder, expires]);
      return r.rowCount === 1;
    });
  }

  async release(conferenceId: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM conference_leases WHERE conference_id = $1 AND holder = $2', [conferenceId, holder]);
  }
}
