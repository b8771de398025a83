// The invite list as the people who run the conference see it (the API's answer and the card's
// model): each invitee's own fields, whether they are invited, their notice (T7) and whether it
// was late, their latest attendance answer and whether their report arrived; the list's warnings
// (health or police missing, 002) and its version (the ETag). Never shown to a family member:
// 'invite-list.read' refuses them (bot/domain/access).
import type { IsoDate, LocalDateTime } from '../../domain/calendar/iso-date';
import type { AttendanceAnswer, ChildAgeBand, Conference, ConferenceStatus, Invitee, InviteeRole } from '../../domain/conference/conference';
import { type InviteListWarning, inviteListWarnings } from '../../domain/invite-list/invite-list-warnings';
import { type Audience, audienceOf, childIsInvited } from '../../domain/invite-list/invitee-rules';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { checkNotice, type NoticeCheck } from '../invitations/invitation-notice';

export interface InviteeEntry {
  id: string;
  role: InviteeRole;
  audience: Audience;
  agency?: string;
  displayName: string;
  email: string;
  phone?: string;
  directoryId?: string;
  status: Invitee['status'];
  /** A child under 12, or over 12 with a recorded decision, is listed but not invited. */
  invited: boolean;
  notInvitedReason?: 'age-band' | 'decision';
  interpreter?: { language: string; arrangement: string };
  ageBand?: ChildAgeBand;
  advocateOffered?: { at: string; accepted: boolean };
  policeCheck?: { reason: string; requestedAt?: string };
  exclusions?: { from: LocalDateTime; to: LocalDateTime; grounds: string }[];
  slot?: { from: LocalDateTime; to: LocalDateTime };
  invitedAt?: string;
  notice?: { deadline: IsoDate; met: boolean };
  /** Invited after the T7 notice deadline. */
  late: boolean;
  attendance?: Pick<AttendanceAnswer, 'answer' | 'at' | 'via' | 'reportDueBy'> & { colleague?: { displayName: string; role: string } };
  report?: { receivedAt: string; onTime: boolean };
}

export interface InviteListView {
  conferenceId: string;
  caseReference: string;
  status: ConferenceStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  version: number;
  invitees: InviteeEntry[];
  warnings: InviteListWarning[];
  /** Invitations sent today: the T7 deadline and whether it is still met (null: no notice rule). */
  noticeToday: NoticeCheck | null;
}

export const inviteListVersionOf = (c: Pick<Conference, 'inviteListVersion'>): number => c.inviteListVersion ?? 1;

/** A child listed for the record (age band, advocate offer) but not invited. */
export const listedNotInvited = (i: Invitee): boolean => i.role === 'child' && !childIsInvited(i);

function entry(i: Invitee): InviteeEntry {
  const notInvited = listedNotInvited(i) ? (i.notInvitedDecision ? 'decision' : 'age-band') : undefined;
  const latest = i.attendance?.at(-1);
  return {
    id: i.id,
    role: i.role,
    audience: audienceOf(i.role),
    ...(i.agency !== undefined && { agency: i.agency }),
    displayName: i.displayName,
    email: i.email,
    ...(i.phone !== undefined && { phone: i.phone }),
    ...(i.directoryId !== undefined && { directoryId: i.directoryId }),
    status: i.status,
    invited: notInvited === undefined && i.status !== 'removed',
    ...(notInvited !== undefined && { notInvitedReason: notInvited }),
    ...(i.interpreter !== undefined && { interpreter: { language: i.interpreter.language, arrangement: i.interpreter.arrangement } }),
    ...(i.ageBand !== undefined && { ageBand: i.ageBand }),
    ...(i.advocateOffered !== undefined && { advocateOffered: { at: i.advocateOffered.at, accepted: i.advocateOffered.accepted } }),
    ...(i.policeCheck !== undefined && { policeCheck: { reason: i.policeCheck.reason, ...(i.policeCheck.requestedAt ? { requestedAt: i.policeCheck.requestedAt } : {}) } }),
    ...(i.exclusions !== undefined && { exclusions: i.exclusions.map((e) => ({ from: e.from, to: e.to, grounds: e.grounds })) }),
    ...(i.slot !== undefined && { slot: { from: i.slot.from, to: i.slot.to } }),
    ...(i.invitedAt !== undefined && { invitedAt: i.invitedAt }),
    ...(i.notice !== undefined && { notice: { deadline: i.notice.deadline, met: i.notice.met } }),
    late: i.notice !== undefined && !i.notice.met,
    ...(latest !== undefined && {
      attendance: {
        answer: latest.answer,
        at: latest.at,
        via: latest.via,
        ...(latest.reportDueBy !== undefined && { reportDueBy: latest.reportDueBy }),
        ...(latest.colleague !== undefined && { colleague: { displayName: latest.colleague.displayName, role: latest.colleague.role } }),
      },
    }),
    ...(i.report !== undefined && { report: { receivedAt: i.report.receivedAt, onTime: i.report.onTime } }),
  };
}

export function inviteListView(c: Conference, profile: PolicyProfile, today: IsoDate): InviteListView {
  return {
    conferenceId: c.id,
    caseReference: c.caseReference,
    status: c.status,
    start: c.start,
    end: c.end,
    version: inviteListVersionOf(c),
    // Removed entries stay in the stored history; the list shows everyone else (and the children listed, not invited).
    invitees: c.invitees.filter((i) => i.status !== 'removed' || listedNotInvited(i)).map(entry),
    warnings: inviteListWarnings(c),
    noticeToday: checkNotice(profile, c.kind, c.start, today),
  };
}
