// GET /api/v1/conferences/:conferenceId/timeline: the child's plan this conference belongs to,
// found by its links — up through `followUpOf` to the conference whose decision made the plan,
// then down through every follow-up booked (`followUps`) and rebooking (`standDown.rebookedAs`).
// Anyone who may read this conference's deadlines sees the plan's dates, kinds and statuses
// (ids and the case reference only: no names, nothing from the confidential section).
import type { Conference } from '../../domain/conference/conference';
import { type PlanMember, type PlanTimeline, planTimeline } from '../../domain/timeliness/plan-timeline';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { calendarOf, loadFor } from '../booking/booking-context';

/** A plan's links are followed at most this far (a guard against a cycle written by hand). */
const MAX_MEMBERS = 200;

function linksOf(c: Conference): string[] {
  const f = c.followUps;
  return [f?.coreGroupId, f?.reviewId, f?.nextCoreGroupId, c.standDown?.rebookedAs].filter((id): id is string => typeof id === 'string');
}

export async function readPlanTimeline(deps: AppDeps, actorId: string | undefined, conferenceId: string): Promise<PlanTimeline> {
  const viewer = await requireViewer(deps, actorId, 'deadlines.read');
  const start = await loadFor(deps, viewer, conferenceId, 'deadlines.read');
  // The plan is kept under the conference whose decision made it (the follow-ups carry its id);
  // up from there through rebookings to the first conference of the chain.
  const planId = start.followUpOf?.planId ?? start.id;
  let root = start;
  const seenUp = new Set([root.id]);
  while (root.followUpOf || root.rebookingOf) {
    const upId = root.followUpOf?.planId ?? root.rebookingOf!;
    if (seenUp.has(upId)) break;
    const up = await deps.store.get(upId);
    if (!up) break;
    seenUp.add(up.id);
    root = up;
  }
  // Down through every link, breadth first.
  const members: Conference[] = [];
  const seen = new Set<string>();
  const queue = [root.id];
  while (queue.length > 0 && members.length < MAX_MEMBERS) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const c = id === start.id ? start : await deps.store.get(id);
    if (!c) continue;
    members.push(c);
    queue.push(...linksOf(c));
  }
  const withFacts: PlanMember[] = [];
  for (const c of members) {
    const live = c.kind === 'CORE_GROUP' ? null : await deps.live.get(c.id);
    withFacts.push({ conference: c, ...(live?.decision && { decision: live.decision }), facts: { decisionRecorded: live?.decision !== undefined, ...(live?.record && { record: live.record }) } });
  }
  const profile = deps.profileFor(root.profileId);
  return planTimeline(profile, calendarOf(profile), planId, withFacts, deps.clock.today());
}
