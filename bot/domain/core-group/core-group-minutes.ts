// A core group's minutes (DOMAIN-RULES §7; 004, 001, 000) and the child's plan they carry from one
// core group to the next. Types only; the rules are in core-group-rules.ts beside this file.
import type { IsoDate } from '../calendar/iso-date';
import type { InviteeRole } from '../conference/conference';

/** One attendee line: role (and agency), and each of consulted / invited / attended / chair (004). */
export interface MinutesAttendee {
  /** The invitee on the core group conference (never a name: the list holds that). */
  inviteeId: string;
  role: InviteeRole;
  agency?: string;
  consulted: boolean;
  invited: boolean;
  attended: boolean;
  /** Who chaired this meeting (usually the lead social worker, 004). */
  chair: boolean;
}

/** An agreed action or safety goal of the child's plan: added, never removed or rewritten (004). */
export interface PlanItem {
  id: string;
  kind: 'action' | 'safety-goal';
  /** Free text: stored, never logged or audited. */
  text: string;
  /** Who is to do it (an agency or role), for actions. */
  owner?: string;
  /** The meeting that agreed it, and its date. */
  agreedAt: IsoDate;
  agreedBy: string;
}

/** Progress against one safety goal this meeting, with the next steps (004). */
export interface GoalProgress {
  itemId: string;
  progress: string;
  nextSteps: string;
}

/** Signs of Safety scaling 0–10: now, at the initial conference and at the last meeting (004). */
export interface Scaling {
  now?: number;
  initialConference?: number;
  lastMeeting?: number;
}

/** A disagreement with the plan or with an item, recorded rather than acted on by removal (004). */
export interface Disagreement {
  /** A plan item id, or absent for the plan as a whole. */
  itemId?: string;
  /** Whose disagreement: an agency or role, never a name. */
  by: string;
  text: string;
}

export interface CoreGroupMinutes {
  /** The core group conference these minutes are of. */
  conferenceId: string;
  /** The child's plan (the conference whose decision made it): actions and goals live there. */
  planId: string;
  heldOn: IsoDate;
  attendees: MinutesAttendee[];
  childsWords: string;
  familysWords: string;
  /** The child seen by the lead social worker within the timescale (T20). */
  childSeenInTimescale?: boolean;
  advocateOffered?: boolean;
  progress: GoalProgress[];
  scaling: Scaling;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  /** Required when this is the last core group before the review conference. */
  recommendationsForReview?: string;
  nextCoreGroupDate?: IsoDate;
  disagreements: Disagreement[];
  savedAt: string;
  savedBy: string;
  /** Set once: the minutes went to the members (T16). */
  circulatedAt?: string;
  circulatedBy?: string;
  /**
   * The circulation in flight: saved with every recipient 'sending' before the e-mails go, so a
   * crash mid-send never leads to a second e-mail (a 'sending' left over becomes 'unknown').
   */
  circulation?: { startedAt: string; by: string; recipients: { inviteeId: string; state: 'sending' | 'sent' | 'failed' | 'unknown' }[] };
}

/** The child's plan: every action and safety goal agreed so far, oldest first. */
export interface ChildPlan {
  planId: string;
  caseReference: string;
  items: PlanItem[];
  /** The review conference the core groups lead up to (T6), once booked. */
  reviewDate?: IsoDate;
  version: number;
}
