// "Book the follow-ups" (card verb follow-ups.book, POST /api/v1/conferences/:id/follow-ups): once
// the decision is recorded with a plan, the first core group (decision.firstCoreGroupDate) and the
// review conference (decision.reviewDate) are booked as new conferences through the booking's own
// steps — the same checks as the booking card (evaluateBooking), the same draft (draftConference),
// then bookMeeting (the Teams meeting, locked down, family e-mails) and the professionals'
// attendance requests (requestAttendance). A core group's minutes with a next date book the next
// core group the same way. The ids booked are recorded on the source conference in the same
// transaction that creates them, so pressing again books nothing new (it resumes a booking that
// stopped half-way). The T13/T14/T15 tasks start with it, with their reminders.
import type { Viewer } from '../../domain/access/access-decision';
import type { BookingRequestInput } from '../../domain/booking/check-booking-request';
import type { Conference } from '../../domain/conference/conference';
import type { ConferenceKind } from '../../domain/conference/conference-kind';
import type { Decision } from '../../domain/decision/decision';
import { type FollowUpOf, type FollowUps, type FollowUpTask, followUpTasks, withTasks } from '../../domain/follow-ups/follow-ups';
import type { AnchorKind } from '../../domain/timescales/anchors';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { requestAttendance } from '../attendance/request-attendance';
import { actorOf, calendarOf, loadFor } from '../booking/booking-context';
import { BookingFieldsRefused } from '../booking/booking-request-errors';
import { type BookingEvaluation, evaluateBooking } from '../booking/check-booking.use-case';
import { answerDetail, draftConference } from '../booking/draft-conference';
import { BookingError } from '../meetings/booking-errors';
import { bookMeeting } from '../meetings/book-meeting.use-case';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { carryInvitees } from './follow-up-invitees';
import { FollowUpError } from './follow-up-errors';

export type FollowUpKind = FollowUpOf['kind'];

/** Optional times for each booking (defaults: the source's start time; 60 minutes for a core group). */
export interface FollowUpOptions {
  coreGroup?: { startTime?: string; durationMinutes?: number };
  review?: { startTime?: string; durationMinutes?: number; confidentialMinutes?: number };
}

export interface BookedFollowUp {
  kind: FollowUpKind;
  conferenceId: string;
  date: string;
  status: Conference['status'];
  optionsVerified: boolean;
  /** Booked by this call (false: it was booked before; this call at most resumed it). */
  newlyBooked: boolean;
  invitees: number;
}

export interface FollowUpsAnswer {
  conferenceId: string;
  booked: BookedFollowUp[];
  tasks: FollowUpTask[];
}

interface Wanted {
  kind: FollowUpKind;
  slot: 'coreGroupId' | 'reviewId' | 'nextCoreGroupId';
  conferenceKind: ConferenceKind;
  input: BookingRequestInput;
  pick: (i: Conference['invitees'][number]) => boolean;
  followUpOf: FollowUpOf;
}

const CORE_GROUP_MINUTES = 60;

/** Whether the decision keeps a plan running (a new plan, or a review that continues or changes it). */
function keepsPlan(d: Decision): boolean {
  if (d.review) return d.review.outcome !== 'end-plan';
  return d.outcome === 'child-protection-plan';
}

function leadSocialWorkerId(c: Conference, d: Decision | undefined): string {
  const lead = d?.leadSocialWorkerInviteeId ? c.invitees.find((i) => i.id === d.leadSocialWorkerInviteeId && i.role === 'social-worker') : undefined;
  return lead?.directoryId ?? c.booking?.socialWorkerId ?? '';
}

async function wantedFrom(deps: AppDeps, c: Conference, options: FollowUpOptions): Promise<Wanted[]> {
  const time = c.start.slice(11, 16);
  const held = c.start.slice(0, 10);
  const common = { caseReference: c.caseReference, chairId: c.booking?.chairId ?? '' };
  if (c.kind === 'CORE_GROUP') {
    // The next core group, from this one's minutes; the members carried over.
    const minutes = await deps.coreGroups.getMinutes(c.id);
    if (!minutes?.nextCoreGroupDate) throw new FollowUpError('FOLLOW_UP.NOTHING_TO_BOOK', `core group ${c.id} has no next date in its minutes`);
    const planId = c.followUpOf?.planId ?? minutes.planId;
    return [{
      kind: 'next-core-group', slot: 'nextCoreGroupId', conferenceKind: 'CORE_GROUP',
      input: { ...common, kind: 'CORE_GROUP', anchorKind: 'core-group', anchorDate: held, socialWorkerId: c.booking?.socialWorkerId ?? '', date: minutes.nextCoreGroupDate, startTime: options.coreGroup?.startTime ?? time, durationMinutes: options.coreGroup?.durationMinutes ?? CORE_GROUP_MINUTES, confidentialMinutes: 0 },
      pick: () => true,
      followUpOf: { conferenceId: c.id, kind: 'next-core-group', planId, ...(c.followUpOf?.reviewDate && { reviewDate: c.followUpOf.reviewDate }) },
    }];
  }
  const live = await deps.live.get(c.id);
  const d = live?.decision;
  if (!d) throw new FollowUpError('FOLLOW_UP.NO_DECISION', `conference ${c.id} has no recorded decision`);
  if (!keepsPlan(d)) throw new FollowUpError('FOLLOW_UP.NO_PLAN', `the decision of ${c.id} made no plan`);
  // The plan belongs to the conference whose decision made it; a review keeps the plan it reviews.
  const planId = c.followUpOf?.planId ?? c.id;
  const out: Wanted[] = [];
  const members = new Set(d.coreGroupInviteeIds);
  if (d.firstCoreGroupDate) {
    out.push({
      kind: 'first-core-group', slot: 'coreGroupId', conferenceKind: 'CORE_GROUP',
      input: { ...common, kind: 'CORE_GROUP', anchorKind: 'icpc', anchorDate: held, socialWorkerId: leadSocialWorkerId(c, d), date: d.firstCoreGroupDate, startTime: options.coreGroup?.startTime ?? time, durationMinutes: options.coreGroup?.durationMinutes ?? CORE_GROUP_MINUTES, confidentialMinutes: 0 },
      pick: (i) => members.has(i.id),
      followUpOf: { conferenceId: c.id, kind: 'first-core-group', planId, ...(d.reviewDate && { reviewDate: d.reviewDate }) },
    });
  }
  if (d.reviewDate) {
    const anchorKind: AnchorKind = c.kind === 'RCPC' ? 'rcpc' : 'icpc';
    out.push({
      kind: 'review', slot: 'reviewId', conferenceKind: 'RCPC',
      input: {
        ...common, kind: 'RCPC', anchorKind, anchorDate: held, socialWorkerId: leadSocialWorkerId(c, d), date: d.reviewDate,
        startTime: options.review?.startTime ?? time, durationMinutes: options.review?.durationMinutes ?? c.booking?.durationMinutes ?? 90,
        confidentialMinutes: options.review?.confidentialMinutes ?? c.booking?.confidentialMinutes ?? 0,
      },
      pick: () => true,
      followUpOf: { conferenceId: c.id, kind: 'review', planId },
    });
  }
  if (out.length === 0) throw new FollowUpError('FOLLOW_UP.NOTHING_TO_BOOK', `the decision of ${c.id} gives no core group or review date`);
  return out;
}

/** Chair or clerk of the source conference; everyone else refused (audited). */
async function sourceFor(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<{ viewer: Viewer; c: Conference }> {
  const viewer = await requireViewer(deps, actorId, 'follow-ups.book');
  const c = await loadFor(deps, viewer, conferenceId, 'follow-ups.book');
  return { viewer, c };
}

export async function bookFollowUps(deps: AppDeps, actorId: string | undefined, conferenceId: string, options: FollowUpOptions = {}): Promise<FollowUpsAnswer> {
  const { viewer, c } = await sourceFor(deps, actorId, conferenceId);
  const wanted = await wantedFrom(deps, c, options);
  const missing = wanted.filter((w) => !c.followUps?.[w.slot]);
  const actor = actorOf(viewer);

  // Every booking checked before any is made: one refused, none is booked.
  const checked: { w: Wanted; e: Extract<BookingEvaluation, { ok: true }> }[] = [];
  for (const w of missing) {
    const e = await evaluateBooking(deps, w.input);
    if (!e.ok) throw new BookingFieldsRefused(e.fieldErrors);
    checked.push({ w, e });
  }

  const fresh = new Set<string>();
  let source = c;
  if (checked.length > 0 || tasksDue(deps, c).length > 0) {
    const person = await deps.directory.get(viewer.id);
    const now = deps.clock.now().toISOString();
    source = await deps.uow.run(async (tx) => {
      const current = await deps.store.get(c.id, tx);
      if (!current) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${c.id} not found`);
      let followUps: FollowUps = withTasks(current.followUps, tasksDue(deps, current));
      const append = (id: string, action: string, detail: Parameters<AppDeps['audit']['append']>[0]['detail']) => deps.audit.append({ actorId: actor.id, actorRole: actor.role, action, conferenceId: id, detail }, tx);
      for (const { w, e } of checked) {
        if (followUps[w.slot]) continue; // booked by a press that got here first
        const draft = draftConference(e, { viewer, person }, current.profileId, now);
        const created = await deps.store.create({ ...draft, invitees: carryInvitees(draft.invitees, current.invitees, w.pick), followUpOf: w.followUpOf }, tx);
        followUps = { ...followUps, [w.slot]: created.id };
        fresh.add(created.id);
        await append(created.id, 'conference.created', { ...answerDetail(created, e.answer), followUpOf: current.id, followUpKind: w.kind });
        await append(current.id, 'follow-up.booked', { followUpKind: w.kind, followUpId: created.id, date: created.start.slice(0, 10), planId: w.followUpOf.planId, invitees: created.invitees.length });
        await scheduleReminders(deps, created, tx);
      }
      const saved = await deps.store.save({ ...current, followUps }, tx);
      // The follow-up tasks' reminders (T13–T16) commit with them.
      await scheduleReminders(deps, saved, tx);
      return saved;
    });
  }

  // The meetings and invitations: each resumes where it stopped (no second event, no second e-mail).
  const booked: BookedFollowUp[] = [];
  for (const w of wanted) {
    const id = source.followUps?.[w.slot];
    if (!id) continue;
    let f = await deps.store.get(id);
    if (!f) continue;
    if ((f.status === 'draft' && (f.approvals ?? []).every((a) => a.status === 'approved')) || (f.status === 'booked' && !f.meeting?.optionsVerified)) {
      f = (await bookMeeting(deps, f.id, actor)).conference;
    }
    if (f.status === 'booked' && f.meeting?.optionsVerified) f = (await requestAttendance(deps, f)).conference;
    booked.push({ kind: w.kind, conferenceId: f.id, date: f.start.slice(0, 10), status: f.status, optionsVerified: f.meeting?.optionsVerified ?? false, newlyBooked: fresh.has(f.id), invitees: f.invitees.filter((i) => i.status !== 'removed').length });
  }
  return { conferenceId: c.id, booked, tasks: source.followUps?.tasks ?? [] };
}

/** The tasks the source's meeting leaves (T13/T14/T15; a core group's T16 starts with its minutes). */
function tasksDue(deps: AppDeps, c: Conference): FollowUpTask[] {
  if (c.kind === 'CORE_GROUP') return [];
  const profile = deps.profileFor(c.profileId);
  const tasks = followUpTasks(profile, calendarOf(profile), c.kind, c.start.slice(0, 10));
  return tasks.filter((t) => !c.followUps?.tasks.some((h) => h.rule === t.rule));
}

/** GET …/follow-ups: what was booked and the tasks, for anyone who may read the conference's board. */
export async function readFollowUps(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<FollowUpsAnswer> {
  const viewer = await requireViewer(deps, actorId, 'board.read');
  const c = await loadFor(deps, viewer, conferenceId, 'board.read');
  const booked: BookedFollowUp[] = [];
  const slots: [FollowUpKind, keyof FollowUps][] = [['first-core-group', 'coreGroupId'], ['review', 'reviewId'], ['next-core-group', 'nextCoreGroupId']];
  for (const [kind, slot] of slots) {
    const id = c.followUps?.[slot];
    const f = typeof id === 'string' ? await deps.store.get(id) : null;
    if (f) booked.push({ kind, conferenceId: f.id, date: f.start.slice(0, 10), status: f.status, optionsVerified: f.meeting?.optionsVerified ?? false, newlyBooked: false, invitees: f.invitees.filter((i) => i.status !== 'removed').length });
  }
  return { conferenceId: c.id, booked, tasks: c.followUps?.tasks ?? [] };
}
