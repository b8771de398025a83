// "Done" on a follow-up task (card verb follow-ups.done, POST …/follow-ups/tasks/:rule/done): the
// T13 plan sign-off, the T14 minutes or T15 amendments, a core group's T16 circulation marked
// done once, audited; its reminder is then no longer due (the handler skips it). Marking it again
// changes nothing.
import { type FollowUpRule, markTaskDone } from '../../domain/follow-ups/follow-ups';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { actorOf, loadFor } from '../booking/booking-context';
import { BookingError } from '../meetings/booking-errors';
import type { FollowUpsAnswer } from './book-follow-ups.use-case';
import { readFollowUps } from './book-follow-ups.use-case';
import { FollowUpError } from './follow-up-errors';

export async function markFollowUpDone(deps: AppDeps, actorId: string | undefined, conferenceId: string, rule: FollowUpRule): Promise<FollowUpsAnswer & { changed: boolean }> {
  const viewer = await requireViewer(deps, actorId, 'follow-ups.complete');
  await loadFor(deps, viewer, conferenceId, 'follow-ups.complete');
  const actor = actorOf(viewer);
  const changed = await deps.uow.run(async (tx) => {
    const c = await deps.store.get(conferenceId, tx);
    if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
    const r = markTaskDone(c.followUps, rule, actor.id, deps.clock.now().toISOString());
    if (!r.ok) throw new FollowUpError(r.code, `conference ${conferenceId} has no ${rule} task`, { rule });
    if (!r.changed) return false;
    await deps.store.save({ ...c, followUps: r.followUps }, tx);
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'follow-up.task-done', conferenceId, detail: { rule } }, tx);
    return true;
  });
  return { ...(await readFollowUps(deps, actorId, conferenceId)), changed };
}
