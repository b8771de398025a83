// Every step's state change, audit entries and clerk alerts commit together or not at all, on the
// real store with the audit log's personal-data guard (PGlite; PostgreSQL on the postgres leg).
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import { addInvitee, standDown } from '../../../bot/app/meetings/change-booking.use-case';
import { sampleConference } from '../../invitations/booking-fakes';
import { BACKENDS } from '../../store/backends';
import { type SqlKit, startSqlKit } from './sql-booking-kit';

describe.each(BACKENDS)('use case steps commit atomically on $name', (backend) => {
  let kit: SqlKit;
  beforeEach(async () => {
    kit = await startSqlKit(backend);
    await kit.deps.store.create(sampleConference());
    await bookMeeting(kit.deps, 'conf-1');
  });
  afterEach(async () => kit.stop());

  it('an audit entry refused by the guard leaves no state change behind; the retry meets the same refusal, not INVITEE.EXISTS', async () => {
    const before = (await kit.deps.store.get('conf-1'))!;
    // An id with a space passes the input schema but not the audit guard (whitespace = free text).
    const input = { id: 'new person', role: 'family-other' as const, displayName: 'Jo Example', email: 'jo@example.org' };
    await expect(addInvitee(kit.deps, 'conf-1', input)).rejects.toMatchObject({ code: 'AUDIT.PERSONAL_DATA_IN_DETAIL' });
    const after = (await kit.deps.store.get('conf-1'))!;
    expect(after.version).toBe(before.version);
    expect(after.bookingVersion).toBe(before.bookingVersion);
    expect(after.invitees.map((i) => i.id)).not.toContain('new person');
    await expect(addInvitee(kit.deps, 'conf-1', input)).rejects.toMatchObject({ code: 'AUDIT.PERSONAL_DATA_IN_DETAIL' });
    expect(kit.deps.mailer.sent.map((m) => m.key)).toEqual(['mum', 'dad']);
  });

  it('a refused clerk alert rolls back the step that raised it, audit entry included', async () => {
    const actions = await kit.actions();
    // The refusal happens in the alert's own guard: a detail key naming personal data.
    const alerts = kit.deps.alerts;
    const refuse = Object.create(alerts) as typeof alerts;
    refuse.alertClerk = (alert, tx) => alerts.alertClerk({ ...alert, detail: { ...alert.detail, parentEmail: 'x' } }, tx);
    kit.deps.mailer.calls = 0;
    kit.deps.mailer.script = [(m) => ({ key: m.key, outcome: 'failed', code: 'MAIL.THROTTLED', status: 429 })];
    const before = (await kit.deps.store.get('conf-1'))!;
    await expect(standDown({ ...kit.deps, alerts: refuse }, 'conf-1', 'NOT_QUORATE')).rejects.toMatchObject({ code: 'AUDIT.PERSONAL_DATA_IN_DETAIL' });
    const after = (await kit.deps.store.get('conf-1'))!;
    // The cancel step committed (its own transaction); the mail-outcome step did not: its
    // 'sending' marks stay, and nothing of it is in the audit log.
    expect(after.status).toBe('stood-down');
    expect(after.meeting!.cancelled).toBe(true);
    expect(after.version).toBeGreaterThan(before.version);
    expect((await kit.actions()).slice(actions.length)).toEqual(['meeting.stood-down', 'meeting.cancelled']);
    expect(await kit.openAlerts()).toEqual([]);
  });

  it('a crash between two steps keeps every committed step with its audit entry, and the rerun resumes', async () => {
    kit.deps.store.saves = 0;
    kit.deps.store.crashOnSave = 2; // the stand-down is saved; the cancel's save crashes
    await expect(standDown(kit.deps, 'conf-1', 'NOT_QUORATE')).rejects.toThrow('CRASH');
    expect((await kit.actions()).slice(-1)).toEqual(['meeting.stood-down']);
    kit.deps.store.crashOnSave = undefined;
    const r = await standDown(kit.deps, 'conf-1', 'NOT_QUORATE');
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect((await kit.actions()).slice(-3)).toEqual(['meeting.stood-down', 'meeting.cancelled', 'invitation.family-mail']);
  });
});
