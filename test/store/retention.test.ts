// The retention run on both back ends (PGlite; PostgreSQL when TEST_DATABASE_URL is set), with the
// manual clock and the real Graph adapter on the local sandbox's document library: what has expired
// is deleted, what has not stays, each deletion has its audit entry (ids and counts only), the
// chain still verifies, and a second run deletes nothing more and writes nothing.
import { migrate } from '../../bot/adapters/store/migrate';
import { verifyAuditChain } from '../../bot/adapters/store/sql-audit-log';
import { SqlRetentionStore } from '../../bot/adapters/store/sql-retention.store';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import { runRetention, type RetentionDeps } from '../../bot/app/retention/run-retention.use-case';
import type { Conference } from '../../bot/domain/conference/conference';
import { DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { sqlBookingDeps } from '../graph/sql-booking-deps';
import { BACKENDS } from './backends';
import { sampleConference, TEST_AUDIT_KEY } from './fixtures';

const HOUR = 3_600_000;
const POLICY = { idempotencyHours: 72, reportFileDays: 30, conferenceYears: 26 };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({}, { reportsDriveId: DEFAULT_DRIVE.id, timeoutMs: 60_000 });
}, 60_000);
afterAll(() => harness?.stop());

function conference(id: string, caseReference: string, day: string): Omit<Conference, 'version'> {
  const c = sampleConference(id);
  return { ...c, caseReference, start: `${day}T10:00`, end: `${day}T12:00`, familySectionStart: `${day}T10:45`, status: 'held' };
}

describe.each(BACKENDS)('retention on $name', (backend) => {
  let fresh: Awaited<ReturnType<typeof backend.fresh>>;
  let deps: RetentionDeps & ReturnType<typeof sqlBookingDeps>;

  beforeAll(async () => {
    fresh = await backend.fresh();
    await migrate(fresh.db);
    deps = { ...sqlBookingDeps(harness, fresh.db), reports: harness.graph.reports, retention: new SqlRetentionStore(fresh.db) };
  }, 60_000);
  afterAll(async () => {
    await fresh?.db.close();
    await fresh?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await fresh.db.query<{ n: string }>(sql, params)).rows[0]!.n);
  const auditRows = async () => (await fresh.db.query<{ action: string; conference_id: string | null; detail: string }>('SELECT action, conference_id, detail::text AS detail FROM audit_log ORDER BY seq')).rows;

  /** A report from the police invitee, stored in the sandbox's library for real. */
  async function withReport(c: Omit<Conference, 'version'>, fileName: string): Promise<Omit<Conference, 'version'>> {
    const stored = await harness.graph.reports.upload({ caseReference: c.caseReference, fileName, content: Buffer.from('%PDF-1.4 invented test report') });
    const invitees = c.invitees.map((i) =>
      i.id === 'inv-police'
        ? { ...i, report: { driveItemId: stored.driveItemId, fileName: 'Police report.pdf', contentType: 'application/pdf', bytes: stored.bytes, receivedAt: `${c.start.slice(0, 10)}T08:00:00.000Z`, receivedBy: 'police-officer', onTime: true, sharedWith: { 'inv-chair': 'perm-1' } } }
        : i,
    );
    return { ...c, invitees };
  }

  test('deletes what has expired, keeps the rest, audits each deletion; a second run deletes nothing', async () => {
    deps.clock.set('2053-06-10T10:00:00.000Z');
    const uow = new SqlUnitOfWork(fresh.db);
    // Case A: its last conference ended before 10 June 2027 (26 years): deleted whole.
    // Case B: one conference as old, but another after the cut-off: kept whole.
    // Case C: reports 40 days (file deleted) and 10 days (kept) after their conferences.
    const seeds = [
      conference('conf-a1', 'CP-2026-0001', '2026-06-01'),
      conference('conf-a2', 'CP-2026-0001', '2027-06-09'),
      conference('conf-b1', 'CP-2026-0002', '2026-06-01'),
      conference('conf-b2', 'CP-2026-0002', '2027-06-11'),
      await withReport(conference('conf-c1', 'CP-2053-0003', '2053-05-01'), 'CP-2053-0003 police report inv-police.pdf'),
      await withReport(conference('conf-c2', 'CP-2053-0004', '2053-05-31'), 'CP-2053-0004 police report inv-police.pdf'),
    ];
    for (const c of seeds) {
      await uow.run(async (tx) => {
        await deps.store.create(c, tx);
        await deps.audit.append({ actorId: 'system', actorRole: 'system', action: 'test.seeded', conferenceId: c.id, detail: {} }, tx);
      });
    }
    await deps.alerts.alertClerk({ conferenceId: 'conf-a1', code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'warning', detail: {} });
    await deps.alerts.alertClerk({ conferenceId: 'conf-b1', code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'warning', detail: {} });
    for (const [key, hoursAgo] of [['activity:old', 100], ['activity:young', 1]] as const) {
      const at = new Date(deps.clock.now().getTime() - hoursAgo * HOUR).toISOString();
      await fresh.db.query(`INSERT INTO idempotency_keys (key, state, claim_token, claimed_at, completed_at, response) VALUES ($1, 'done', 't', $2, $2, '{}'::jsonb)`, [key, at]);
    }
    const entriesBefore = (await auditRows()).length;

    expect(await runRetention(deps, POLICY)).toEqual({ idempotencyKeys: 1, reportFiles: 1, reportFilesFailed: 0, conferences: 2 });

    // conferences: case A gone with its invitees, meeting and alerts; B and C whole
    for (const id of ['conf-a1', 'conf-a2']) expect(await deps.store.get(id)).toBeNull();
    for (const id of ['conf-b1', 'conf-b2', 'conf-c1', 'conf-c2']) expect(await deps.store.get(id)).not.toBeNull();
    expect(await count("SELECT count(*)::text AS n FROM conference_invitees WHERE conference_id LIKE 'conf-a%'")).toBe(0);
    expect(await count("SELECT count(*)::text AS n FROM conference_meetings WHERE conference_id LIKE 'conf-a%'")).toBe(0);
    expect(await count('SELECT count(*)::text AS n FROM clerk_alerts')).toBe(1);
    // report files: the old one gone from the library and marked, the young one there and untouched
    expect(await harness.graph.reports.find('CP-2053-0003', 'CP-2053-0003 police report inv-police.pdf')).toBeNull();
    expect(await harness.graph.reports.find('CP-2053-0004', 'CP-2053-0004 police report inv-police.pdf')).not.toBeNull();
    const c1 = (await deps.store.get('conf-c1'))!.invitees.find((i) => i.id === 'inv-police')!.report!;
    expect(c1).toMatchObject({ fileDeletedAt: '2053-06-10T10:00:00.000Z', sharedWith: {}, receivedAt: '2053-05-01T08:00:00.000Z', onTime: true });
    expect((await deps.store.get('conf-c2'))!.invitees.find((i) => i.id === 'inv-police')!.report!.fileDeletedAt).toBeUndefined();
    // idempotency: the 100-hour-old key gone
    expect((await fresh.db.query<{ key: string }>('SELECT key FROM idempotency_keys')).rows.map((r) => r.key)).toEqual(['activity:young']);

    // the audit log: every earlier entry kept (case A's too), one entry per deletion, ids and counts only
    const rows = await auditRows();
    expect(rows.filter((r) => r.conference_id === 'conf-a1').map((r) => r.action)).toEqual(['test.seeded', 'alert.raised']);
    const added = rows.slice(entriesBefore).map((r) => ({ action: r.action, conferenceId: r.conference_id, detail: JSON.parse(r.detail) as unknown }));
    expect(added).toEqual([
      { action: 'retention.idempotency-purged', conferenceId: null, detail: { deleted: 1, before: '2053-06-07T10:00:00.000Z', retentionHours: 72 } },
      { action: 'report.file-deleted', conferenceId: 'conf-c1', detail: { inviteeId: 'inv-police', alreadyGone: false, retentionDays: 30 } },
      { action: 'retention.conferences-deleted', conferenceId: null, detail: { deleted: 2, cases: 1, conferenceIds: ['conf-a1', 'conf-a2'], endedBefore: '2027-06-10', retentionYears: 26 } },
    ]);
    expect(JSON.stringify(added)).not.toMatch(/Casey|Alex|Pat|@|Police report/);
    const verdict = await verifyAuditChain(fresh.db, TEST_AUDIT_KEY);
    expect(verdict).toMatchObject({ ok: true, entries: rows.length });

    // again, and a day later: nothing more is due
    expect(await runRetention(deps, POLICY)).toEqual({ idempotencyKeys: 0, reportFiles: 0, reportFilesFailed: 0, conferences: 0 });
    deps.clock.advance(24 * HOUR);
    expect(await runRetention(deps, POLICY)).toEqual({ idempotencyKeys: 0, reportFiles: 0, reportFilesFailed: 0, conferences: 0 });
    expect((await auditRows()).length).toBe(rows.length);
    expect(await verifyAuditChain(fresh.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  }, 120_000);

  test('off by default: with report files and conference data kept, only idempotency keys are purged', async () => {
    deps.clock.set('2100-01-01T10:00:00.000Z');
    const before = await count('SELECT count(*)::text AS n FROM conferences');
    expect(await runRetention(deps, { idempotencyHours: 72, reportFileDays: null, conferenceYears: null })).toEqual({ idempotencyKeys: 1, reportFiles: 0, reportFilesFailed: 0, conferences: 0 });
    expect(await count('SELECT count(*)::text AS n FROM conferences')).toBe(before);
    expect(await harness.graph.reports.find('CP-2053-0004', 'CP-2053-0004 police report inv-police.pdf')).not.toBeNull();
  }, 60_000);
});
