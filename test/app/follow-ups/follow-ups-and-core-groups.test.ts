// After the decision, on the real SQL store (PGlite) and the real Graph adapter against the
// sandbox: the first core group and the review booked as new conferences with their own Teams
// meetings and invitations, once (a second press books nothing); the T14 task tracked with its
// reminder and marked done; the core group minuted with the plan append-only, circulated once
// within T16; its next core group booked with the plan carried on.
import { HmacLinkSigner, linkKeyFrom } from '../../../bot/adapters/links/hmac-link-signer';
import { migrate } from '../../../bot/adapters/store/migrate';
import { openDatabase } from '../../../bot/adapters/store/open-database';
import { SqlConferenceLookup } from '../../../bot/adapters/store/sql-conference-lookup';
import { SqlCoreGroupStore } from '../../../bot/adapters/store/sql-core-group.store';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { SqlLiveMeetingStore } from '../../../bot/adapters/store/sql-live-meeting.store';
import { SqlRemindersSent } from '../../../bot/adapters/store/sql-reminders-sent';
import { SqlStaffRoles } from '../../../bot/adapters/store/sql-staff-roles';
import type { Database } from '../../../bot/adapters/store/database';
import type { AppDeps } from '../../../bot/app/app-deps';
import { confirmBooking } from '../../../bot/app/booking/confirm-booking.use-case';
import { createConference } from '../../../bot/app/booking/create-conference.use-case';
import { circulateMinutes } from '../../../bot/app/core-group/circulate-minutes.use-case';
import { type MinutesInput, readCoreGroup, saveCoreGroupMinutes } from '../../../bot/app/core-group/core-group-minutes.use-case';
import { bookFollowUps, readFollowUps } from '../../../bot/app/follow-ups/book-follow-ups.use-case';
import { markFollowUpDone } from '../../../bot/app/follow-ups/mark-task-done.use-case';
import { JOB_KINDS } from '../../../bot/app/jobs/job-kinds';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import type { Decision } from '../../../bot/domain/decision/decision';
import { seedPerson } from '../../../scripts/graph-sandbox/directory/seed-people';
import { type Harness, startHarness } from '../../graph/sandbox-harness';
import { auditActions, type SqlBookingDeps, sqlBookingDeps } from '../../graph/sql-booking-deps';
import { TEST_AUDIT_KEY } from '../../store/fixtures';
import { RecordingNotifier } from '../../support/recording-notifier';
import { StaticDirectory } from '../../support/static-directory';

jest.setTimeout(90_000);

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const POLICE = seedPerson('professional', 0);
const HEALTH = seedPerson('professional', 1);

let db: Database;
let h: Harness;
let base: SqlBookingDeps;
let deps: AppDeps;

beforeAll(async () => {
  db = await openDatabase({ dataDir: ':memory:' });
  await migrate(db);
  h = await startHarness({ db });
  base = sqlBookingDeps(h, db);
  base.clock.set('2026-12-14T09:00:00.000Z');
  deps = {
    ...base,
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
    staffRoles: new SqlStaffRoles(db, base.audit, base.clock),
    coreGroups: new SqlCoreGroupStore(db),
  };
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await db?.close();
});

const events = async () => (await h.state()).events.filter((e) => !e.cancelled);
const mailsTo = async (address: string) => (await h.state()).mailboxes.find((m) => m.mailbox.toLowerCase() === address.toLowerCase())?.messages ?? [];

const person = (id: string, p: { displayName: string; mail: string; id: string; agency?: string }, role: Invitee['role']): Invitee => ({
  id, role, displayName: p.displayName, email: p.mail, directoryId: p.id, status: 'invited', ...(p.agency && { agency: p.agency }),
});

/** An ICPC booked through the booking use cases, with two professionals and a parent on its list, and its decision. */
async function heldIcpc(caseReference: string, decision: Partial<Decision> = {}): Promise<Conference> {
  const created = await createConference(deps, CLERK.id, {
    kind: 'ICPC', caseReference, anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id,
    date: '2027-01-06', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
  });
  const booked = (await confirmBooking(deps, CLERK.id, created.conference.id)).conference;
  const c = await base.store.save({
    ...booked,
    invitees: [
      ...booked.invitees,
      person('inv-police', POLICE, 'professional'),
      person('inv-health', HEALTH, 'professional'),
      { id: 'inv-parent', role: 'parent', displayName: 'Invented Parent', email: 'parent.invented@example.org', status: 'invited' },
    ],
  });
  const sw = c.invitees.find((i) => i.role === 'social-worker')!;
  await deps.live.create({
    conferenceId: c.id, teamsMeetingId: `m-${c.id}`, stage: 'closed', history: [], roster: [], alerts: [],
    decision: {
      outcome: 'child-protection-plan', decidedBy: 'majority', views: [], dissent: [], category: 'neglect',
      leadSocialWorkerInviteeId: sw.id, coreGroupInviteeIds: [sw.id, 'inv-police', 'inv-health', 'inv-parent'],
      firstCoreGroupDate: '2027-01-18', reviewDate: '2027-03-31', chairId: CHAIR.id, at: '2027-01-06T11:30:00.000Z',
      ...decision,
    },
  });
  return c;
}

let icpc: Conference;
let coreGroupId: string;
let reviewId: string;

it('the first core group and the review are booked as new conferences, each with its own meeting and invitations', async () => {
  icpc = await heldIcpc('MOS7000001');
  const before = (await events()).length;
  const answer = await bookFollowUps(deps, CHAIR.id, icpc.id);
  expect(answer.booked.map((b) => [b.kind, b.date, b.status, b.optionsVerified, b.newlyBooked])).toEqual([
    ['first-core-group', '2027-01-18', 'booked', true, true],
    ['review', '2027-03-31', 'booked', true, true],
  ]);
  expect((await events()).length).toBe(before + 2);
  coreGroupId = answer.booked[0]!.conferenceId;
  reviewId = answer.booked[1]!.conferenceId;

  const cg = (await base.store.get(coreGroupId))!;
  expect(cg).toMatchObject({ kind: 'CORE_GROUP', caseReference: 'MOS7000001', anchors: { icpc: '2027-01-06' }, followUpOf: { conferenceId: icpc.id, kind: 'first-core-group', planId: icpc.id, reviewDate: '2027-03-31' } });
  // The core group members: the lead social worker, the two professionals and the parent (the booking adds the chair).
  expect(cg.invitees.map((i) => i.role).sort()).toEqual(['chair', 'parent', 'professional', 'professional', 'social-worker']);
  expect(cg.invitees.filter((i) => i.role !== 'parent').every((i) => i.status === 'invited')).toBe(true);
  // Carried without the old meeting's answers or e-mails.
  const carriedPolice = cg.invitees.find((i) => i.id === 'inv-police')!;
  expect(carriedPolice).toMatchObject({ directoryId: POLICE.id, agency: POLICE.agency });
  expect(carriedPolice).not.toHaveProperty('attendance');
  expect(carriedPolice).not.toHaveProperty('exclusions');
  expect(await mailsTo('parent.invented@example.org')).toHaveLength(2); // its own invitation to each follow-up

  const review = (await base.store.get(reviewId))!;
  expect(review).toMatchObject({ kind: 'RCPC', anchors: { icpc: '2027-01-06' }, followUpOf: { kind: 'review', planId: icpc.id } });
  expect(review.invitees.map((i) => i.id)).toEqual(expect.arrayContaining(['inv-police', 'inv-health', 'inv-parent']));

  const source = (await base.store.get(icpc.id))!;
  expect(source.followUps).toMatchObject({ coreGroupId, reviewId, tasks: [{ rule: 'T14', due: '2027-01-27' }] });
  expect((await auditActions(base, icpc.id)).filter((a) => a === 'follow-up.booked')).toHaveLength(2);
  expect(await auditActions(base, coreGroupId)).toContain('conference.created');
});

it('pressing it again books nothing new', async () => {
  const before = (await events()).length;
  const again = await bookFollowUps(deps, CLERK.id, icpc.id);
  expect(again.booked.map((b) => [b.conferenceId, b.newlyBooked])).toEqual([[coreGroupId, false], [reviewId, false]]);
  expect((await events()).length).toBe(before);
  expect((await auditActions(base, icpc.id)).filter((a) => a === 'follow-up.booked')).toHaveLength(2);
});

it('refusals: a professional, no decision, a decision without a plan, a date in the past; each changes nothing', async () => {
  await expect(bookFollowUps(deps, POLICE.id, icpc.id)).rejects.toMatchObject({ code: 'ACCESS.ROLE_NOT_ALLOWED' });
  const created = await createConference(deps, CLERK.id, { kind: 'ICPC', caseReference: 'MOS7000002', anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id, date: '2027-01-07', startTime: '10:00', durationMinutes: 90 });
  await expect(bookFollowUps(deps, CLERK.id, created.conference.id)).rejects.toMatchObject({ code: 'FOLLOW_UP.NO_DECISION' });
  const cin = await heldIcpc('MOS7000003', { outcome: 'child-in-need' });
  await expect(bookFollowUps(deps, CHAIR.id, cin.id)).rejects.toMatchObject({ code: 'FOLLOW_UP.NO_PLAN' });
  const past = await heldIcpc('MOS7000004', { firstCoreGroupDate: '2026-12-01' });
  const before = (await events()).length;
  await expect(bookFollowUps(deps, CHAIR.id, past.id)).rejects.toMatchObject({ code: 'BOOKING.DATE_IN_PAST', details: expect.objectContaining({ field: 'date' }) });
  expect((await events()).length).toBe(before);
  expect((await base.store.get(past.id))!.followUps).toBeUndefined();
});

it('T14 is tracked with a reminder to the clerk and marked done once', async () => {
  const { rows } = await db.query<{ dedup_key: string }>("SELECT dedup_key FROM jobs WHERE dedup_key LIKE $1", [`${icpc.id}:T14:%`]);
  expect(rows).toHaveLength(1);
  await expect(markFollowUpDone(deps, CLERK.id, icpc.id, 'T13')).rejects.toMatchObject({ code: 'FOLLOW_UP.TASK_NOT_FOUND' });
  const done = await markFollowUpDone(deps, CLERK.id, icpc.id, 'T14');
  expect(done.changed).toBe(true);
  expect(done.tasks).toEqual([expect.objectContaining({ rule: 'T14', doneBy: CLERK.id })]);
  expect((await markFollowUpDone(deps, CLERK.id, icpc.id, 'T14')).changed).toBe(false);
  expect((await auditActions(base, icpc.id)).filter((a) => a === 'follow-up.task-done')).toHaveLength(1);
  expect((await readFollowUps(deps, CLERK.id, icpc.id)).booked).toHaveLength(2);
});

describe('the core group', () => {
  const minutes = (over: Partial<MinutesInput> = {}): MinutesInput => ({
    attendees: [],
    childsWords: '', familysWords: '', progress: [], scaling: {}, workingWell: '', worriedAbout: '', needsToHappen: '', disagreements: [],
    plan: [],
    ...over,
  });
  let goalId: string;
  let actionId: string;

  it('the first save creates the plan with its goal and action, and the T16 task with its reminder', async () => {
    const view = await saveCoreGroupMinutes(deps, SW.id, coreGroupId, minutes({ plan: [{ kind: 'safety-goal', text: 'The home is warm and safe' }, { kind: 'action', text: 'Health visitor visits weekly', owner: 'health' }] }), 0);
    expect(view.version).toBe(1);
    expect(view.plan.map((i) => i.kind)).toEqual(['safety-goal', 'action']);
    goalId = view.plan[0]!.id;
    actionId = view.plan[1]!.id;
    expect(view.minutesDueBy).toBe('2027-02-08');
    expect(view.nextDate).toMatchObject({ latest: '2027-03-01', reviewDate: '2027-03-31' });
    expect((await base.store.get(coreGroupId))!.followUps?.tasks).toEqual([{ rule: 'T16', due: '2027-02-08' }]);
    const { rows } = await db.query<{ dedup_key: string }>('SELECT dedup_key FROM jobs WHERE dedup_key LIKE $1', [`${coreGroupId}:T16:%`]);
    expect(rows.map((r) => r.dedup_key)).toEqual([`${coreGroupId}:T16:${SW.id}:v1`]);
  });

  it('a save that drops or rewrites an agreed item is refused with a clear error and changes nothing (audited)', async () => {
    await expect(saveCoreGroupMinutes(deps, SW.id, coreGroupId, minutes({ plan: [{ id: actionId, kind: 'action', text: 'Health visitor visits weekly', owner: 'health' }] }), 1))
      .rejects.toMatchObject({ code: 'CORE_GROUP.PLAN_ITEM_REMOVED', details: { itemId: goalId, field: 'plan' } });
    await expect(saveCoreGroupMinutes(deps, SW.id, coreGroupId, minutes({ plan: [{ id: goalId, kind: 'safety-goal', text: 'The home is safe' }, { id: actionId, kind: 'action', text: 'Health visitor visits weekly', owner: 'health' }] }), 1))
      .rejects.toMatchObject({ code: 'CORE_GROUP.PLAN_ITEM_CHANGED' });
    expect((await readCoreGroup(deps, SW.id, coreGroupId)).plan.map((i) => i.text)).toEqual(['The home is warm and safe', 'Health visitor visits weekly']);
    expect((await auditActions(base, coreGroupId)).filter((a) => a === 'core-group.minutes-refused')).toHaveLength(2);
    await expect(saveCoreGroupMinutes(deps, SW.id, coreGroupId, minutes(), 0)).rejects.toMatchObject({ code: 'API.VERSION_STALE' });
    await expect(saveCoreGroupMinutes(deps, POLICE.id, coreGroupId, minutes(), 1)).rejects.toMatchObject({ code: 'ACCESS.ROLE_NOT_ALLOWED' });
  });

  const keep = () => [{ id: goalId, kind: 'safety-goal' as const, text: 'The home is warm and safe' }, { id: actionId, kind: 'action' as const, text: 'Health visitor visits weekly', owner: 'health' }];
  const full = (over: Partial<MinutesInput> = {}) =>
    minutes({
      attendees: [
        { inviteeId: 'social-worker', role: 'social-worker', consulted: true, invited: true, attended: true, chair: true },
        { inviteeId: 'inv-police', role: 'professional', consulted: true, invited: true, attended: true, chair: false },
        { inviteeId: 'inv-parent', role: 'parent', consulted: true, invited: true, attended: true, chair: false },
      ],
      childsWords: 'Likes the new bedroom', familysWords: 'Would like more help in the mornings', childSeenInTimescale: true, advocateOffered: true,
      progress: [{ itemId: goalId, progress: 'Heating repaired', nextSteps: 'Check again in February' }],
      scaling: { now: 6, initialConference: 3 }, workingWell: 'School attendance', worriedAbout: 'Evenings', needsToHappen: 'Evening routine plan',
      nextCoreGroupDate: '2027-02-15',
      disagreements: [{ itemId: actionId, by: 'health', text: 'Weekly visits are more than needed' }],
      plan: [...keep(), { kind: 'action', text: 'School reports attendance monthly', owner: 'education' }],
      ...over,
    });

  it('circulation needs the template complete and the meeting quorate', async () => {
    await expect(circulateMinutes(deps, SW.id, coreGroupId)).rejects.toMatchObject({ code: 'CORE_GROUP.MINUTES_INCOMPLETE' });
    const notQuorate = full({ attendees: full().attendees!.map((a) => (a.inviteeId === 'inv-police' ? { ...a, attended: false } : a)) });
    const saved = await saveCoreGroupMinutes(deps, SW.id, coreGroupId, notQuorate, 1);
    expect(saved.quorum).toEqual({ quorate: false, professionalsAttending: 1 });
    await expect(circulateMinutes(deps, SW.id, coreGroupId)).rejects.toMatchObject({ code: 'CORE_GROUP.NOT_QUORATE' });
    const third = saved.plan[2]!;
    const all = [...keep(), { id: third.id, kind: third.kind, text: third.text, owner: third.owner! }];
    await expect(saveCoreGroupMinutes(deps, SW.id, coreGroupId, full({ plan: all, nextCoreGroupDate: '2027-03-08' }), 2)).rejects.toMatchObject({ code: 'CORE_GROUP.NEXT_DATE_PAST_T5' });
  });

  it('complete minutes go to every member once, within T16, and the task is done', async () => {
    const saved = await saveCoreGroupMinutes(deps, SW.id, coreGroupId, full({ plan: [...keep(), { id: (await readCoreGroup(deps, SW.id, coreGroupId)).plan[2]!.id, kind: 'action', text: 'School reports attendance monthly', owner: 'education' }] }), 2);
    expect(saved.plan).toHaveLength(3);
    const out = await circulateMinutes(deps, SW.id, coreGroupId);
    expect(out.alreadyCirculated).toBe(false);
    expect(out.onTime).toBe(true);
    expect(out.sent.sort()).toEqual(['chair', 'inv-health', 'inv-parent', 'inv-police', 'social-worker'].sort());
    const parentMail = (await mailsTo('parent.invented@example.org')).filter((m) => m.subject === 'MOS7000001: core group minutes');
    expect(parentMail).toHaveLength(1);
    expect((await base.store.get(coreGroupId))!.followUps?.tasks).toEqual([expect.objectContaining({ rule: 'T16', doneBy: SW.id })]);
    const again = await circulateMinutes(deps, SW.id, coreGroupId);
    expect(again).toMatchObject({ alreadyCirculated: true, sent: [] });
    expect((await mailsTo('parent.invented@example.org')).filter((m) => m.subject === 'MOS7000001: core group minutes')).toHaveLength(1);
    await expect(saveCoreGroupMinutes(deps, SW.id, coreGroupId, full({ plan: saved.plan.map(({ id, kind, text, owner }) => ({ id, kind, text, ...(owner && { owner }) })) }), (await readCoreGroup(deps, SW.id, coreGroupId)).version)).rejects.toMatchObject({ code: 'CORE_GROUP.MINUTES_CIRCULATED' });
    const audit = await base.audit.forConference(coreGroupId);
    const circulated = audit.find((a) => a.action === 'core-group.minutes-circulated')!;
    expect(circulated.detail).toMatchObject({ dueBy: '2027-02-08', onTime: true });
    expect(JSON.stringify(audit)).not.toContain('Likes the new bedroom');
  });

  it('the next core group is booked from the minutes, and the plan carries on to it', async () => {
    const answer = await bookFollowUps(deps, CHAIR.id, coreGroupId);
    expect(answer.booked.map((b) => [b.kind, b.date, b.status])).toEqual([['next-core-group', '2027-02-15', 'booked']]);
    const next = (await base.store.get(answer.booked[0]!.conferenceId))!;
    expect(next).toMatchObject({ kind: 'CORE_GROUP', anchors: { 'core-group': '2027-01-18' }, followUpOf: { kind: 'next-core-group', planId: icpc.id, reviewDate: '2027-03-31' } });
    const view = await readCoreGroup(deps, SW.id, next.id);
    expect(view.plan.map((i) => i.text)).toEqual(['The home is warm and safe', 'Health visitor visits weekly', 'School reports attendance monthly']);
    expect(view.minutes).toBeNull();
    expect(view.previous).toEqual({ conferenceId: coreGroupId, heldOn: '2027-01-18', scalingNow: 6 });
    // Only core groups have minutes.
    await expect(readCoreGroup(deps, CLERK.id, reviewId)).rejects.toMatchObject({ code: 'CORE_GROUP.NOT_A_CORE_GROUP' });
    nextId = next.id;
  });

  let nextId = '';
  it('a crash mid-circulation never sends twice: pressing again records the unconfirmed as unknown', async () => {
    const view = await readCoreGroup(deps, SW.id, nextId);
    const plan = view.plan.map(({ id, kind, text, owner }) => ({ id, kind, text, ...(owner && { owner }) }));
    const last = full({ plan, progress: [{ itemId: goalId, progress: 'Warm all month', nextSteps: 'Review' }], nextCoreGroupDate: undefined, recommendationsForReview: 'Continue the plan at the review' });
    await expect(circulateMinutes(deps, SW.id, nextId)).rejects.toMatchObject({ code: 'CORE_GROUP.MINUTES_NOT_FOUND' });
    await saveCoreGroupMinutes(deps, SW.id, nextId, { ...last, recommendationsForReview: undefined }, 0).catch(() => undefined);
    const v = (await readCoreGroup(deps, SW.id, nextId)).version;
    await expect(circulateMinutes(deps, SW.id, nextId)).rejects.toMatchObject({ code: 'CORE_GROUP.RECOMMENDATIONS_REQUIRED' });
    await saveCoreGroupMinutes(deps, SW.id, nextId, last, v);
    const crashing: AppDeps = { ...deps, mailer: { sendEach: async () => { throw new Error('killed mid-send'); } } };
    await expect(circulateMinutes(crashing, SW.id, nextId)).rejects.toThrow('killed mid-send');
    const mailsBefore = (await mailsTo('parent.invented@example.org')).length;
    await expect(saveCoreGroupMinutes(deps, SW.id, nextId, last, v + 2)).rejects.toMatchObject({ code: 'CORE_GROUP.MINUTES_CIRCULATED' });
    const out = await circulateMinutes(deps, SW.id, nextId);
    expect(out.sent).toEqual([]);
    expect(out.unknown.length).toBeGreaterThan(0);
    expect((await mailsTo('parent.invented@example.org')).length).toBe(mailsBefore);
    expect((await circulateMinutes(deps, SW.id, nextId)).alreadyCirculated).toBe(true);
  });
});
