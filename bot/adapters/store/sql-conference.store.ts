// ConferenceStore on SQL: the conference row, its invitees (own table, ids stable, order kept)
// and its meeting record, saved together under optimistic concurrency (a version column).
// Fields the Conference type gains later and that have no column yet go to `extra` (jsonb), so
// nothing about a conference lives only in memory.
import { ConcurrencyConflict, type ConferenceStore } from '../../app/ports/conference-store.port';
import type { TransactionHandle } from '../../app/ports/unit-of-work.port';
import type { IsoDate } from '../../domain/calendar/iso-date';
import type { Conference, Invitee, MeetingRecord } from '../../domain/conference/conference';
import type { Database, SqlExecutor } from './database';
import { withTransaction } from './sql-unit-of-work';

export class ConferenceExists extends Error {
  readonly code = 'STORE.CONFERENCE_EXISTS';
  constructor(readonly conferenceId: string) {
    super(`conference ${conferenceId} already exists`);
  }
}

export class DuplicateInviteeId extends Error {
  readonly code = 'STORE.DUPLICATE_INVITEE_ID';
  constructor(readonly conferenceId: string) {
    super(`conference ${conferenceId} lists an invitee id twice`);
  }
}

type Json = Record<string, unknown>;

const CONFERENCE_KEYS = ['id', 'caseReference', 'kind', 'profileId', 'start', 'end', 'familySectionStart', 'organizerId', 'status', 'bookingVersion', 'meeting', 'invitees', 'version'];
const INVITEE_KEYS = ['id', 'role', 'agency', 'displayName', 'email', 'joinAt', 'interpreter', 'status', 'invitedAt', 'notice'];
const MEETING_KEYS = ['eventId', 'transactionId', 'joinUrl', 'onlineMeetingId', 'optionsVerified', 'optionMismatches'];

/** Properties not mapped to a column (undefined ones dropped: JSON cannot keep them anyway). */
function extraOf(value: object, known: string[]): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (!known.includes(k) && v !== undefined) out[k] = v;
  return out;
}

/** Sets only the optional properties that are present, so a read equals what was saved. */
function withOptional<T extends object>(target: T, optional: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(optional)) if (v !== null && v !== undefined) (target as Json)[k] = v;
  return target;
}

/** node-postgres parses jsonb; a plain string column given JSON text is parsed here. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

interface ConferenceRow {
  id: string; case_reference: string; kind: string; profile_id: string; start_at: string; end_at: string;
  family_section_start: string | null; organizer_id: string; status: string; booking_version: number;
  extra: unknown; version: number;
}
interface InviteeRow {
  id: string; role: string; agency: string | null; display_name: string; email: string; join_at: string | null;
  interpreter: unknown; status: string; invited_at: string | null; notice: unknown; extra: unknown;
}
interface MeetingRow {
  event_id: string; transaction_id: string; join_url: string; online_meeting_id: string | null;
  options_verified: boolean; option_mismatches: unknown; extra: unknown;
}

export class SqlConferenceStore implements ConferenceStore {
  constructor(private readonly db: Database) {}

  async get(id: string, tx?: TransactionHandle): Promise<Conference | null> {
    // The row lock makes the three reads one consistent aggregate (a save holds the row while it
    // writes); inside a caller's transaction it is FOR UPDATE, as a read there precedes a save.
    return tx ? withTransaction(this.db, tx, (ex) => this.read(ex, id, 'UPDATE')) : this.db.transaction((ex) => this.read(ex, id, 'SHARE'));
  }

  async create(conference: Omit<Conference, 'version'>, tx?: TransactionHandle): Promise<Conference> {
    const created = { ...conference, version: 1 } as Conference;
    await withTransaction(this.db, tx, async (ex) => {
      const r = await ex.query(
        `INSERT INTO conferences (id, case_reference, kind, profile_id, start_at, end_at, family_section_start,
           organizer_id, status, booking_version, extra, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, 1)
         ON CONFLICT (id) DO NOTHING`,
        [...this.conferenceParams(created)],
      );
      if (r.rowCount === 0) throw new ConferenceExists(created.id);
      await this.writeChildren(ex, created);
    });
    return structuredClone(created);
  }

  async save(conference: Conference, tx?: TransactionHandle): Promise<Conference> {
    const next = { ...conference, version: conference.version + 1 };
    await withTransaction(this.db, tx, async (ex) => {
      const r = await ex.query(
        `UPDATE conferences SET case_reference = $2, kind = $3, profile_id = $4, start_at = $5, end_at = $6,
           family_section_start = $7, organizer_id = $8, status = $9, booking_version = $10, extra = $11::jsonb,
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $12`,
        [...this.conferenceParams(conference), conference.version],
      );
      if (r.rowCount !== 1) throw new ConcurrencyConflict(conference.id, conference.version);
      await this.writeChildren(ex, conference);
    });
    return structuredClone(next);
  }

  private conferenceParams(c: Conference): unknown[] {
    return [
      c.id, c.caseReference, c.kind, c.profileId, c.start, c.end, c.familySectionStart ?? null,
      c.organizerId, c.status, c.bookingVersion, JSON.stringify(extraOf(c, CONFERENCE_KEYS)),
    ];
  }

  private async writeChildren(ex: SqlExecutor, c: Conference): Promise<void> {
    const ids = c.invitees.map((i) => i.id);
    if (new Set(ids).size !== ids.length) throw new DuplicateInviteeId(c.id);
    await ex.query('DELETE FROM conference_invitees WHERE conference_id = $1 AND NOT (id = ANY($2::text[]))', [c.id, ids]);
    for (const [position, inv] of c.invitees.entries()) {
      await ex.query(
        `INSERT INTO conference_invitees (conference_id, id, position, role, agency, display_name, email, join_at,
           interpreter, status, invited_at, notice, extra)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb, $13::jsonb)
         ON CONFLICT (conference_id, id) DO UPDATE SET position = EXCLUDED.position, role = EXCLUDED.role,
           agency = EXCLUDED.agency, display_name = EXCLUDED.display_name, email = EXCLUDED.email,
           join_at = EXCLUDED.join_at, interpreter = EXCLUDED.interpreter, status = EXCLUDED.status,
           invited_at = EXCLUDED.invited_at, notice = EXCLUDED.notice, extra = EXCLUDED.extra`,
        [
          c.id, inv.id, position, inv.role, inv.agency ?? null, inv.displayName, inv.email, inv.joinAt ?? null,
          inv.interpreter ? JSON.stringify(inv.interpreter) : null, inv.status, inv.invitedAt ?? null,
          inv.notice ? JSON.stringify(inv.notice) : null, JSON.stringify(extraOf(inv, INVITEE_KEYS)),
        ],
      );
    }
    if (!c.meeting) {
      await ex.query('DELETE FROM conference_meetings WHERE conference_id = $1', [c.id]);
      return;
    }
    const m = c.meeting;
    await ex.query(
      `INSERT INTO conference_meetings (conference_id, event_id, transaction_id, join_url, online_meeting_id,
         options_verified, option_mismatches, extra)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
       ON CONFLICT (conference_id) DO UPDATE SET event_id = EXCLUDED.event_id, transaction_id = EXCLUDED.transaction_id,
         join_url = EXCLUDED.join_url, online_meeting_id = EXCLUDED.online_meeting_id,
         options_verified = EXCLUDED.options_verified, option_mismatches = EXCLUDED.option_mismatches, extra = EXCLUDED.extra`,
      [
        c.id, m.eventId, m.transactionId, m.joinUrl, m.onlineMeetingId ?? null, m.optionsVerified,
        JSON.stringify(m.optionMismatches), JSON.stringify(extraOf(m, MEETING_KEYS)),
      ],
    );
  }

  async listStartingBetween(from: IsoDate, to: IsoDate): Promise<Conference[]> {
    // 'YYYY-MM-DDTHH:mm' sorts in time order, so a text range on the indexed column is a date range.
    return this.readWhere('start_at >= $1 AND start_at <= $2', [`${from}T00:00`, `${to}T23:59`]);
  }

  async listWithPendingApprovalFor(approverId: string): Promise<Conference[]> {
    const wanted = JSON.stringify([{ approverId, status: 'pending' }]);
    // The GIN index of migration 015 answers this containment (extra -> 'approvals' @> …).
    return this.readWhere("extra -> 'approvals' @> $1::jsonb", [wanted]);
  }

  /**
   * Many conferences in three statements (the rows, their invitees, their meetings) instead of
   * three per conference: the dashboard lists a thousand or more. One snapshot for the three
   * (REPEATABLE READ on a server; PGlite is one connection), so each comes back as one consistent
   * aggregate, as get() gives it, without locking rows for a read.
   */
  private async readWhere(where: string, params: unknown[]): Promise<Conference[]> {
    return this.db.transaction(async (ex) => {
      if (this.db.kind === 'postgres') await ex.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const { rows } = await ex.query<ConferenceRow>(`SELECT * FROM conferences WHERE ${where} ORDER BY start_at, id`, params);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const invitees = await ex.query<InviteeRow & { conference_id: string }>('SELECT * FROM conference_invitees WHERE conference_id = ANY($1::text[]) ORDER BY conference_id, position', [ids]);
      const meetings = await ex.query<MeetingRow & { conference_id: string }>('SELECT * FROM conference_meetings WHERE conference_id = ANY($1::text[])', [ids]);
      const inviteesOf = new Map<string, InviteeRow[]>();
      for (const r of invitees.rows) {
        const list = inviteesOf.get(r.conference_id);
        if (list) list.push(r);
        else inviteesOf.set(r.conference_id, [r]);
      }
      const meetingOf = new Map(meetings.rows.map((m) => [m.conference_id, m]));
      return rows.map((row) => toConference(row, inviteesOf.get(row.id) ?? [], meetingOf.get(row.id)));
    });
  }

  private async read(ex: SqlExecutor, id: string, lock: 'SHARE' | 'UPDATE'): Promise<Conference | null> {
    const { rows } = await ex.query<ConferenceRow>(`SELECT * FROM conferences WHERE id = $1 FOR ${lock}`, [id]);
    const row = rows[0];
    if (!row) return null;
    const invitees = await ex.query<InviteeRow>('SELECT * FROM conference_invitees WHERE conference_id = $1 ORDER BY position', [id]);
    const meetings = await ex.query<MeetingRow>('SELECT * FROM conference_meetings WHERE conference_id = $1', [id]);
    return toConference(row, invitees.rows, meetings.rows[0]);
  }
}

function toConference(row: ConferenceRow, invitees: InviteeRow[], meeting: MeetingRow | undefined): Conference {
  return withOptional(
    {
      ...json<Json>(row.extra),
      id: row.id,
      caseReference: row.case_reference,
      kind: row.kind,
      profileId: row.profile_id,
      start: row.start_at,
      end: row.end_at,
      organizerId: row.organizer_id,
      status: row.status,
      bookingVersion: row.booking_version,
      invitees: invitees.map(toInvitee),
      version: row.version,
    } as Conference,
    { familySectionStart: row.family_section_start, meeting: meeting && toMeeting(meeting) },
  );
}

function toInvitee(r: InviteeRow): Invitee {
  return withOptional(
    { ...json<Json>(r.extra), id: r.id, role: r.role, displayName: r.display_name, email: r.email, status: r.status } as Invitee,
    { agency: r.agency, joinAt: r.join_at, interpreter: json(r.interpreter), invitedAt: r.invited_at, notice: json(r.notice) },
  );
}

function toMeeting(r: MeetingRow): MeetingRecord {
  return withOptional(
    {
      ...json<Json>(r.extra),
      eventId: r.event_id,
      transactionId: r.transaction_id,
      joinUrl: r.join_url,
      optionsVerified: r.options_verified,
      optionMismatches: json<string[]>(r.option_mismatches),
    } as MeetingRecord,
    { onlineMeetingId: r.online_meeting_id },
  );
}
