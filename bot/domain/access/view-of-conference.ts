// What one viewer may see of a conference; the API and the cards send only this. Every field is
// copied by name (never spread), so a field added to Conference or Invitee stays out until it is
// placed here on purpose.
import type { IsoDate, LocalDateTime } from '../calendar/iso-date';
import type { Conference, ConferenceStatus, Invitee, InviteeRole } from '../conference/conference';
import type { ConferenceKind } from '../conference/conference-kind';
import { decide, effectiveRole, relationTo, type Viewer } from './access-decision';

/** The viewer's own invitation: their own details only. */
export interface OwnInvitationView {
  inviteeId: string;
  role: InviteeRole;
  displayName: string;
  email: string;
  status: Invitee['status'];
  joinAt?: LocalDateTime;
  interpreter?: { language: string; arrangement: string };
}

/** A family member (or interpreter, observer): case reference, date, their own join time. */
export interface FamilyConferenceView {
  audience: 'family';
  conferenceId: string;
  caseReference: string;
  date: IsoDate;
  joinAt?: LocalDateTime;
  invitation: OwnInvitationView;
}

/** An invitee as the people who run the conference see it (no mail internals). */
export interface InviteeView {
  id: string;
  role: InviteeRole;
  agency?: string;
  displayName: string;
  email: string;
  status: Invitee['status'];
  joinAt?: LocalDateTime;
  interpreter?: { language: string; arrangement: string };
  invitedAt?: string;
  notice?: { deadline: IsoDate; met: boolean };
}

interface ProfessionalSideView {
  conferenceId: string;
  caseReference: string;
  kind: ConferenceKind;
  status: ConferenceStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  familySectionStart?: LocalDateTime;
  joinUrl?: string;
}

/** A professional: the conference and their own invitation; attendees are hidden from each other. */
export interface ProfessionalConferenceView extends ProfessionalSideView {
  audience: 'professional';
  invitation?: OwnInvitationView;
}

/** Those who run or oversee it (clerk, chair, social worker, team manager, managers): the list too. */
export interface StaffConferenceView extends ProfessionalSideView {
  audience: 'staff';
  invitation?: OwnInvitationView;
  invitees: InviteeView[];
}

export type ConferenceView = FamilyConferenceView | ProfessionalConferenceView | StaffConferenceView;

function ownInvitation(i: Invitee): OwnInvitationView {
  return {
    inviteeId: i.id,
    role: i.role,
    displayName: i.displayName,
    email: i.email,
    status: i.status,
    ...(i.joinAt !== undefined && { joinAt: i.joinAt }),
    ...(i.interpreter !== undefined && { interpreter: { language: i.interpreter.language, arrangement: i.interpreter.arrangement } }),
  };
}

function inviteeView(i: Invitee): InviteeView {
  return {
    id: i.id,
    role: i.role,
    ...(i.agency !== undefined && { agency: i.agency }),
    displayName: i.displayName,
    email: i.email,
    status: i.status,
    ...(i.joinAt !== undefined && { joinAt: i.joinAt }),
    ...(i.interpreter !== undefined && { interpreter: { language: i.interpreter.language, arrangement: i.interpreter.arrangement } }),
    ...(i.invitedAt !== undefined && { invitedAt: i.invitedAt }),
    ...(i.notice !== undefined && { notice: { deadline: i.notice.deadline, met: i.notice.met } }),
  };
}

/** null when the viewer may not read the conference at all (decide's refusal says why). */
export function viewOfConference(viewer: Viewer, conference: Conference): ConferenceView | null {
  if (!decide(viewer, 'conference.read', conference).ok) return null;
  const relation = relationTo(viewer, conference);
  const own = relation.kind === 'part' ? relation.invitee : undefined;
  // The same effective role as decide(): a family-side entry makes anyone a family member.
  if (effectiveRole(viewer, relation) === 'family-member') {
    if (!own) return null;
    return {
      audience: 'family',
      conferenceId: conference.id,
      caseReference: conference.caseReference,
      date: conference.start.slice(0, 10),
      ...(own.joinAt !== undefined && { joinAt: own.joinAt }),
      invitation: ownInvitation(own),
    };
  }
  const base: ProfessionalSideView = {
    conferenceId: conference.id,
    caseReference: conference.caseReference,
    kind: conference.kind,
    status: conference.status,
    start: conference.start,
    end: conference.end,
    ...(conference.familySectionStart !== undefined && { familySectionStart: conference.familySectionStart }),
    ...(conference.meeting?.joinUrl !== undefined && { joinUrl: conference.meeting.joinUrl }),
  };
  const invitation = own ? { invitation: ownInvitation(own) } : {};
  if (decide(viewer, 'invite-list.read', conference).ok) {
    return { audience: 'staff', ...base, ...invitation, invitees: conference.invitees.map(inviteeView) };
  }
  return { audience: 'professional', ...base, ...invitation };
}
