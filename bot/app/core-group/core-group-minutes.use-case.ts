// The core group's minutes (GET/PUT …/core-group/minutes, the minutes card): the template of
// DOMAIN-RULES §7 saved as often as the minute-taker likes, in one transaction with the child's
// plan — an agreed action or safety goal can be added, never removed or rewritten (a save that
// drops one is refused and changes nothing); the next date checked against T5/T6; the T16 task
// (circulate the minutes) started with the first save, with its reminder.
import { randomUUID } from 'node:crypto';
import type { Conference } from '../../domain/conference/conference';
import type { ChildPlan, CoreGroupMinutes } from '../../domain/core-group/core-group-minutes';
import { checkMinutes, coreGroupQuorum, mergePlanItems, minutesDueBy, type SubmittedPlanItem } from '../../domain/core-group/core-group-rules';
import { followUpTasks, withTasks } from '../../domain/follow-ups/follow-ups';
import { CodedError } from '../../domain/shared/coded-error';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { actorOf, calendarOf, loadFor } from '../booking/booking-context';
import type { ApiErrorCode } from '../errors/error-codes';
import { BookingError } from '../meetings/booking-errors';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { CoreGroupError, MinutesRefused } from './core-group-errors';
import { type CoreGroupView, coreGroupView, planIdOf } from './core-group-view';

/** What a save sends: the template's fields and the whole plan (existing items by id, new ones without). */
export type MinutesInput = Omit<CoreGroupMinutes, 'conferenceId' | 'planId' | 'heldOn' | 'savedAt' | 'savedBy' | 'circulatedAt' | 'circulatedBy'> & {
  plan: SubmittedPlanItem[];
};

function coreGroupOnly(c: Conference): void {
  if (c.kind !== 'CORE_GROUP') throw new CoreGroupError('CORE_GROUP.NOT_A_CORE_GROUP', `conference ${c.id} is a ${c.kind}`);
}

export async function readCoreGroup(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<CoreGroupView> {
  const viewer = await requireViewer(deps, actorId, 'core-group.read');
  const c = await loadFor(deps, viewer, conferenceId, 'core-group.read');
  coreGroupOnly(c);
  const [plan, minutes, ofPlan] = await Promise.all([deps.coreGroups.getPlan(planIdOf(c)), deps.coreGroups.getMinutes(c.id), deps.coreGroups.minutesOfPlan(planIdOf(c))]);
  return coreGroupView(c, deps.profileFor(c.profileId), plan, minutes, ofPlan);
}

export async function saveCoreGroupMinutes(deps: AppDeps, actorId: string | undefined, conferenceId: string, input: MinutesInput, ifMatch: number | null): Promise<CoreGroupView> {
  const viewer = await requireViewer(deps, actorId, 'core-group.minute');
  const loaded = await loadFor(deps, viewer, conferenceId, 'core-group.minute');
  coreGroupOnly(loaded);
  const actor = actorOf(viewer);
  const profile = deps.profileFor(loaded.profileId);
  const calendar = calendarOf(profile);
  const now = deps.clock.now().toISOString();
  const outcome = await deps.uow.run(async (tx) => {
    const c = await deps.store.get(conferenceId, tx);
    if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
    const planId = planIdOf(c);
    const heldOn = c.start.slice(0, 10);
    const before = await deps.coreGroups.getMinutes(c.id, tx);
    const version = before?.version ?? 0;
    if (ifMatch !== null && ifMatch !== version) {
      throw new CodedError<ApiErrorCode>('API.VERSION_STALE', `the minutes of ${c.id} are at version ${version}`, { conferenceId: c.id, currentVersion: version });
    }
    if (before?.circulatedAt || before?.circulation) throw new CoreGroupError('CORE_GROUP.MINUTES_CIRCULATED', `the minutes of ${c.id} were circulated`);
    const plan: ChildPlan = (await deps.coreGroups.getPlan(planId, tx)) ?? { planId, caseReference: c.caseReference, items: [], ...(c.followUpOf?.reviewDate && { reviewDate: c.followUpOf.reviewDate }), version: 0 };

    const merged = mergePlanItems(plan.items, input.plan, { agreedAt: heldOn, agreedBy: c.id, newId: randomUUID });
    // Refused: nothing written here; the refusal is audited on its own below.
    if (!merged.ok) return { kind: 'refused', refused: merged, planId } as const;
    const { plan: _submitted, ...body } = input;
    const minutes: CoreGroupMinutes = { ...body, conferenceId: c.id, planId, heldOn, savedAt: now, savedBy: actor.id };
    const reviewDate = plan.reviewDate ?? c.followUpOf?.reviewDate;
    const errors = checkMinutes(profile, calendar, minutes, merged.items, { mode: 'save', ...(reviewDate && { reviewDate }) });
    if (errors.length > 0) throw new MinutesRefused(errors);

    const savedPlan = merged.added.length > 0 || plan.version === 0 ? await deps.coreGroups.savePlan({ ...plan, items: merged.items }, tx) : plan;
    const saved = await deps.coreGroups.saveMinutes({ ...minutes, version }, minutesDueBy(profile, calendar, heldOn), tx);
    // T16: circulate within N working days of the meeting; the reminder commits with it.
    const followUps = withTasks(c.followUps, followUpTasks(profile, calendar, 'CORE_GROUP', heldOn));
    if (followUps.tasks.length !== (c.followUps?.tasks.length ?? 0)) {
      const savedConference = await deps.store.save({ ...c, followUps }, tx);
      await scheduleReminders(deps, savedConference, tx);
    }
    await deps.audit.append({
      actorId: actor.id, actorRole: actor.role, action: 'core-group.minutes-saved', conferenceId: c.id,
      detail: { planId, version: saved.version, planItemsAdded: merged.added.map((i) => i.id), quorate: coreGroupQuorum(saved.attendees).quorate, nextCoreGroupDate: saved.nextCoreGroupDate ?? null, disagreements: saved.disagreements.length },
    }, tx);
    return { kind: 'saved', view: coreGroupView(c, profile, savedPlan, saved, await deps.coreGroups.minutesOfPlan(planId, tx)) } as const;
  });
  if (outcome.kind === 'saved') return outcome.view;
  const { refused, planId } = outcome;
  await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'core-group.minutes-refused', conferenceId, detail: { code: refused.code, itemId: refused.itemId, planId } });
  throw new CoreGroupError(refused.code, refused.message, { itemId: refused.itemId, field: 'plan' });
}
