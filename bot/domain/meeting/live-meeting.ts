// The conference's Teams meeting while it runs (issue 9, docs/meeting.md): the stage, the live
// roster, the chair's alerts and the decision being entered. Kept apart from the Conference
// aggregate (its own row, its own version) so that a burst of join events never collides with
// the clerk's invite-list edits. Keyed by conference id AND Teams meeting id: an event for
// another meeting of the same conference is refused, so two rosters can never mix.
import type { Decision, DecisionDraft } from '../decision/decision';
import type { RecordState } from '../record/record-state';

/**
 * pre-meeting (chair and social worker; the T24 briefing) → confidential (professionals only)
 * → family (with split-attendance slots and exclusion windows) → decision → closed. A dual-process
 * review has `looked-after` after the decision (001). Core groups skip `confidential` unless the
 * chair adds one.
 */
export const MEETING_STAGES = ['pre-meeting', 'confidential', 'family', 'decision', 'looked-after', 'closed'] as const;
export type MeetingStage = (typeof MEETING_STAGES)[number];

/** What the chair asks for (card, side panel or API). Only the chair may. */
export const STAGE_COMMANDS = ['open-confidential', 'open-family', 'open-decision', 'open-looked-after', 'close', 'add-confidential-section'] as const;
export type StageCommand = (typeof STAGE_COMMANDS)[number];

/** Everything that can move or test the stage machine: the chair's commands and Teams' own events. */
export type StageEvent =
  | { type: 'command'; command: StageCommand; byChair: boolean }
  | { type: 'meeting-started' }
  | { type: 'meeting-ended' };

export interface StageChange {
  from: MeetingStage;
  to: MeetingStage;
  /** ISO instant. */
  at: string;
  /** Entra id of the chair, or 'teams' for a meeting start/end. */
  by: string;
}

/** How a participant was matched to an invitee. Never by display name alone. */
export type MatchedBy = 'entra-id' | 'upn' | 'email' | 'chair';

export interface RosterEntry {
  /** Teams' user id in this meeting (29:…): the participant's key. */
  participantId: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  /** As Teams shows it. Personal data: shown to the chair to match by hand, never logged. */
  displayName?: string;
  /** The invitee this participant is (absent: unknown joiner, for the chair to match). */
  inviteeId?: string;
  matchedBy?: MatchedBy;
  inMeeting: boolean;
  /** Teams' meeting role as the event gave it (Organizer / Presenter / Attendee). */
  meetingRole?: string;
  firstJoinedAt: string;
  /** ISO instant of the latest join/leave applied: an older event for this participant changes nothing. */
  lastEventAt: string;
}

export const ALERT_KINDS = [
  'family-in-confidential',
  'excluded-in-window',
  'unknown-joiner',
  'advocate-in-withheld-part',
  'not-in-looked-after-part',
  'outside-own-slot',
  'recording-started',
  'transcription-started',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface MeetingAlert {
  id: string;
  kind: AlertKind;
  participantId?: string;
  inviteeId?: string;
  stage: MeetingStage;
  raisedAt: string;
  /** Times the chair has been told (the first delivery and each repeat). */
  deliveries: number;
  lastDeliveredAt?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** Set when the alert no longer applies; an open alert has none. */
  clearedAt?: string;
  clearedBecause?: 'acknowledged' | 'left' | 'removed' | 'stage-changed' | 'matched' | 'meeting-ended';
}

export interface LiveMeeting {
  conferenceId: string;
  /** Teams' meeting id (channelData.meeting.id). */
  teamsMeetingId: string;
  /** The meeting chat's conversation (for the targeted in-meeting notification). */
  chat?: { conversationId: string; serviceUrl: string; tenantId?: string };
  startedAt?: string;
  endedAt?: string;
  stage: MeetingStage;
  history: StageChange[];
  /** Core groups: the chair added a confidential section. */
  confidentialAdded?: boolean;
  /** Quorum at the start (shown to the chair); not quorate → proceed with a reason, or stand down. */
  quorum?: { checkedAt: string; quorate: boolean; proceeded?: { by: string; at: string; reason: string } };
  roster: RosterEntry[];
  alerts: MeetingAlert[];
  /** What the product knows of recording and transcription ('unknown' until Teams tells the bot). */
  recording?: { recording: 'unknown' | 'started' | 'stopped'; transcription: 'unknown' | 'started' | 'stopped'; at?: string };
  /** The chair's decision while it is entered (saved at every card submit, survives a restart). */
  decisionDraft?: DecisionDraft;
  decision?: Decision;
  /** Optimistic concurrency, like the conference's. */
  version: number;
  /** The decision and recommendations record — who gets which copy, by which channel, how it went (bot/app/record). */
  record?: RecordState;
  /** The calling bot's call in this meeting (removing someone), kept so it is joined once. */
  call?: { callId: string; joinedAt: string };
}
