// "Circulate the minutes" (card verb core-group.minutes-circulate, POST …/core-group/minutes/circulation):
// the complete minutes (the template checked in full: quorate, every section, recommendations
// before a review) e-mailed to each member individually, like the family invitations. Every
// recipient is saved as 'sending' before the e-mails go; then, in one transaction, the outcomes,
// the minutes marked circulated, the T16 task done and the recipients audited (ids only, with
// whether it was within T16). Pressing it again sends nothing; after a crash mid-send, pressing it
// again finishes the record without sending (those not confirmed are 'unknown', never resent).
import type { Conference } from '../../domain/conference/conference';
import type { CoreGroupMinutes } from '../../domain/core-group/core-group-minutes';
import { checkMinutes, minutesDueBy } from '../../domain/core-group/core-group-rules';
import { markTaskDone } from '../../domain/follow-ups/follow-ups';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { actorOf, calendarOf, loadFor } from '../booking/booking-context';
import { BookingError } from '../meetings/booking-errors';
import type { MailMessage, MailOutcome } from '../ports/mailer.port';
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

type Recipients = NonNullable<CoreGroupMinutes['circulation']>['recipients'];

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
  const ofPlan = await deps.coreGroups.minutesOfPlan(planIdOf(c));
  if (minutes.circulatedAt) return { view: coreGroupView(c, profile, plan, minutes, ofPlan), alreadyCirculated: true, sent: [], failed: [], unknown: [], onTime: null };
  const actor = actorOf(viewer);
  const dueBy = minutesDueBy(profile, calendar, minutes.heldOn);

  let recipients: Recipients;
  if (minutes.circulation) {
    // A circulation that stopped half-way: what was not confirmed may have gone, so is not resent.
    recipients = minutes.circulation.recipients.map((r) => (r.state === 'sending' ? { ...r, state: 'unknown' as const } : r));
  } else {
    const reviewDate = plan?.reviewDate ?? c.followUpOf?.reviewDate;
    const errors = checkMinutes(profile, calendar, minutes, plan?.items ?? [], { mode: 'circulate', ...(reviewDate && { reviewDate }) });
    if (errors.length > 0) throw new MinutesRefused(errors);
    const to = members(c);
    const started = await deps.uow.run(async (tx) => {
      const fresh = (await deps.coreGroups.getMinutes(c.id, tx))!;
      return deps.coreGroups.saveMinutes(
        { ...fresh, circulation: { startedAt: deps.clock.now().toISOString(), by: actor.id, recipients: to.map((i) => ({ inviteeId: i.id, state: 'sending' as const })) } },
        dueBy,
        tx,
      );
    });
    const html = minutesHtml(c, started, plan?.items ?? []);
    const messages: MailMessage[] = to.map((i) => ({ key: i.id, to: { address: i.email, name: i.displayName }, subject: minutesSubject(c), html, attachments: [] }));
    const outcomes: MailOutcome[] = messages.length > 0 ? await deps.mailer.sendEach(messages) : [];
    const byKey = new Map(outcomes.map((o) => [o.key, o.outcome]));
    recipients = to.map((i) => ({ inviteeId: i.id, state: byKey.get(i.id) ?? 'unknown' }));
  }
  const ids = (state: Recipients[number]['state']) => recipients.filter((r) => r.state === state).map((r) => r.inviteeId);
  const [sent, failed, unknown] = [ids('sent'), ids('failed'), ids('unknown')];

  const now = deps.clock.now().toISOString();
  const onTime = dueBy === null ? null : deps.clock.today() <= dueBy;
  const saved = await deps.uow.run(async (tx) => {
    const current = await deps.store.get(c.id, tx);
    if (!current) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${c.id} not found`);
    const fresh = (await deps.coreGroups.getMinutes(c.id, tx))!;
    const out = await deps.coreGroups.saveMinutes({ ...fresh, circulation: { ...fresh.circulation!, recipients }, circulatedAt: now, circulatedBy: actor.id }, dueBy, tx);
    const done = markTaskDone(current.followUps, 'T16', actor.id, now);
    if (done.ok && done.changed) await deps.store.save({ ...current, followUps: done.followUps }, tx);
    await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'core-group.minutes-circulated', conferenceId: c.id, detail: { sent, failed, unknown, dueBy, onTime, version: out.version } }, tx);
    return out;
  });
  return { view: coreGroupView(c, profile, plan, saved, ofPlan), alreadyCirculated: false, sent, failed, unknown, onTime };
}
