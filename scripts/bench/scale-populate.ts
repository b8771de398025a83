// Fills the real schema (after the real migrations) with a large council's history for
// `npm run bench:scale`, set-based (generate_series) so 100,000 conferences and 2,000,000 audit
// entries load in about a minute. Everything is invented: case references SCL…, people "Invented …",
// addresses @example.invalid; the seeded directory's ids (scripts/graph-sandbox/directory) are the
// clerk, chairs, social workers, professionals and the safeguarding manager on some of them, so
// the product's access rules pick out "their" conferences as in production.
// The audit rows' hashes are filler (sha256 of the seq, each linking to the previous), not HMACs:
// the bench measures reads, and `audit:verify` would (rightly) call this chain edited.
import type { Database } from '../../bot/adapters/store/database';
import { seedPerson } from '../graph-sandbox/directory/seed-people';

export interface ScaleShape {
  conferences: number;
  auditEntries: number;
  /** The first day conferences are spread from, over `years` years (weekdays only). */
  firstDay: string;
  years: number;
  /** The product's "today" in the bench: earlier conferences are held or closed, later ones booked or drafts. */
  today: string;
}

export const SCALE_ID_PREFIX = 'scale-';
/** The conference id of row g (1-based), as the populating SQL writes it. */
export const scaleConferenceId = (g: number): string => `${SCALE_ID_PREFIX}${String(g).padStart(6, '0')}`;

const CLERK = seedPerson('clerk').id;
const CLERK_2 = seedPerson('clerk', 1).id;
const CHAIRS = [seedPerson('chair').id, seedPerson('chair', 1).id];
const SOCIAL_WORKERS = [seedPerson('social-worker').id, seedPerson('social-worker', 1).id];
const POLICE = seedPerson('professional', 0).id;
const HEALTH = seedPerson('professional', 1).id;
const SCHOOL = seedPerson('professional', 2).id;
export const APPROVER = seedPerson('safeguarding-manager').id;
/** The bench's clerk organises every 8th conference (g % 8 = 0); the rest are other clerks'. */
export const BENCH_CLERK = CLERK;

/** Invented ids for the council's other staff (never in the directory: they only fill rows). */
const invented = (kind: number, n: string): string => `5ca1e000-0000-4000-8${kind}00-${n}`;

/** The base rows, one per conference: its date, kind, status and who runs it (a temp table). */
function baseSql(s: ScaleShape): string {
  const days = Math.round(s.years * 365.25);
  return `
CREATE TEMP TABLE scale_base AS
SELECT g,
       '${SCALE_ID_PREFIX}' || lpad(g::text, 6, '0') AS id,
       -- about four conferences per child over the years (ICPC, reviews, core groups), spread in time
       'SCL' || lpad(((g::bigint * 7919) % ${Math.max(1, Math.floor(s.conferences / 4))})::text, 7, '0') AS case_reference,
       (ARRAY['ICPC','ICPC','RCPC','RCPC','CORE_GROUP','CORE_GROUP','CORE_GROUP','CORE_GROUP','CORE_GROUP',
              CASE WHEN g % 20 = 9 THEN 'TRANSFER_IN' ELSE 'PRE_BIRTH' END])[g % 10 + 1] AS kind,
       d - (CASE extract(isodow FROM d) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END) AS day,
       make_time(9 + (g % 6), CASE WHEN g % 2 = 0 THEN 0 ELSE 30 END, 0) AS at_time,
       CASE WHEN g % 8 = 0 THEN '${CLERK}' WHEN g % 8 = 1 THEN '${CLERK_2}'
            ELSE '${invented(1, '')}' || lpad((g % 8)::text, 12, '0') END AS organizer_id,
       CASE WHEN g % 5 < 2 THEN (ARRAY['${CHAIRS[0]}','${CHAIRS[1]}'])[g % 2 + 1]
            ELSE '${invented(2, '')}' || lpad((g % 12)::text, 12, '0') END AS chair_id,
       CASE WHEN g % 7 < 2 THEN (ARRAY['${SOCIAL_WORKERS[0]}','${SOCIAL_WORKERS[1]}'])[g % 2 + 1]
            ELSE '${invented(3, '')}' || lpad((g % 40)::text, 12, '0') END AS social_worker_id
FROM (SELECT g, DATE '${s.firstDay}' + ((g - 1)::bigint * ${days} / ${s.conferences})::int AS d
      FROM generate_series(1, ${s.conferences}) AS g) AS spread;
ALTER TABLE scale_base ADD COLUMN minutes int, ADD COLUMN status text, ADD COLUMN start_ts timestamp;
UPDATE scale_base SET
  minutes = CASE kind WHEN 'ICPC' THEN 120 WHEN 'CORE_GROUP' THEN 60 ELSE 90 END,
  start_ts = day + at_time,
  status = CASE WHEN g % 50 = 0 THEN 'stood-down'
                WHEN day < DATE '${s.today}' - 30 THEN 'closed'
                WHEN day < DATE '${s.today}' THEN 'held'
                WHEN g % 5 = 0 THEN 'draft' ELSE 'booked' END;
CREATE UNIQUE INDEX ON scale_base (g);
ANALYZE scale_base;`;
}

const LOCAL = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI')`;
const INSTANT = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ISO_DAY = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;

function conferencesSql(): string {
  // The anchor each kind is measured from, so that every conference has its statutory deadlines.
  return `
INSERT INTO conferences (id, case_reference, kind, profile_id, start_at, end_at, family_section_start, organizer_id,
                         status, booking_version, extra, version, created_at, updated_at)
SELECT id, case_reference, kind, 'england', ${LOCAL('start_ts')}, ${LOCAL("start_ts + make_interval(mins => minutes)")},
       ${LOCAL("start_ts + interval '45 minutes'")}, organizer_id, status, 1 + g % 3,
       jsonb_strip_nulls(jsonb_build_object(
         'anchors', CASE kind
           WHEN 'ICPC' THEN jsonb_build_object('strategy-discussion', ${ISO_DAY("day - 10")})
           WHEN 'RCPC' THEN jsonb_build_object('icpc', ${ISO_DAY("day - interval '3 months'")})
           WHEN 'CORE_GROUP' THEN jsonb_build_object('icpc', ${ISO_DAY("day - 8")})
           WHEN 'TRANSFER_IN' THEN jsonb_build_object('transfer-decision', ${ISO_DAY("day - 12")})
           ELSE jsonb_build_object('due-date', ${ISO_DAY("day + 60")}) END,
         'booking', jsonb_build_object('chairId', chair_id, 'socialWorkerId', social_worker_id, 'requestedBy', organizer_id,
                                       'durationMinutes', minutes, 'confidentialMinutes', 45),
         'socialWorkReport', CASE WHEN status IN ('held', 'closed') OR g % 3 = 0
           THEN jsonb_build_object('sharedWithFamilyAt', ${INSTANT("day - 4 + time '10:00'")}) END,
         'approvals', CASE
           WHEN status = 'draft' AND g % 125 = 0 THEN jsonb_build_array(jsonb_build_object('id', 'ap-' || g, 'kind', 'late-booking',
             'approverId', '${APPROVER}', 'requestedBy', organizer_id, 'requestedAt', ${INSTANT("day - 20 + time '09:00'")},
             'reason', 'Invented reason for the bench', 'status', 'pending'))
           WHEN g % 40 = 0 THEN jsonb_build_array(jsonb_build_object('id', 'ap-' || g, 'kind', 'late-booking',
             'approverId', '${APPROVER}', 'requestedBy', organizer_id, 'requestedAt', ${INSTANT("day - 20 + time '09:00'")},
             'reason', 'Invented reason for the bench', 'status', 'approved', 'decidedAt', ${INSTANT("day - 19 + time '09:00'")})) END,
         'inviteListVersion', 3)),
       1 + g % 4, start_ts - interval '30 days', start_ts
FROM scale_base;`;
}

/**
 * Eight people a conference: chair, social worker, police, health visitor, school (directory
 * ids where seeded), a GP outside the directory, and two parents with their own join time.
 * Professionals have answered (attending, or not with their report in) once the conference is near.
 */
function inviteesSql(): string {
  const invited = `CASE WHEN b.status = 'draft' THEN 'pending' ELSE 'invited' END`;
  return `
INSERT INTO conference_invitees (conference_id, id, position, role, agency, display_name, email, join_at, interpreter,
                                 status, invited_at, notice, extra)
SELECT b.id, p.inv_id, p.position, p.role, p.agency, 'Invented ' || p.label || ' ' || b.g,
       p.inv_id || '.' || b.g || '@example.invalid',
       CASE WHEN p.family THEN ${LOCAL("b.start_ts + interval '45 minutes'")} END,
       CASE WHEN p.family AND b.g % 17 = 0 THEN '{"language":"Polish","arrangement":"Interpreter joins by phone"}'::jsonb END,
       ${invited},
       CASE WHEN b.status <> 'draft' THEN ${INSTANT("b.day - 12 + time '09:00'")} END,
       CASE WHEN b.status <> 'draft' THEN jsonb_build_object('deadline', ${ISO_DAY("b.day - 3")}, 'met', b.g % 23 <> 0) END,
       jsonb_strip_nulls(jsonb_build_object(
         'directoryId', CASE p.inv_id WHEN 'inv-chair' THEN b.chair_id WHEN 'inv-sw' THEN b.social_worker_id
                          WHEN 'inv-police' THEN '${POLICE}' WHEN 'inv-hv' THEN '${HEALTH}' WHEN 'inv-school' THEN '${SCHOOL}' END,
         'attendance', CASE WHEN p.professional AND b.status <> 'draft' AND (b.g + p.position) % 4 <> 0 THEN jsonb_build_array(jsonb_build_object(
             'answer', CASE WHEN (b.g + p.position) % 5 = 0 THEN 'not-attending' ELSE 'attending' END,
             'at', ${INSTANT("b.day - 8 + time '11:00'")}, 'by', p.inv_id || '-' || b.g, 'via', 'card',
             'reportDueBy', CASE WHEN (b.g + p.position) % 5 = 0 THEN ${ISO_DAY("b.day - 3")} END)) END,
         'report', CASE WHEN p.professional AND b.status IN ('held', 'closed') AND (b.g + p.position) % 3 = 0 THEN jsonb_build_object(
             'driveItemId', 'item-' || b.g || '-' || p.position, 'fileName', 'report.pdf', 'contentType', 'application/pdf',
             'bytes', 120000, 'receivedAt', ${INSTANT("b.day - 4 + time '15:00'")}, 'receivedBy', p.inv_id || '-' || b.g,
             'onTime', (b.g + p.position) % 7 <> 0) END,
         'mail', CASE WHEN p.family AND b.status <> 'draft' THEN jsonb_build_object('bookingVersion', 1 + b.g % 3, 'kind', 'invitation',
             'state', 'sent', 'at', ${INSTANT("b.day - 12 + time '09:05'")}, 'joinAt', ${LOCAL("b.start_ts + interval '45 minutes'")},
             'end', ${LOCAL("b.start_ts + make_interval(mins => b.minutes)")}) END))
FROM scale_base b
CROSS JOIN (VALUES
  (0, 'inv-chair', 'chair', NULL, 'chair', false, false),
  (1, 'inv-sw', 'social-worker', NULL, 'social worker', false, false),
  (2, 'inv-police', 'professional', 'police', 'police officer', false, true),
  (3, 'inv-hv', 'professional', 'health', 'health visitor', false, true),
  (4, 'inv-school', 'professional', 'education', 'teacher', false, true),
  (5, 'inv-gp', 'professional', 'health', 'GP', false, true),
  (6, 'inv-parent-1', 'parent', NULL, 'parent', true, false),
  (7, 'inv-parent-2', 'parent', NULL, 'parent', true, false)
) AS p(position, inv_id, role, agency, label, family, professional);`;
}

function meetingsSql(): string {
  return `
INSERT INTO conference_meetings (conference_id, event_id, transaction_id, join_url, online_meeting_id, options_verified,
                                 option_mismatches, extra)
SELECT id, 'evt-' || id, id || '-v1', 'https://teams.example.invalid/l/meetup-join/' || id, 'om-' || id, true, '[]'::jsonb,
       jsonb_build_object('chatThreadId', '19:meeting_' || id || '@thread.v2', 'syncedBookingVersion', 1 + g % 3)
         || CASE WHEN status = 'stood-down' THEN '{"cancelRequested":true,"cancelled":true}'::jsonb ELSE '{}'::jsonb END
FROM scale_base WHERE status <> 'draft';`;
}

const AUDIT_ACTIONS = ['conference.created', 'booking.meeting-created', 'invitations.sent', 'attendance.answered', 'report.received',
  'reminder.sent', 'meeting.stage-changed', 'decision.recorded'];

function auditSql(s: ScaleShape): string {
  // Entries follow the conferences in time (seq order = conference order), about 20 each.
  return `
INSERT INTO audit_log (seq, at, actor_id, actor_role, action, conference_id, detail, prev_hash, hash)
SELECT seq, ${INSTANT("b.start_ts - interval '20 days' + make_interval(hours => (seq % 20)::int * 12)")},
       b.organizer_id, 'clerk', (ARRAY['${AUDIT_ACTIONS.join("','")}'])[seq % ${AUDIT_ACTIONS.length} + 1], b.id,
       jsonb_build_object('inviteeId', 'inv-' || (seq % 8)),
       CASE WHEN seq = 1 THEN repeat('0', 64) ELSE encode(sha256(('scale-' || (seq - 1))::bytea), 'hex') END,
       encode(sha256(('scale-' || seq)::bytea), 'hex')
FROM generate_series(1, ${s.auditEntries}::bigint) AS seq
JOIN scale_base b ON b.g = 1 + ((seq - 1) * ${s.conferences} / ${s.auditEntries});`;
}

function auditHeadSql(s: ScaleShape): string {
  // The head moves one entry at a time by its trigger; the owner moves it to the filler's end once.
  return `
ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward;
UPDATE audit_head SET seq = ${s.auditEntries}, hash = encode(sha256(('scale-' || ${s.auditEntries})::bytea), 'hex') WHERE id = 1;
ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward;`;
}

export interface PopulateTiming { step: string; ms: number }

/** Runs each step in its own transaction and times it; ANALYZE last, as autovacuum would. */
export async function populateScale(db: Database, s: ScaleShape): Promise<PopulateTiming[]> {
  const steps: [string, string][] = [
    ['conferences', conferencesSql()],
    ['invitees', inviteesSql()],
    ['meetings', meetingsSql()],
    ['audit log', auditSql(s)],
    ['audit head', auditHeadSql(s)],
  ];
  const timings: PopulateTiming[] = [];
  await db.transaction(async (ex) => {
    const t0 = performance.now();
    for (const statement of baseSql(s).split(/;\s*$/m).filter((x) => x.trim())) await ex.query(statement);
    timings.push({ step: 'base rows (temp)', ms: performance.now() - t0 });
    for (const [step, sql] of steps) {
      const t = performance.now();
      for (const statement of sql.split(/;\s*$/m).filter((x) => x.trim())) await ex.query(statement);
      timings.push({ step, ms: performance.now() - t });
    }
    await ex.query('DROP TABLE scale_base');
  });
  const t = performance.now();
  // One statement each: VACUUM cannot run inside the implicit transaction of a multi-statement query.
  for (const table of ['conferences', 'conference_invitees', 'conference_meetings', 'audit_log']) await db.query(`VACUUM ANALYZE ${table}`);
  timings.push({ step: 'vacuum analyze', ms: performance.now() - t });
  return timings;
}
