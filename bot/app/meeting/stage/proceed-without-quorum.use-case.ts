// Not quorate at the start (issue 9): the chair proceeds with a recorded reason (kept in the live
// meeting, never in the audit detail: it is free text), or stands the conference down through the
// lifecycle's stand-down (reason not-quorate: reconvened within T17; POST …/stand-down, or the
// run sheet's stand-down form). Quorate already: nothing to record.
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import { quorumAtStart } from '../../../domain/meeting/quorum-at-start';
import type { AppDeps } from '../../app-deps';
import { loadForChair, refuse, saveLive } from './chair-context';

export type QuorumAnswer = { kind: 'proceeding' | 'already-proceeding' | 'quorate'; live: LiveMeeting };

export async function proceedWithoutQuorum(deps: AppDeps, actorId: string | undefined, conferenceId: string, reasonText: string): Promise<QuorumAnswer> {
  const attempted = 'meeting.proceed';
  const { viewer, conference: c, live: first } = await loadForChair(deps, actorId, conferenceId, attempted);
  // Quorum is decided at the start: once the meeting has moved on, it is history.
  if (first.stage !== 'pre-meeting' && !first.quorum?.proceeded) await refuse(deps, viewer, c, attempted, 'MEETING.STAGE_NOT_ALLOWED', { stage: first.stage });
  const reason = reasonText.trim();
  const rule = deps.profileFor(c.profileId).quoracy;
  const { live, result } = await saveLive(deps, viewer, conferenceId, async (current) => {
    const q = quorumAtStart(c, current, rule);
    if (current.quorum?.proceeded) return { next: null, result: 'already-proceeding' as const };
    if (q.quorate) return { next: null, result: 'quorate' as const };
    if (!reason) throw new MeetingError('MEETING.NOT_QUORATE_REASON_REQUIRED', 'proceeding while not quorate needs a reason', { conferenceId });
    const at = deps.clock.now().toISOString();
    return {
      next: { ...current, quorum: { checkedAt: at, quorate: false, proceeded: { by: viewer.id, at, reason } } },
      audit: [{ action: 'meeting.quorum-proceeded', detail: { quorate: false, missing: q.missing, socialCare: q.socialCare } }],
      result: 'proceeding' as const,
    };
  });
  return { kind: result, live };
}
