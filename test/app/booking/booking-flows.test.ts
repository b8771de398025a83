// The booking use cases on the real SQL store (PGlite) and the real Graph adapter against the
// sandbox, where Graph fails at the worst moment: an approval's follow-up (the booking, the
// stand-down) stops half-way, the decision stands, and the step resumes on its own request
// without a second event. Also: a refused stand-down changes nothing; a draft reschedules in place.
import { HmacLinkSigner, linkKeyFrom } from '../../../bot/adapters/links/hmac-link-signer';
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlConferenceLookup } from '../../../bot/adapters/store/sql-conference-lookup';
import { SqlLiveMeetingStore } from '../../../bot/adapters/store/sql-live-meeting.store';
import { SqlCoreGroupStore } from '../../../bot/adapters/store/sql-core-group.store';
import { SqlStaffRoles } from '../../../bot/adapters/store/sql-staff-roles';
import { SqlRemindersSent } from '../../../bot/adapters/store/sql-reminders-sent';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import type { Database } from '../../../bot/adapters/store/database';
import type { AppDeps } from '../../../bot/app/app-deps';
import { decideApproval, listPendingApprovals } from '../../../bot/app/booking/approvals.use-case';
import { confirmBooking } from '../../../bot/app/booking/confirm-booking.use-case';
import { createConference } from '../../../bot/app/booking/create-conference.use-case';
import { rescheduleConference } from '../../../bot/app/booking/reschedule-conference.use-case';
import { requestStandDown } from '../../../bot/app/booking/stand-down.use-case';
import { JOB_KINDS } from '../../../bot/app/jobs/job-kinds';
import { type Meetings, MeetingsError } from '../../../bot/app/ports/meetings.port';
import { seedPerson } from '../../../scripts/graph-sandbox/directory/seed-people';
import { type Harness, startHarness } from '../../graph/sandbox-harness';
import { auditActions, type SqlBookingDeps, sqlBookingDeps } from '../../graph/sql-booking-deps';
import { TEST_AUDIT_KEY } from '../../store/fixtures';
import { RecordingNotifier } from '../../support/recording-notifier';
import { StaticDirectory } from '../../support/static-directory';

jest.setTimeout(60_000);

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const TEAM_MANAGER = seedPerson('team-manager');
const SAFEGUARDING = seedPerson('safeguarding-manager');

let db: Database;
let h: Harness;
let base: SqlBookingDeps;
/** Graph calls to fail once with GRAPH.UNAVAILABLE, by method name (a double only for the outage). */
const failOnce = new Set<keyof Meetings>();
let deps: AppDeps;

beforeAll(async () => {
  db = await openDatabase({ dataDir: ':memory:' });
  await migrate(db);
  h = await startHarness({ db });
  base = sqlBookingDeps(h, db);
  base.clock.set('2026-12-14T09:00:00.000Z');
  const real = h.graph.meetings;
  const meetings = new Proxy(real, {
    get(target, prop: keyof Meetings) {
      const fn = target[prop] as (...a: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        if (failOnce.delete(prop)) throw new MeetingsError('GRAPH.UNAVAILABLE', `injected outage on ${String(prop)}`, 503);
        return fn.apply(target, args);
      };
    },
  });
  deps = {
    ...base,
    meetings,
    profileId: 'england',
    directory: new StaticDirectory(),
    jobs: new SqlJobQueue(db, base.clock, JOB_KINDS),
    notifier: new RecordingNotifier(),
    links: new HmacLinkSigner(linkKeyFrom(TEST_AUDIT_KEY)),
    publicBaseUrl: 'https://bot.invalid',
    remindersSent: new SqlRemindersSent(db),
    reports: h.graph.reports,
    lookup: new SqlConferenceLookup(db),
    live: new SqlLiveMeetingStore(db),
    coreGroups: new SqlCoreGroupStore(db),
    staffRoles: new SqlStaffRoles(db, base.audit, base.clock),
  };
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await db?.close();
});

const request = {
  kind: 'ICPC', caseReference: 'MOS3456789', anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id,
  date: '2027-01-06', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
};
const events = async () => (await h.state()).events;

it('a late booking approved while Graph is down: the decision stands, confirm books it once', async () => {
  const created = await createConference(deps, CLERK.id, { ...request, date: '2027-01-08', lateReason: 'Chair on leave', managerId: TEAM_MANAGER.id });
  const approvalId = created.pendingApprovals[0]!.id;
  expect(await listPendingApprovals(deps, TEAM_MANAGER.id)).toEqual([expect.objectContaining({ conferenceId: created.conference.id })]);
  const before = (await events()).length;
  failOnce.add('createEvent');
  const decided = await decideApproval(deps, TEAM_MANAGER.id, created.conference.id, approvalId, { decision: 'approve' });
  expect(decided.followUp).toEqual({ kind: 'failed', code: 'GRAPH.UNAVAILABLE' });
  expect((await base.store.get(created.conference.id))!).toMatchObject({ status: 'draft', approvals: [expect.objectContaining({ status: 'approved' })] });
  expect(await listPendingApprovals(deps, TEAM_MANAGER.id)).toEqual([]);

  const booked = await confirmBooking(deps, CLERK.id, created.conference.id);
  expect(booked.conference.status).toBe('booked');
  expect((await events()).length).toBe(before + 1);
  const again = await confirmBooking(deps, CLERK.id, created.conference.id);
  expect(again.conference.meeting!.eventId).toBe(booked.conference.meeting!.eventId);
  expect((await events()).length).toBe(before + 1);
});

it('a stand-down approved while the cancel fails: stood down with the cancel pending; asking again finishes it, once', async () => {
  const created = await createConference(deps, CLERK.id, request);
  const booked = await confirmBooking(deps, CLERK.id, created.conference.id);
  const asked = await requestStandDown(deps, CLERK.id, booked.conference.id, { reason: 'family-cannot-attend', rationale: 'Parents in hospital', managerId: SAFEGUARDING.id });
  expect(asked.kind).toBe('requested');
  if (asked.kind !== 'requested') return;
  failOnce.add('cancelEvent');
  const decided = await decideApproval(deps, SAFEGUARDING.id, booked.conference.id, asked.approval.id, { decision: 'approve', note: 'Agreed' });
  expect(decided.followUp).toEqual({ kind: 'failed', code: 'GRAPH.UNAVAILABLE' });
  const mid = (await base.store.get(booked.conference.id))!;
  // standDown marked it stood down and the cancel as requested before Graph failed.
  expect(mid).toMatchObject({ status: 'stood-down', standDown: { reason: 'family-cannot-attend', approvalId: asked.approval.id }, meeting: { cancelRequested: true } });
  expect(mid.meeting!.cancelled).toBeUndefined();
  const event = () => events().then((all) => all.find((e) => e.id === booked.conference.meeting!.eventId)!);
  expect((await event()).cancelled).toBe(false);

  const resumed = await requestStandDown(deps, CLERK.id, booked.conference.id, { reason: 'family-cannot-attend', rationale: 'Parents in hospital', managerId: SAFEGUARDING.id });
  expect(resumed.kind).toBe('resumed');
  expect(resumed.conference.meeting!.cancelled).toBe(true);
  expect((await event()).cancelled).toBe(true);
  // Asked once more, it is done: nothing is cancelled twice.
  const cancels = () => h.graphRequests().filter((r) => r.path.endsWith('/cancel')).length;
  const n = cancels();
  await requestStandDown(deps, CLERK.id, booked.conference.id, { reason: 'family-cannot-attend', rationale: 'Parents in hospital', managerId: SAFEGUARDING.id });
  expect(cancels()).toBe(n);
  expect(await auditActions(base, booked.conference.id)).toEqual(expect.arrayContaining(['stand-down.requested', 'approval.decided', 'meeting.stood-down']));
});

it('a refused stand-down drops the request and changes nothing else; a new request can follow', async () => {
  const created = await createConference(deps, CLERK.id, request);
  const booked = await confirmBooking(deps, CLERK.id, created.conference.id);
  const asked = await requestStandDown(deps, CLERK.id, booked.conference.id, { reason: 'unforeseen', rationale: 'Chair unwell', managerId: SAFEGUARDING.id });
  if (asked.kind !== 'requested') throw new Error('expected a request');
  const decided = await decideApproval(deps, SAFEGUARDING.id, booked.conference.id, asked.approval.id, { decision: 'refuse', note: 'Find a cover chair' });
  expect(decided.followUp).toEqual({ kind: 'none' });
  const c = (await base.store.get(booked.conference.id))!;
  expect(c.status).toBe('booked');
  expect(c.standDown).toBeUndefined();
  expect(c.approvals!.find((a) => a.id === asked.approval.id)).toMatchObject({ status: 'refused', note: 'Find a cover chair' });
  const second = await requestStandDown(deps, CLERK.id, booked.conference.id, { reason: 'unforeseen', rationale: 'Chair unwell', managerId: SAFEGUARDING.id });
  expect(second.kind).toBe('requested');
});

it('a draft reschedules in place (no Graph call), audited; the store lists it by its new date', async () => {
  const created = await createConference(deps, CLERK.id, request);
  const moved = await rescheduleConference(deps, CLERK.id, created.conference.id, { date: '2027-01-05', startTime: '14:00', durationMinutes: 60, confidentialMinutes: 0 }, created.conference.version);
  expect(moved.sync).toBeUndefined();
  expect(moved.conference).toMatchObject({ start: '2027-01-05T14:00', end: '2027-01-05T15:00', booking: expect.objectContaining({ durationMinutes: 60, confidentialMinutes: 0 }) });
  expect(moved.conference.familySectionStart).toBeUndefined();
  expect(await auditActions(base, created.conference.id)).toEqual(['conference.created', 'conference.rescheduled']);
  const onDay = await base.store.listStartingBetween('2027-01-05', '2027-01-05');
  expect(onDay.map((c) => c.id)).toContain(created.conference.id);
  expect((await base.store.listStartingBetween('2027-01-06', '2027-01-06')).map((c) => c.id)).not.toContain(created.conference.id);
});

it('two decisions at once: exactly one is recorded, the other refused with a code', async () => {
  const created = await createConference(deps, CLERK.id, { ...request, date: '2027-01-08', lateReason: 'Chair on leave', managerId: TEAM_MANAGER.id });
  const approvalId = created.pendingApprovals[0]!.id;
  const outcomes = await Promise.allSettled([
    decideApproval(deps, TEAM_MANAGER.id, created.conference.id, approvalId, { decision: 'approve' }),
    decideApproval(deps, TEAM_MANAGER.id, created.conference.id, approvalId, { decision: 'refuse' }),
  ]);
  const done = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : []));
  expect(done).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(['BOOKING.APPROVAL_ALREADY_DECIDED', 'BOOKING.IN_PROGRESS']).toContain(refused[0]);
  const decisions = (await auditActions(base, created.conference.id)).filter((a) => a === 'approval.decided');
  expect(decisions).toHaveLength(1);
});
