import type { CalendarRegion } from '../calendar/working-calendar';
import type { IsoDate } from '../calendar/iso-date';

export const PROFILE_IDS = ['england', 'sheffield', 'staffordshire', 'warwickshire', 'leicestershire', 'suffolk'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export type RuleId =
  | 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10' | 'T10b' | 'T11' | 'T12'
  | 'T13' | 'T14' | 'T15' | 'T16' | 'T17' | 'T18' | 'T19' | 'T20' | 'T21' | 'T22' | 'T23' | 'T24';

/** null means the rule is off ("—" in DOMAIN-RULES §2) unless a deployment configures it. */
export type Off = null;

/** A rule with separate values for initial and review conferences (T7, T10). */
export interface PerConferenceKind { ICPC: number | Off; RCPC: number | Off }

/** T5: later core groups at least every N weeks or N months. */
export interface Interval { unit: 'weeks' | 'months'; n: number }

export interface Timescales {
  T1: number | Off;  T2: number | Off;  T3: number | Off;  T4: number | Off;
  T5: Interval | Off; T6: number | Off;
  T7: PerConferenceKind; T8: number | Off; T9: number | Off; T10: PerConferenceKind;
  T10b: number | Off; T11: number | Off; T12: number | Off; T13: number | Off;
  T14: number | Off; T15: number | Off; T16: number | Off; T17: number | Off;
  T18: { fromWeek: number; toWeek: number } | Off;
  T19: number | Off; T20: number | Off; T21: number | Off; T22: number | Off; T23: number | Off;
  /** Minutes before the start that the social worker joins to brief the chair. */
  T24: number | Off;
}

export type DecisionRule = 'majority-with-chair-casting-vote' | 'chair-decides';

/**
 * The Teams meeting lock-down a profile asks for (TEAMS-PLATFORM "Lock-down options").
 * Values are Graph's own enum members so the adapter can send them unchanged.
 */
export interface MeetingLockdown {
  lobbyBypassScope: 'organizer';
  isDialInBypassEnabled: boolean;
  allowedLobbyAdmitters: 'organizerAndCoOrganizers';
  allowMeetingChat: 'enabled' | 'disabled' | 'limited';
  allowedPresenters: 'organizer' | 'roleIsPresenter';
  allowRecording: boolean;
  allowTranscription: boolean;
  recordAutomatically: boolean;
  isEntryExitAnnounced: boolean;
  allowParticipantsToChangeName: boolean;
  /** Watermark shared content and video, where the council's licence has it. */
  watermark: boolean;
  /**
   * Lobby bypass changed live per stage (docs/meeting/stages.md): during the confidential section
   * the council's own staff (not guests) bypass the lobby; at the family section and at close it is
   * set back to 'organizer' (locked). Off by default: the lobby stays locked throughout.
   */
  liveLobbyBypass: boolean;
}

/** Quoracy (000; 003): children's social care plus at least N other agencies take part. */
export interface QuoracyRule {
  otherAgencies: number;
}

/** Agency reports (DOMAIN-RULES §3). */
export interface ReportRules {
  /** Sheffield (000): share the others' reports only with professionals who sent theirs by T9. */
  shareReportsOnlyWithOnTimeContributors: boolean;
  /** Access to shared reports expires this many days after the conference (0 = end of its day; 003). */
  reportAccessDaysAfterConference: number;
  /** Largest report accepted, in bytes. */
  maxReportBytes: number;
}

/**
 * The council's case reference (a Mosaic or LCS id): the only identifier shown in subjects, logs
 * and URLs. `pattern` is a regular expression source matched against the whole reference.
 */
export interface CaseReferenceRule {
  pattern: string;
  /** Shown beside the field when a reference does not match, e.g. "a Mosaic person id: 6–8 digits". */
  description: string;
}

export interface PolicyProfile {
  id: ProfileId;
  calendar: CalendarRegion;
  /** Council closure days beyond bank holidays (e.g. a Christmas closure). */
  extraClosures: IsoDate[];
  timescales: Timescales;
  decisionRule: DecisionRule;
  allowMultipleCategory: boolean;
  noNeglectDiscontinueAtFirstReview: boolean;
  meeting: MeetingLockdown;
  quoracy: QuoracyRule;
  reports: ReportRules;
  caseReference: CaseReferenceRule;
}
