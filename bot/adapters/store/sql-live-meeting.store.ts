// LiveMeetingStore on SQL (migration 012): one jsonb document per conference under optimistic
// concurrency, with the count of open alerts kept beside it for the alert worker's query.
import { LiveMeetingConflict, type LiveMeetingStore } from '../../app/ports/live-meeting-store.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import type { Database } from './database';
import { executorOf } from './sql-unit-of-work';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const openAlerts = (live: Omit<LiveMeeting, 'version'>): number => live.alerts.filter((a) => !a.clearedAt).length;

export class SqlLiveMeetingStore implements LiveMeetingStore {
  constructor(private readonly db: Database) {}

  private q(tx?: TransactionHandle) {
    return tx ? executorOf(tx) : this.db;
  }

  async get(conferenceId: string, tx?: TransactionHandle): Promise<LiveMeeting | null> {
    const { rows } = await this.q(tx).query<{ state: unknown; version: number }>(
      `SELECT state, version FROM live_meetings WHERE conference_id = $1${tx ? ' FOR UPDATE' : ''}`,
      [conferenceId],
    );
    const row = rows[0];
    return row ? { ...json<Omit<LiveMeeting, 'version'>>(row.state), version: row.version } : null;
  }

  async getMany(conferenceIds: readonly string[]): Promise<Map<string, LiveMeeting>> {
    if (conferenceIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ conference_id: string; state: unknown; version: number }>(
      'SELECT conference_id, state, version FROM live_meetings WHERE conference_id = ANY($1::text[])',
      [conferenceIds],
    );
    return new Map(rows.map((r) => [r.conference_id, { ...json<Omit<LiveMeeting, 'version'>>(r.state), version: r.version }]));
  }

  async create(live: Omit<LiveMeeting, 'version'>, tx?: TransactionHandle): Promise<LiveMeeting> {
    const { version: _ignored, ...state } = live as LiveMeeting;
    const { rowCount } = await this.q(tx).query(
      `INSERT INTO live_meetings (conference_id, teams_meeting_id, state, open_alerts, version)
       VALUES ($1, $2, $3::jsonb, $4, 1) ON CONFLICT (conference_id) DO NOTHING`,
      [live.conferenceId, live.teamsMeetingId, JSON.stringify(state), openAlerts(live)],
    );
    if (rowCount !== 1) throw new LiveMeetingConflict(live.conferenceId, 0);
    return { ...state, version: 1 };
  }

  async save(live: LiveMeeting, tx?: TransactionHandle): Promise<LiveMeeting> {
    const { version, ...state } = live;
    const { rowCount } = await this.q(tx).query(
      `UPDATE live_meetings SET state = $2::jsonb, open_alerts = $3, version = version + 1, updated_at = now()
       WHERE conference_id = $1 AND version = $4 AND teams_meeting_id = $5`,
      [live.conferenceId, JSON.stringify(state), openAlerts(live), version, live.teamsMeetingId],
    );
    if (rowCount !== 1) throw new LiveMeetingConflict(live.conferenceId, version);
    return { ...state, version: version + 1 };
  }

  async listWithOpenAlerts(): Promise<string[]> {
    const { rows } = await this.db.query<{ conference_id: string }>('SELECT conference_id FROM live_meetings WHERE open_alerts > 0 ORDER BY conference_id');
    return rows.map((r) => r.conference_id);
  }
}
