// The whole reminder cycle in one process on the real store (PGlite; PostgreSQL on its leg):
// scheduled in the booking's step, fired once at its London time by the worker (ManualClock), not
// again after a restart, not at all when its task is done, the conference stood down or moved.
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { SqlRemindersSent } from '../../../bot/adapters/store/sql-reminders-sent';
import { JOB_KINDS as ALL_KINDS } from '../../../bot/app/jobs/job-kinds';
/** The reminder kind alone: these tests run only the reminder handler. */
const JOB_KINDS = { [REMINDER_JOB_KIND]: ALL_KINDS[REMINDER_JOB_KIND] };
import { JobWorker } from '../../../bot/app/jobs/job-worker';
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import { addInvitee, rescheduleMeeting, standDown } from '../../../bot/app/meetings/change-booking.use-case';
import { REMINDER_JOB_KIND } from '../../../bot/app/reminders/reminder-job';
import { type ReminderHandlerDeps, reminderJobHandler } from '../../../bot/app/reminders/send-reminder.handler';
import { BACKENDS } from '../../store/backends';
import { type SqlKit, startSqlKit } from '../meetings/sql-booking-kit';
import { RecordingNotifier } from './support/recording-notifier';
import { IDS, reminderConference } from './support/reminder-fixture';

describe.each(BACKENDS)('reminders end to end on $name', (backend) => {
  let kit: SqlKit;
  let jobs: SqlJobQueue;
  let notifier: RecordingNotifier;
  let remindersSent: SqlRemindersSent;
  let deps: ReminderHandlerDeps & SqlKit['deps'] & { jobs: SqlJobQueue };
  let worker: JobWorker<typeof JOB_KINDS>;

  const newWorker = (holder = 'w1') =>
    new JobWorker({ ledger: jobs, uow: deps.uow, kinds: JOB_KINDS, holder, handlers: { [REMINDER_JOB_KIND]: reminderJobHandler(deps) }, batchSize: 50 });

  // One database for the file (migrations are the slow part); each test its own conference.
  let n = 0;
  let id = '';
  beforeAll(async () => {
    kit = await startSqlKit(backend);
  });
  beforeEach(async () => {
    kit.reset();
    await kit.db.exec('DELETE FROM jobs; DELETE FROM reminders_sent;');
    jobs = new SqlJobQueue(kit.db, kit.deps.clock, JOB_KINDS, { leaseMs: 60_000, backoffMs: 1_000, maxAttempts: 3 });
    notifier = new RecordingNotifier();
    remindersSent = new SqlRemindersSent(kit.db);
    deps = Object.assign(kit.deps, { jobs, notifier, remindersSent });
    id = `conf-${++n}`;
    await kit.deps.store.create(reminderConference(id));
    worker = newWorker();
  });
  afterEach(async () => worker.close());
  afterAll(async () => kit.stop());

  const jobRows = async () =>
    (
      await kit.db.query<{ dedup_key: string; run_at: Date | string; status: string; last_error: string | null }>(
        'SELECT dedup_key, run_at, status, last_error FROM jobs ORDER BY run_at, dedup_key',
      )
    ).rows.map((r) => ({ key: r.dedup_key, runAt: new Date(r.run_at).toISOString(), status: r.status, error: r.last_error }));
  const sentTo = () => notifier.sent.map((s) => s.personId);
  const at = (iso: string) => kit.deps.clock.set(iso);

  it('booking enqueues every reminder in its own step, at its London time', async () => {
    await bookMeeting(deps, id);
    expect((await jobRows()).map((j) => [j.key, j.runAt, j.status])).toEqual([
      // the family's e-mails go out in a later step of the booking: at this step they are pending
      [`${id}:T7:${IDS.clerk}:v1`, '2026-12-01T09:00:00.000Z', 'pending'],
      [`${id}:T9:${IDS.police}:v1`, '2026-12-04T09:00:00.000Z', 'pending'],
      [`${id}:T9:${IDS.school}:v1`, '2026-12-04T09:00:00.000Z', 'pending'],
      [`${id}:T10:${IDS.sw}:v1`, '2026-12-07T09:00:00.000Z', 'pending'],
      [`${id}:T10b:${IDS.sw}:v1`, '2026-12-08T09:00:00.000Z', 'pending'],
      [`${id}:T11:${IDS.chair}:v1`, '2026-12-08T09:00:00.000Z', 'pending'],
      [`${id}:T11:${IDS.clerk}:v1`, '2026-12-08T09:00:00.000Z', 'pending'],
      [`${id}:T24:${IDS.sw}:v1`, '2026-12-10T09:15:00.000Z', 'pending'],
    ]);
    // running the booking again (a resumed run) queues nothing twice
    await bookMeeting(deps, id);
    expect(await jobRows()).toHaveLength(8);
  });

  it('a booking step that fails leaves no reminder behind', async () => {
    kit.deps.store.crashOnSave = 1;
    await expect(bookMeeting(deps, id)).rejects.toThrow('CRASH');
    expect(await jobRows()).toEqual([]);
  });

  it('fires once at its time, not before, not again, not after a restart of the worker', async () => {
    await bookMeeting(deps, id);
    // T7 on 1 Dec: by then every invitation has gone, so it does nothing
    at('2026-12-01T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(1);
    expect(notifier.sent).toEqual([]);
    expect(await kit.auditDetails('reminder.skipped', id)).toEqual([expect.objectContaining({ reminder: 'T7', reason: 'not-needed' })]);
    at('2026-12-04T08:59:59.999Z');
    expect(await worker.runOnce()).toBe(0);
    at('2026-12-04T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(2);
    expect(sentTo().sort()).toEqual([IDS.police, IDS.school]);
    const card = JSON.stringify(notifier.sent[0]!.card);
    expect(card).toContain('CP-2026-0042');
    expect(card).toContain('end of Monday 7 December 2026');
    expect(card).toContain('agency reports reach the convening team at least 3 working days before');
    for (const i of reminderConference().invitees) expect(card).not.toContain(i.displayName);
    expect(await worker.runOnce()).toBe(0);
    await worker.close();
    worker = newWorker('w2');
    at('2026-12-05T12:00:00.000Z');
    expect(await worker.runOnce()).toBe(0);
    expect(notifier.sent).toHaveLength(2);
    const sentRows = await kit.db.query<{ n: string }>("SELECT count(*)::text AS n FROM reminders_sent WHERE reminder = 'T9'");
    expect(sentRows.rows[0]!.n).toBe('2');
    const audited = await kit.auditDetails('reminder.sent', id);
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ reminder: 'T9', rule: 'T9', recipientRole: 'professional', bookingVersion: 1, fireAt: '2026-12-04T09:00', deadline: '2026-12-07', attempt: 1, alreadyRecorded: false });
    // the rest follow, each once
    // the rest follow, each once at its own time
    at('2026-12-07T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(1);
    at('2026-12-08T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(3);
    at('2026-12-10T09:15:00.000Z');
    expect(await worker.runOnce()).toBe(1);
    const later = sentTo().slice(2);
    expect([later[0], later.slice(1, 4).sort(), later[4]]).toEqual([IDS.sw, [IDS.chair, IDS.clerk, IDS.sw], IDS.sw]);
    expect((await jobRows()).every((j) => j.status === 'done')).toBe(true);
  });

  it('a reminder whose deadline passed while the bot was down is dropped, not sent late', async () => {
    await bookMeeting(deps, id);
    at('2026-12-10T09:45:00.000Z'); // the briefing starts: even T24 is too late
    expect(await worker.runOnce()).toBe(8);
    expect(sentTo()).toEqual([]);
    const reasons = ((await kit.auditDetails('reminder.skipped', id)) as { reason: string }[]).map((d) => d.reason);
    expect(reasons.sort()).toEqual(['deadline-passed', 'deadline-passed', 'deadline-passed', 'deadline-passed', 'deadline-passed', 'deadline-passed', 'deadline-passed', 'not-needed']);
  });

  it('not at all when the task is done by then: the report arrived, the report was shared', async () => {
    await bookMeeting(deps, id);
    const c = (await kit.deps.store.get(id))!;
    const report = { driveItemId: 'drv-1', fileName: 'report.pdf', contentType: 'application/pdf', bytes: 100, receivedAt: '2026-12-01T10:00:00.000Z', receivedBy: IDS.police, onTime: true };
    await kit.deps.store.save({
      ...c,
      invitees: c.invitees.map((i) => (i.id === 'p-police' ? { ...i, report } : i)),
      socialWorkReport: { sharedWithFamilyAt: '2026-12-03T10:00:00.000Z' },
    });
    at('2026-12-07T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(4);
    expect(sentTo()).toEqual([IDS.school]);
    const skipped = (await kit.auditDetails('reminder.skipped', id)) as { reminder: string; reason: string }[];
    expect(skipped.map((d) => `${d.reminder}:${d.reason}`).sort()).toEqual(['T10:not-needed', 'T7:not-needed', 'T9:not-needed']);
  });

  it('not at all once stood down, and a reschedule replaces the old version with reminders at the new times', async () => {
    await bookMeeting(deps, id);
    await rescheduleMeeting(deps, id, { start: '2026-12-17T10:00', end: '2026-12-17T12:00' });
    // the old version's T9 (4 Dec) does nothing; the new one is due Fri 11 Dec
    at('2026-12-04T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(3);
    expect(notifier.sent).toEqual([]);
    expect(new Set((await kit.auditDetails('reminder.skipped', id)).map((d) => (d as { reason: string }).reason))).toEqual(new Set(['superseded']));
    at('2026-12-11T09:00:00.000Z');
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(2);
    expect(sentTo().sort()).toEqual([IDS.police, IDS.school]);

    await standDown(deps, id, 'NOT_QUORATE');
    at('2026-12-17T12:00:00.000Z');
    await worker.runOnce();
    expect(notifier.sent).toHaveLength(2);
    expect((await jobRows()).filter((j) => j.status !== 'done')).toEqual([]);
  });

  it('a new booking version for an unchanged reminder does not send it a second time', async () => {
    await bookMeeting(deps, id);
    at('2026-12-04T09:00:00.000Z');
    await worker.runOnce();
    expect(notifier.sent).toHaveLength(2);
    // adding someone bumps the booking version: new jobs for the same reminders at the same times
    await addInvitee(deps, id, { id: 'p-health', role: 'professional', agency: 'health', displayName: 'Invented Visitor', email: 'visitor@health.example' });
    expect((await jobRows()).filter((j) => j.key.endsWith(':v2')).length).toBeGreaterThan(0);
    await worker.runOnce();
    expect(notifier.sent).toHaveLength(2);
    // (the T7 job of version 1 ran at 4 Dec too: nothing was pending)
    expect((await kit.auditDetails('reminder.skipped', id)).map((d) => (d as { reason: string }).reason)).toEqual(['not-needed', 'already-sent', 'already-sent']);
  });

  it('NO_CONVERSATION fails the job for good and alerts the clerk; UNAVAILABLE retries after the back-off', async () => {
    await bookMeeting(deps, id);
    at('2026-12-04T09:00:00.000Z');
    notifier.failures = ['NOTIFY.NO_CONVERSATION', 'NOTIFY.UNAVAILABLE'];
    expect(await worker.runOnce()).toBe(3);
    expect(notifier.sent).toEqual([]);
    const rows = (await jobRows()).filter((j) => j.key.includes(':T9:'));
    expect(rows.map((j) => [j.status, j.error]).sort()).toEqual([
      ['failed', 'NOTIFY.NO_CONVERSATION'],
      ['pending', 'NOTIFY.UNAVAILABLE'],
    ]);
    expect((await kit.openAlerts(id)).map((a) => [a.code, (a.detail as { reminder: string }).reminder])).toEqual([['REMINDER.NOT_DELIVERED', 'T9']]);
    expect(await kit.actions(id)).toContain('reminder.undeliverable');
    expect(await worker.runOnce()).toBe(0); // backing off
    kit.deps.clock.advance(1_000);
    expect(await worker.runOnce()).toBe(1);
    expect(notifier.sent).toHaveLength(1);
    expect((await kit.auditDetails('reminder.sent', id))[0]).toMatchObject({ attempt: 2 });
  });

  it('the sent record is one per job, per dedup key and per reminder to one person at one instant', async () => {
    const base = { jobId: '1', dedupKey: `${id}:T9:dir-x:v1`, conferenceId: id, reminder: 'T9', recipient: 'dir-x', bookingVersion: 1, fireAt: new Date('2026-12-04T09:00:00.000Z'), sentAt: new Date(), conversationId: 'a:1', activityId: 'act-1' };
    const record = (r: typeof base) => deps.uow.run((tx) => remindersSent.record(r, tx));
    expect(await record(base)).toBe(true);
    expect(await record({ ...base, jobId: '2' })).toBe(false); // same dedup key
    expect(await record({ ...base, jobId: '3', dedupKey: `${id}:T9:dir-x:v2`, bookingVersion: 2 })).toBe(false); // same reminder, person, instant
    expect(await record({ ...base, jobId: '1', dedupKey: `${id}:T9:dir-y:v1`, recipient: 'dir-y' })).toBe(false); // same job
    expect(await record({ ...base, jobId: '4', dedupKey: `${id}:T9:dir-x:v3`, bookingVersion: 3, fireAt: new Date('2026-12-11T09:00:00.000Z') })).toBe(true); // moved: a new reminder
    expect(await remindersSent.wasSent({ dedupKey: 'other', conferenceId: id, reminder: 'T9', recipient: 'dir-x', fireAt: base.fireAt })).toBe(true);
    expect(await remindersSent.wasSent({ dedupKey: 'other', conferenceId: id, reminder: 'T10', recipient: 'dir-x', fireAt: base.fireAt })).toBe(false);
    // an address never reaches the table
    await expect(record({ ...base, jobId: '5', dedupKey: 'k5', recipient: 'someone@council.example' })).rejects.toThrow();
  });

  it('the one window: a crash after the post and before the commit sends it again, once; a failure before the post sends nothing', async () => {
    await bookMeeting(deps, id);
    at('2026-12-01T09:00:00.000Z');
    expect(await worker.runOnce()).toBe(1); // T7: nothing pending
    at('2026-12-04T09:00:00.000Z');
    const record = remindersSent.record.bind(remindersSent);
    let crashes = 1;
    remindersSent.record = async (r, tx) => {
      if (crashes-- > 0) throw new Error('CRASH between the post and the commit');
      return record(r, tx);
    };
    const get = kit.deps.store.get.bind(kit.deps.store);
    let readFailures = 1;
    kit.deps.store.get = async (...args) => {
      if (readFailures-- > 0) throw new Error('database unreachable');
      return get(...args);
    };
    expect(await worker.runOnce()).toBe(2);
    // one job failed before its post, the other after it: only the second reached Teams
    expect(notifier.sent).toHaveLength(1);
    expect((await jobRows()).filter((j) => j.key.includes(':T9:')).map((j) => j.status)).toEqual(['pending', 'pending']);
    expect(await kit.db.query('SELECT 1 FROM reminders_sent')).toMatchObject({ rowCount: 0 });
    kit.deps.clock.advance(1_000);
    expect(await worker.runOnce()).toBe(2);
    // both delivered; the one caught in the window twice, the other once
    expect(sentTo().sort()).toEqual([IDS.police, IDS.school, notifier.sent[0]!.personId].sort());
    expect(notifier.sent).toHaveLength(3);
    expect(await kit.db.query('SELECT 1 FROM reminders_sent')).toMatchObject({ rowCount: 2 });
    expect(await worker.runOnce()).toBe(0);
  });
});
