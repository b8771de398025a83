// The conference's decision as the chair enters it on the decision card (DOMAIN-RULES §5; 001).
// Types only: the rules (outcome under the profile's decisionRule, the date ranges, the neglect
// rule, review outcomes) live beside this file.
import type { IsoDate } from '../calendar/iso-date';

/** An agency's view on a child protection plan. */
export type AgencyView = 'plan' | 'no-plan' | 'abstain';
export const HARM_CATEGORIES = ['physical', 'emotional', 'sexual', 'neglect'] as const;
/** One of four, or 'multiple' where the profile allows it (allowMultipleCategory). */
export type HarmCategory = (typeof HARM_CATEGORIES)[number] | 'multiple';
export type DecisionOutcome = 'child-protection-plan' | 'child-in-need' | 'no-further-action';
/** Review conferences: continue the plan, change its category, or end it. */
export type ReviewOutcome = 'continue' | 'change-category' | 'end-plan';

export interface AgencyViewEntry {
  /** An agency present in the meeting or that sent a report (bot/domain/conference/agency.ts). */
  agency: string;
  view: AgencyView;
  /** Signs of Safety scaling, 0–10 (000, 004). */
  scaling?: number;
}

export interface Dissent {
  agency: string;
  /** Free text: stored, never logged or audited. */
  reason: string;
}

/** What the card holds, possibly half-filled: every field optional except the lists. */
export interface DecisionDraft {
  views: AgencyViewEntry[];
  /** The chair's own view: a casting vote on a tie (majority rule) or the decision (chair decides). */
  chairView?: 'plan' | 'no-plan';
  /** The chair disagrees with the majority: their concerns for the summary (001). */
  chairConcerns?: string;
  /** When no plan: child in need or no further action. */
  outcomeWithoutPlan?: 'child-in-need' | 'no-further-action';
  category?: HarmCategory;
  dissent: Dissent[];
  leadSocialWorkerInviteeId?: string;
  coreGroupInviteeIds: string[];
  firstCoreGroupDate?: IsoDate;
  reviewDate?: IsoDate;
  /** Review conferences only. */
  review?: { outcome?: ReviewOutcome; newCategory?: HarmCategory; allActionsComplete?: boolean; endRationale?: string };
  /** ISO instant of the latest save, and who saved it. */
  savedAt?: string;
  savedBy?: string;
}

/** The decision once the chair has submitted a valid card. */
export interface Decision {
  outcome: DecisionOutcome;
  /** How it was reached: 'majority', 'casting-vote' (a tie settled by the chair) or 'chair'. */
  decidedBy: 'majority' | 'casting-vote' | 'chair';
  views: AgencyViewEntry[];
  chairView?: 'plan' | 'no-plan';
  chairConcerns?: string;
  category?: HarmCategory;
  dissent: Dissent[];
  leadSocialWorkerInviteeId?: string;
  coreGroupInviteeIds: string[];
  firstCoreGroupDate?: IsoDate;
  reviewDate?: IsoDate;
  review?: { outcome: ReviewOutcome; newCategory?: HarmCategory; allActionsComplete?: boolean; endRationale?: string };
  /** Entra id of the chair and the ISO instant. */
  chairId: string;
  at: string;
}
