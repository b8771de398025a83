// ConferenceLookup on SQL: the case reference index of migration 001.
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
}
