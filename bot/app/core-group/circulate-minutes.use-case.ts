// "Circulate the minutes" (card verb core-group.minutes-circulate, POST …/core-group/minutes/circulation):
// the complete minutes (the template checked in full: quorate, every section, recommendations
// before a review) e-mailed to each member individually, like the family invitations; then, in one
// transaction, the minutes marked circulated, the T16 task done, and the recipients audited (ids
// only, with whether it was within T16). Pressing it again sends nothing.
import type { Conference } from '../../domain/conference/conference';
import { checkMinutes, minutesDueBy } from '../../domain/core-group/core-group-rules';
import { markTaskDone } from '../../domain/follow-ups/follow-ups';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { actorOf, calendarOf, loadFor } from '../booking/booking-context';
import { BookingError } from '../meetings/booking-errors';
import type { MailMessage } from '../ports/mailer.port';
import { CoreGroupError, MinutesRefused } from './core-group-errors';
import { type CoreGroupView, coreGroupView, planIdOf } from './core-group-view';
import { minutesHtml, minutesSubject } from './minutes-html';

export interface CirculationAnswer {
  view: CoreGroupView;
  /** Already circulated before this call: nothing was sent. */
  alreadyCirculated: boolean;
  sent: string[];
  failed: string[];
  unknown: string[];
  onTime: boolean | null;
}

/** The members: everyone on the core group's list but interpreters and observers. */
const members = (c: Conference) => c.invitees.filter((i) => i.status !== 'removed' && i.role !== 'interpreter' && i.role !== 'observer' && i.email);

export async function circulateMinutes(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<CirculationAnswer> {
  const viewer = await requireViewer(deps, actorId, 'core-group.minute');
  const c = await loadFor(deps, viewer, conferenceId, 'core-group.minute');
  if (c.kind !== 'CORE_GROUP') throw new CoreGroupError('CORE_GROUP.NOT_A_CORE_GROUP', `conference ${c.id} is a ${c.kind}`);
  const profile = deps.profileFor(c.profileId);
  const calendar = calendarOf(profile);
  const minutes = await deps.coreGroups.getMinutes(c.id);
  if (!minutes) throw new CoreGroupError('CORE_GROUP.MINUTES_NOT_FOUND', `core group ${c.id} has no minutes`);
  const plan = await deps.coreGroups.getPlan(planIdOf(c));
  if (minutes.circulatedAt) return { view: coreGroupView(c, profile, plan, minutes), alreadyCirculated: true, sent: [], failed: [], unknown: [], onTime: null };
  const reviewDate = plan?.reviewDate ?? c.followUpOf?.reviewDate;
  const errors = checkMinutes(profile, calendar, minutes, plan?.items ?? [], { mode: 'circulate', ...(reviewDate && { reviewDate }) });
  if (errors.length > 0) throw new MinutesRefused(errors);

  const html = minutesHtml(c, minutes, plan?.items ?? []);
  const messages: MailMessage[] = members(c).map((i) => ({ key: i.id, to: { address: i.email, name: i.displayName }, subject: minutesSubject(c), html, attachments: [] }));
  const outcomes = messages.length > 0 ? await deps.mailer.sendEach(messages) : [];
  const sent = outcomes.filter((o) => o.outcome === 'sent').map((o) => o.key);
  const failed = outcomes.filter((o) => o.outcome === 'failed').map((o) => o.key);
  const unknown = outcomes.filter((o) => o.outcome === 'unknown').map((o) => o.key);

  const actor = actorOf(viewer);
  const now = deps.clock.now().toISOString();
  const dueBy = minutesDueBy(profile, calendar, minutes.heldOn);
  const onTime = dueBy === null ? null : deps.clock.today() <= dueBy;
  const saved = await deps.uow.run(async (tx) => {
    const current = await deps.store.get(c.id, tx);
    if (!current) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${c.id} not found`);
    const fresh = (await deps.coreGroups.getMinutes(c.id, tx))!;
    const out = await deps.coreGroups.saveMinutes({ ...fresh, circulatedAt: now, circulatedBy: actor.id }, dueBy, tx);
    const done = markTaskDone(current.followUps, 'T16', actor.id, now);
    if (done.ok && done.changed) await deps.store.save({ ...current, followUps: done.followUps }, tx);
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'core-group.minutes-circulated', conferenceId: c.id, detail: { sent, failed, unknown, dueBy, onTime, version: out.version } }, tx);
    return out;
  });
  return { view: coreGroupView(c, profile, plan, saved), alreadyCirculated: false, sent, failed, unknown, onTime };
}
