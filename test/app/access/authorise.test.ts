// The guard on the real SQL audit log (PGlite always; PostgreSQL too under scripts/with-postgres.sh):
// a refusal is appended as 'access.refused' with ids and codes only, then thrown with its code;
// an allowed action appends nothing.
import { ManualClock } from '../../../bot/adapters/clock/manual-clock';
import type { Database } from '../../../bot/adapters/store/database';
import { migrate } from '../../../bot/adapters/store/migrate';
import { SqlAuditLog, verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { AccessRefused, authorise } from '../../../bot/app/access/authorise';
import { HTTP_STATUS } from '../../../bot/adapters/http/http-error-map';
import { INVOKE_ERRORS } from '../../../bot/adapters/teams/invoke-error-map';
import { conferenceWith, viewerFor } from '../../domain/access/access-fixtures';
import { BACKENDS } from '../../store/backends';
import { TEST_AUDIT_KEY } from '../../store/fixtures';

interface Row {
  actor_id: string;
  actor_role: string;
  action: string;
  conference_id: string | null;
  detail: Record<string, unknown>;
}

describe.each(BACKENDS)('authorise on the SQL audit log ($name)', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let audit: SqlAuditLog;
  beforeAll(async () => {
    const fresh = await backend.fresh();
    db = fresh.db;
    drop = fresh.drop;
    await migrate(db);
    audit = new SqlAuditLog(db, new ManualClock('2026-05-20T08:00:00.000Z'), TEST_AUDIT_KEY);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const rows = async () =>
    (await db.query<Row>("SELECT actor_id, actor_role, action, conference_id, detail FROM audit_log WHERE action = 'access.refused' ORDER BY seq")).rows;

  it('allows without an audit entry', async () => {
    await authorise({ audit }, viewerFor('chair'), 'stage.move', conferenceWith());
    await authorise({ audit }, viewerFor('professional'), 'attendance.answer-own', conferenceWith(), { inviteeId: 'inv-police' });
    expect(await rows()).toEqual([]);
  });

  it('audits each refusal with ids and codes only, then throws its code', async () => {
    const conference = conferenceWith();
    const family = viewerFor('family-member');
    const outsider = viewerFor('professional');
    const attempts = [
      () => authorise({ audit }, family, 'reports.read', conference),
      () => authorise({ audit }, outsider, 'conference.read', conferenceWith({ without: ['inv-police'] })),
      () => authorise({ audit }, outsider, 'attendance.answer-own', conference, { inviteeId: 'inv-school' }),
    ];
    const codes: string[] = [];
    for (const attempt of attempts) {
      const err = await attempt().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AccessRefused);
      codes.push((err as AccessRefused).code);
    }
    expect(codes).toEqual(['ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.NOT_OWN_INVITATION']);

    const logged = await rows();
    expect(logged).toEqual([
      {
        actor_id: 'link-inv-parent',
        actor_role: 'family-member',
        action: 'access.refused',
        conference_id: 'conf-access-1',
        detail: { attempted: 'reports.read', code: 'ACCESS.ROLE_NOT_ALLOWED', linkInviteeId: 'inv-parent' },
      },
      {
        actor_id: 'oid-inv-police',
        actor_role: 'professional',
        action: 'access.refused',
        conference_id: 'conf-access-1',
        detail: { attempted: 'conference.read', code: 'ACCESS.NOT_PART_OF_CONFERENCE' },
      },
      {
        actor_id: 'oid-inv-police',
        actor_role: 'professional',
        action: 'access.refused',
        conference_id: 'conf-access-1',
        detail: { attempted: 'attendance.answer-own', code: 'ACCESS.NOT_OWN_INVITATION', inviteeId: 'inv-school' },
      },
    ]);
    // No name, e-mail or case reference of anyone reached the log.
    const json = JSON.stringify(logged).toLowerCase();
    for (const i of conference.invitees) {
      expect(json).not.toContain(i.displayName.toLowerCase());
      expect(json).not.toContain(i.email.toLowerCase());
    }
    expect(json).not.toContain('cp-test-0001');
    expect((await verifyAuditChain(db, TEST_AUDIT_KEY)).ok).toBe(true);
  });

  it('a council action refused without a conference is audited with no conference id', async () => {
    const before = (await rows()).length;
    await expect(authorise({ audit }, viewerFor('family-member'), 'people.search')).rejects.toMatchObject({ code: 'ACCESS.ROLE_NOT_ALLOWED' });
    const after = await rows();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ conference_id: null, detail: { attempted: 'people.search' } });
  });

  it('the edges: refused is 403, not part of it is 404 and reads as a missing conference on a card', () => {
    expect(HTTP_STATUS['ACCESS.ROLE_NOT_ALLOWED']).toBe(403);
    expect(HTTP_STATUS['ACCESS.NOT_OWN_INVITATION']).toBe(403);
    expect(HTTP_STATUS['ACCESS.NOT_PART_OF_CONFERENCE']).toBe(404);
    expect(HTTP_STATUS['ACCESS.NOT_PART_OF_CONFERENCE']).toBe(HTTP_STATUS['CONFERENCE.NOT_FOUND']);
    expect(INVOKE_ERRORS['ACCESS.NOT_PART_OF_CONFERENCE']).toEqual(INVOKE_ERRORS['CONFERENCE.NOT_FOUND']);
  });
});
