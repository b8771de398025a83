// The sandbox's state in the product's database (schema graph_sandbox), so that it survives a
// restart on the same database and a developer can read the mailboxes afterwards.
import type { Database, SqlExecutor } from '../../bot/adapters/store/database';
import { DRIVE_DDL } from './drive-store';

const DDL = [
  'CREATE SCHEMA IF NOT EXISTS graph_sandbox',
  `CREATE TABLE IF NOT EXISTS graph_sandbox.settings (key text PRIMARY KEY, value text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.events (
     id text PRIMARY KEY, user_key text NOT NULL, transaction_id text, body jsonb NOT NULL,
     cancelled boolean NOT NULL DEFAULT false, created_at text NOT NULL, updated_at text NOT NULL)`,
  // transactionId idempotency: one event per organizer and transactionId, even under concurrent retries.
  `CREATE UNIQUE INDEX IF NOT EXISTS events_user_transaction ON graph_sandbox.events (user_key, transaction_id)
     WHERE transaction_id IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.online_meetings (
     id text PRIMARY KEY, user_key text NOT NULL, event_id text, join_web_url text NOT NULL UNIQUE,
     body jsonb NOT NULL, updated_at text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.messages (
     id text PRIMARY KEY, mailbox text NOT NULL, folder text NOT NULL, kind text NOT NULL, sender text NOT NULL,
     subject text NOT NULL, received_at text NOT NULL, attachments jsonb NOT NULL, body jsonb NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS messages_mailbox ON graph_sandbox.messages (mailbox, received_at)',
  `CREATE TABLE IF NOT EXISTS graph_sandbox.call_participants (
     call_id text NOT NULL, participant_id text NOT NULL, added_at text NOT NULL, removed_at text,
     PRIMARY KEY (call_id, participant_id))`,
  // The calling bot's calls (POST /communications/calls) and who is in each meeting: a seeded
  // meeting participant is in every call that joins that meeting's thread.
  'ALTER TABLE graph_sandbox.call_participants ADD COLUMN IF NOT EXISTS aad_object_id text',
  'ALTER TABLE graph_sandbox.call_participants ADD COLUMN IF NOT EXISTS in_lobby boolean NOT NULL DEFAULT false',
  `CREATE TABLE IF NOT EXISTS graph_sandbox.calls (
     id text PRIMARY KEY, thread_id text NOT NULL, body jsonb NOT NULL, created_at text NOT NULL, ended_at text)`,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.meeting_participants (
     thread_id text NOT NULL, participant_id text NOT NULL, aad_object_id text, in_lobby boolean NOT NULL DEFAULT false,
     added_at text NOT NULL, PRIMARY KEY (thread_id, participant_id))`,
  ...DRIVE_DDL,
  `CREATE TABLE IF NOT EXISTS graph_sandbox.installed_apps (
     user_key text NOT NULL, teams_app_id text NOT NULL, id text NOT NULL, installed_at text NOT NULL,
     PRIMARY KEY (user_key, teams_app_id))`,
];

/** Idempotent; the advisory lock keeps two sandboxes starting at once on one PostgreSQL from racing. */
export async function createSandboxSchema(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('graph_sandbox.schema'))");
    for (const sql of DDL) await tx.query(sql);
  });
}

export interface StoredEvent {
  id: string;
  userKey: string;
  body: Record<string, unknown>;
  cancelled: boolean;
}

export interface StoredMeeting {
  id: string;
  userKey: string;
  eventId: string | null;
  body: Record<string, unknown>;
}

/** Attachment summary kept beside each message for the mailbox viewer. */
export interface AttachmentSummary {
  name: string;
  contentType: string | null;
  ics?: { method: string | null; sequence: string | null; dtstart: string | null; summary: string | null };
  /** A PDF attachment: its decoded size and whether it starts as a PDF must (a file mangled by a wrong encoding does not). */
  pdf?: { bytes: number; header: boolean };
}

export interface StoredMessage {
  id: string;
  mailbox: string;
  folder: string;
  kind: string;
  sender: string;
  subject: string;
  receivedAt: string;
  attachments: AttachmentSummary[];
  body: Record<string, unknown>;
}

const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : (v as Record<string, unknown>));

export class SandboxStore {
  /** `db` is the executor this store is bound to (a transaction's, inside env.transaction). */
  constructor(readonly db: SqlExecutor) {}

  async getSetting(key: string): Promise<string | undefined> {
    const r = await this.db.query<{ value: string }>('SELECT value FROM graph_sandbox.settings WHERE key = $1', [key]);
    return r.rows[0]?.value;
  }

  /** First writer wins, so two sandboxes starting on one database agree on keys and certificates. */
  async putSettingIfAbsent(key: string, value: string): Promise<string> {
    await this.db.query('INSERT INTO graph_sandbox.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.getSetting(key)) ?? value;
  }

  /** Inserts the event unless (user, transactionId) exists; returns the stored one and whether it is new. */
  async insertEvent(e: StoredEvent, transactionId: string | null, now: string): Promise<{ event: StoredEvent; created: boolean }> {
    const r = await this.db.query(
      `INSERT INTO graph_sandbox.events (id, user_key, transaction_id, body, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $5) ON CONFLICT DO NOTHING`,
      [e.id, e.userKey, transactionId, JSON.stringify(e.body), now],
    );
    if (r.rowCount === 1) return { event: e, created: true };
    const existing = await this.db.query<EventRow>(
      'SELECT id, user_key, body, cancelled FROM graph_sandbox.events WHERE user_key = $1 AND transaction_id = $2',
      [e.userKey, transactionId],
    );
    const row = existing.rows[0];
    if (!row) throw new Error('GRAPH_SANDBOX.EVENT_INSERT_LOST');
    return { event: toEvent(row), created: false };
  }

  async getEvent(userKey: string, id: string): Promise<StoredEvent | undefined> {
    const r = await this.db.query<EventRow>('SELECT id, user_key, body, cancelled FROM graph_sandbox.events WHERE user_key = $1 AND id = $2', [
      userKey,
      id,
    ]);
    return r.rows[0] ? toEvent(r.rows[0]) : undefined;
  }

  async updateEvent(id: string, body: Record<string, unknown>, cancelled: boolean, now: string): Promise<void> {
    await this.db.query('UPDATE graph_sandbox.events SET body = $2::jsonb, cancelled = $3, updated_at = $4 WHERE id = $1', [
      id,
      JSON.stringify(body),
      cancelled,
      now,
    ]);
  }

  async listEvents(): Promise<(StoredEvent & { createdAt: string })[]> {
    const r = await this.db.query<EventRow & { created_at: string }>(
      'SELECT id, user_key, body, cancelled, created_at FROM graph_sandbox.events ORDER BY created_at, id',
    );
    return r.rows.map((row) => ({ ...toEvent(row), createdAt: row.created_at }));
  }

  async insertMeeting(m: StoredMeeting, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.online_meetings (id, user_key, event_id, join_web_url, body, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [m.id, m.userKey, m.eventId, String(m.body.joinWebUrl), JSON.stringify(m.body), now],
    );
  }

  async getMeeting(userKey: string, id: string): Promise<StoredMeeting | undefined> {
    const r = await this.db.query<MeetingRow>(
      'SELECT id, user_key, event_id, body FROM graph_sandbox.online_meetings WHERE user_key = $1 AND id = $2',
      [userKey, id],
    );
    return r.rows[0] ? toMeeting(r.rows[0]) : undefined;
  }

  async getMeetingByEvent(eventId: string): Promise<StoredMeeting | undefined> {
    const r = await this.db.query<MeetingRow>('SELECT id, user_key, event_id, body FROM graph_sandbox.online_meetings WHERE event_id = $1', [
      eventId,
    ]);
    return r.rows[0] ? toMeeting(r.rows[0]) : undefined;
  }

  async listMeetings(userKey: string): Promise<StoredMeeting[]> {
    const r = await this.db.query<MeetingRow>(
      'SELECT id, user_key, event_id, body FROM graph_sandbox.online_meetings WHERE user_key = $1 ORDER BY updated_at, id',
      [userKey],
    );
    return r.rows.map(toMeeting);
  }

  async listAllMeetings(): Promise<StoredMeeting[]> {
    const r = await this.db.query<MeetingRow>('SELECT id, user_key, event_id, body FROM graph_sandbox.online_meetings ORDER BY updated_at, id');
    return r.rows.map(toMeeting);
  }

  async updateMeeting(id: string, body: Record<string, unknown>, now: string): Promise<void> {
    await this.db.query('UPDATE graph_sandbox.online_meetings SET body = $2::jsonb, updated_at = $3 WHERE id = $1', [id, JSON.stringify(body), now]);
  }

  async insertMessage(m: StoredMessage): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.messages (id, mailbox, folder, kind, sender, subject, received_at, attachments, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
      [m.id, m.mailbox, m.folder, m.kind, m.sender, m.subject, m.receivedAt, JSON.stringify(m.attachments), JSON.stringify(m.body)],
    );
  }

  async listMessages(): Promise<StoredMessage[]> {
    const r = await this.db.query<MessageRow>(
      'SELECT id, mailbox, folder, kind, sender, subject, received_at, attachments, body FROM graph_sandbox.messages ORDER BY mailbox, received_at, id',
    );
    return r.rows.map((row) => ({
      id: row.id,
      mailbox: row.mailbox,
      folder: row.folder,
      kind: row.kind,
      sender: row.sender,
      subject: row.subject,
      receivedAt: row.received_at,
      attachments: asObject(row.attachments) as unknown as AttachmentSummary[],
      body: asObject(row.body),
    }));
  }

  /** A personal-scope app installation; false when the user already has that app (Graph's 409). */
  async installApp(userKey: string, teamsAppId: string, id: string, now: string): Promise<boolean> {
    const r = await this.db.query(
      'INSERT INTO graph_sandbox.installed_apps (user_key, teams_app_id, id, installed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [userKey, teamsAppId, id, now],
    );
    return r.rowCount === 1;
  }

  async listInstalledApps(): Promise<{ userKey: string; teamsAppId: string }[]> {
    const r = await this.db.query<{ user_key: string; teams_app_id: string }>('SELECT user_key, teams_app_id FROM graph_sandbox.installed_apps ORDER BY installed_at, user_key');
    return r.rows.map((row) => ({ userKey: row.user_key, teamsAppId: row.teams_app_id }));
  }

  async addCallParticipant(callId: string, participantId: string, now: string, who: { aadObjectId?: string; isInLobby?: boolean } = {}): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.call_participants (call_id, participant_id, added_at, aad_object_id, in_lobby) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (call_id, participant_id) DO UPDATE SET removed_at = NULL, aad_object_id = EXCLUDED.aad_object_id, in_lobby = EXCLUDED.in_lobby`,
      [callId, participantId, now, who.aadObjectId ?? null, who.isInLobby ?? false],
    );
  }

  /** Someone in a meeting (by its chat thread): they are in every call on that thread, present and future. */
  async addMeetingParticipant(threadId: string, p: CallParticipantRow, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO graph_sandbox.meeting_participants (thread_id, participant_id, aad_object_id, in_lobby, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (thread_id, participant_id) DO UPDATE SET aad_object_id = EXCLUDED.aad_object_id, in_lobby = EXCLUDED.in_lobby`,
      [threadId, p.participantId, p.aadObjectId ?? null, p.isInLobby ?? false, now],
    );
    for (const call of await this.db.query<{ id: string }>('SELECT id FROM graph_sandbox.calls WHERE thread_id = $1 AND ended_at IS NULL', [threadId]).then((r) => r.rows)) {
      await this.addCallParticipant(call.id, p.participantId, now, p);
    }
  }

  /** A new call on a meeting's thread, with the meeting's participants in it. */
  async insertCall(id: string, threadId: string, body: Record<string, unknown>, now: string): Promise<void> {
    await this.db.query('INSERT INTO graph_sandbox.calls (id, thread_id, body, created_at) VALUES ($1, $2, $3, $4)', [id, threadId, JSON.stringify(body), now]);
    const people = await this.db.query<{ participant_id: string; aad_object_id: string | null; in_lobby: boolean }>(
      'SELECT participant_id, aad_object_id, in_lobby FROM graph_sandbox.meeting_participants WHERE thread_id = $1 ORDER BY added_at',
      [threadId],
    );
    for (const p of people.rows) await this.addCallParticipant(id, p.participant_id, now, { ...(p.aad_object_id ? { aadObjectId: p.aad_object_id } : {}), isInLobby: p.in_lobby });
  }

  async getCall(id: string): Promise<{ id: string; threadId: string; body: Record<string, unknown>; endedAt: string | null } | undefined> {
    const r = await this.db.query<{ id: string; thread_id: string; body: unknown; ended_at: string | null }>('SELECT id, thread_id, body, ended_at FROM graph_sandbox.calls WHERE id = $1', [id]);
    const row = r.rows[0];
    return row ? { id: row.id, threadId: row.thread_id, body: asObject(row.body), endedAt: row.ended_at } : undefined;
  }

  async endCall(id: string, now: string): Promise<boolean> {
    const r = await this.db.query('UPDATE graph_sandbox.calls SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [id, now]);
    return r.rowCount === 1;
  }

  /** The participants present in a call (not removed), oldest first. */
  async presentCallParticipants(callId: string): Promise<CallParticipantRow[]> {
    const r = await this.db.query<{ participant_id: string; aad_object_id: string | null; in_lobby: boolean }>(
      'SELECT participant_id, aad_object_id, in_lobby FROM graph_sandbox.call_participants WHERE call_id = $1 AND removed_at IS NULL ORDER BY added_at, participant_id',
      [callId],
    );
    return r.rows.map((x) => ({ participantId: x.participant_id, ...(x.aad_object_id ? { aadObjectId: x.aad_object_id } : {}), isInLobby: x.in_lobby }));
  }

  /** Marks the participant removed; false when the call has no such present participant. */
  async removeCallParticipant(callId: string, participantId: string, now: string): Promise<boolean> {
    const r = await this.db.query(
      'UPDATE graph_sandbox.call_participants SET removed_at = $3 WHERE call_id = $1 AND participant_id = $2 AND removed_at IS NULL',
      [callId, participantId, now],
    );
    return r.rowCount === 1;
  }

  async listCallParticipants(): Promise<{ callId: string; participantId: string; removedAt: string | null }[]> {
    const r = await this.db.query<{ call_id: string; participant_id: string; removed_at: string | null }>(
      'SELECT call_id, participant_id, removed_at FROM graph_sandbox.call_participants ORDER BY call_id, added_at',
    );
    return r.rows.map((x) => ({ callId: x.call_id, participantId: x.participant_id, removedAt: x.removed_at }));
  }
}

export interface CallParticipantRow {
  participantId: string;
  aadObjectId?: string;
  isInLobby?: boolean;
}

interface EventRow {
  id: string;
  user_key: string;
  body: unknown;
  cancelled: boolean;
}
interface MeetingRow {
  id: string;
  user_key: string;
  event_id: string | null;
  body: unknown;
}
interface MessageRow {
  id: string;
  mailbox: string;
  folder: string;
  kind: string;
  sender: string;
  subject: string;
  received_at: string;
  attachments: unknown;
  body: unknown;
}

const toEvent = (r: EventRow): StoredEvent => ({ id: r.id, userKey: r.user_key, body: asObject(r.body), cancelled: r.cancelled });
const toMeeting = (r: MeetingRow): StoredMeeting => ({ id: r.id, userKey: r.user_key, eventId: r.event_id, body: asObject(r.body) });
