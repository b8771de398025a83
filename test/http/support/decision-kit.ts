// Shared set-up for the decision's HTTP tests: the whole server in local mode (invite kit), a
// booked conference whose chair is the seeded chair, and its live meeting written straight to the
// store with the social worker, police and health visitor in the meeting and the school reporting.
import { SqlLiveMeetingStore } from '../../../bot/adapters/store/sql-live-meeting.store';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import type { LiveMeeting, MeetingStage } from '../../../bot/domain/meeting/live-meeting';
import { bookedConference, CHAIR, CLERK, HEALTH_VISITOR, type InviteKit, POLICE, SCHOOL, SOCIAL_WORKER } from '../../invite-list/support/invite-kit';

export const PROFESSIONALS: Invitee[] = [
  { id: 'inv-police', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' },
  { id: 'inv-hv', role: 'professional', agency: 'health', displayName: HEALTH_VISITOR.displayName, email: HEALTH_VISITOR.mail, directoryId: HEALTH_VISITOR.id, status: 'invited' },
  {
    id: 'inv-school', role: 'professional', agency: 'education', displayName: SCHOOL.displayName, email: SCHOOL.mail, directoryId: SCHOOL.id, status: 'invited',
    report: { driveItemId: 'drive-1', fileName: 'report.pdf', contentType: 'application/pdf', bytes: 10, receivedAt: '2027-02-20T09:00:00.000Z', receivedBy: SCHOOL.id, onTime: true },
  },
  { id: 'inv-parent', role: 'parent', displayName: 'Invented Parent', email: 'invented.parent@example.test', phone: '07700900001', status: 'invited' },
];

/** A booked ICPC on Monday 1 March 2027 (T4 → 15 March, T2 → 1 June) chaired by the seeded chair. */
export function decisionConference(id: string, overrides: Partial<Conference> = {}): Omit<Conference, 'version'> {
  const base = bookedConference(id);
  return {
    ...base,
    caseReference: `MOS55${String(id.length * 7919).padStart(5, '0')}`,
    booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CLERK.id, durationMinutes: 120, confidentialMinutes: 45 },
    invitees: [...base.invitees, ...PROFESSIONALS.map((i) => ({ ...i, invitedAt: '2026-12-01T09:00:00.000Z' }))],
    ...overrides,
  };
}

export async function startLiveMeeting(kit: InviteKit, conferenceId: string, stage: MeetingStage = 'decision'): Promise<LiveMeeting> {
  const entry = (inviteeId: string, n: number) => ({ participantId: `29:p-${n}`, inviteeId, matchedBy: 'entra-id' as const, inMeeting: true, firstJoinedAt: '2027-03-01T10:00:00.000Z', lastEventAt: '2027-03-01T10:00:00.000Z' });
  return new SqlLiveMeetingStore(kit.bot.db).create({
    conferenceId,
    teamsMeetingId: `meeting-${conferenceId}`,
    stage,
    history: [],
    roster: [entry('inv-chair', 1), entry('inv-sw', 2), entry('inv-police', 3), entry('inv-hv', 4)],
    alerts: [],
  });
}

export const liveOf = (kit: InviteKit, conferenceId: string) => new SqlLiveMeetingStore(kit.bot.db).get(conferenceId);

export async function auditOf(kit: InviteKit, conferenceId: string): Promise<{ action: string; actor_id: string; detail: Record<string, unknown> }[]> {
  const { rows } = await kit.bot.db.query<{ action: string; actor_id: string; detail: unknown }>('SELECT action, actor_id, detail FROM audit_log WHERE conference_id = $1 ORDER BY seq', [conferenceId]);
  return rows.map((r) => ({ ...r, detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown> }));
}

export const decisionPath = (id: string, tail = '') => `/api/v1/conferences/${id}/decision${tail}`;

/** Four agency views (two for a plan, one against, one abstaining) for decisionConference's invite list. */
export const DECISION_VIEWS = [
  { agency: 'childrens-social-care', view: 'plan' },
  { agency: 'police', view: 'plan', scaling: 4 },
  { agency: 'health', view: 'no-plan' },
  { agency: 'education', view: 'abstain' },
];
/** A complete plan decision on DECISION_VIEWS (health's dissent given), its dates inside decisionConference's ranges. */
export const DECISION_PLAN = {
  views: DECISION_VIEWS, chairView: 'plan', category: 'emotional', dissent: [{ agency: 'health', reason: 'Invented reason' }],
  leadSocialWorkerInviteeId: 'inv-sw', coreGroupInviteeIds: ['inv-police', 'inv-parent'], firstCoreGroupDate: '2027-03-02', reviewDate: '2027-05-28',
};
