// ConferenceLookup on SQL: the case reference index of migration 001 and the meeting chat's
// thread id index of migration 012.
import type { ConferenceLookup } from '../../app/ports/conference-lookup.port';
import type { Database } from './database';

export class SqlConferenceLookup implements ConferenceLookup {
  constructor(private readonly db: Database) {}

  async idsByCaseReference(caseReference: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM conferences WHERE upper(case_reference) = upper($1) ORDER BY start_at DESC, id LIMIT 20',
      [caseReference.trim()],
    );
    return rows.map((r) => r.id);
  }

  async idByMeetingThread(threadId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ conference_id: string }>(
      `SELECT conference_id FROM conference_meetings WHERE extra ->> 'chatThreadId' = $1 ORDER BY conference_id LIMIT 2`,
      [threadId],
    );
    // One thread is one meeting; two conferences claiming it would mix rosters: refuse both.
    return rows.length === 1 ? rows[0]!.conference_id : null;
  }
}
