// What every chair's control shares: the conference and its live meeting, the chair check (an
// audited refusal of anyone else), London wall-clock now, and saving the live meeting with its
// audit entries in one transaction, re-reading on a version conflict (a join event got there first).
import type { Viewer } from '../../../domain/access/access-decision';
import type { LocalDateTime } from '../../../domain/calendar/iso-date';
import { instantToLondon } from '../../../domain/calendar/london-time';
import type { Conference } from '../../../domain/conference/conference';
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';
import { MeetingError, type MeetingErrorCode } from '../../../domain/meeting/meeting-errors';
import { requireViewer } from '../../access/viewer-of';
import type { AppDeps } from '../../app-deps';
import { loadFor } from '../../booking/booking-context';
import type { AuditDetail } from '../../ports/audit-log.port';
import { LiveMeetingConflict } from '../../ports/live-meeting-store.port';
import type { TransactionHandle } from '../../ports/unit-of-work.port';

export const MEETING_REFUSED = 'meeting.refused';

/** The chair of this conference: the booking's chair, or the chair invitee's directory id. */
export function isChairOf(c: Conference, actorId: string | undefined): boolean {
  if (!actorId) return false;
  const id = actorId.toLowerCase();
  if (c.booking?.chairId?.toLowerCase() === id) return true;
  return c.invitees.some((i) => i.role === 'chair' && i.status !== 'removed' && i.directoryId?.toLowerCase() === id);
}

/** The chair's invitee entry (the run-sheet link is bound to it). */
export function chairInviteeOf(c: Conference): { id: string } | undefined {
  const chairs = c.invitees.filter((i) => i.role === 'chair' && i.status !== 'removed');
  return chairs.find((i) => i.directoryId && i.directoryId.toLowerCase() === c.booking?.chairId?.toLowerCase()) ?? chairs[0];
}

export const londonNow = (deps: Pick<AppDeps, 'clock'>): LocalDateTime => instantToLondon(deps.clock.now().getTime());

/** An audited refusal of a person (ids and codes only), then the throw. */
export async function refuse(deps: Pick<AppDeps, 'audit'>, viewer: Viewer, c: Conference, attempted: string, code: MeetingErrorCode, detail: AuditDetail = {}): Promise<never> {
  await deps.audit.append({ actorId: viewer.id, actorRole: viewer.role, action: MEETING_REFUSED, conferenceId: c.id, detail: { attempted, code, ...detail } });
  throw new MeetingError(code, `${attempted} refused: ${code}`, { conferenceId: c.id });
}

export interface ChairContext {
  viewer: Viewer;
  conference: Conference;
  live: LiveMeeting;
}

/**
 * Someone part of the conference (others: the access refusal, audited, as for a conference that
 * does not exist), who is its chair (others: MEETING.NOT_THE_CHAIR, audited), with a live meeting
 * (MEETING.NOT_FOUND until Teams' first event or the booking made one: the product never invents
 * the Teams meeting id).
 */
export async function loadForChair(deps: AppDeps, actorId: string | undefined, conferenceId: string, attempted: string): Promise<ChairContext> {
  const viewer = await requireViewer(deps, actorId, attempted);
  const conference = await loadFor(deps, viewer, conferenceId, 'conference.read');
  if (!isChairOf(conference, viewer.id)) await refuse(deps, viewer, conference, attempted, 'MEETING.NOT_THE_CHAIR');
  const live = await deps.live.get(conferenceId);
  if (!live) throw new MeetingError('MEETING.NOT_FOUND', `conference ${conferenceId} has no live meeting yet`, { conferenceId });
  return { viewer, conference, live };
}

export interface AuditLine {
  action: string;
  detail: AuditDetail;
}

/**
 * Re-reads the live meeting, applies `change` (null: nothing to save) and saves it with its audit
 * lines in one transaction; a version conflict (an event saved in between) re-applies on the new row.
 */
export async function saveLive<T>(
  deps: AppDeps,
  viewer: Viewer,
  conferenceId: string,
  change: (live: LiveMeeting) => Promise<{ next: LiveMeeting; audit: AuditLine[]; result: T } | { next: null; result: T }>,
  attempts = 5,
): Promise<{ live: LiveMeeting; result: T }> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.live.get(conferenceId);
    if (!current) throw new MeetingError('MEETING.NOT_FOUND', `conference ${conferenceId} has no live meeting`, { conferenceId });
    const out = await change(current);
    if (out.next === null) return { live: current, result: out.result };
    const next = out.next;
    try {
      const saved = await deps.uow.run(async (tx: TransactionHandle) => {
        const s = await deps.live.save(next, tx);
        for (const line of out.audit) await deps.audit.append({ actorId: viewer.id, actorRole: viewer.role, action: line.action, conferenceId, detail: line.detail }, tx);
        return s;
      });
      return { live: saved, result: out.result };
    } catch (err) {
      if (err instanceof LiveMeetingConflict && attempt < attempts) continue;
      throw err;
    }
  }
}
