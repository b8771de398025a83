// What the meeting stage shows (everyone in the call sees it, the family included): the agenda —
// the parts this meeting has, the current one marked — and, once the decision is recorded, the
// plan summary. Built field by field from an allow-list so nothing confidential can slip in: no
// roster, no names, no agency views, concerns, dissent or alerts.
import type { Conference } from '../../../domain/conference/conference';
import type { Decision, HarmCategory } from '../../../domain/decision/decision';
import type { LiveMeeting, MeetingStage } from '../../../domain/meeting/live-meeting';
import { hasConfidential, stageContextOf } from '../../../domain/meeting/stage-machine';

export type AgendaStatus = 'done' | 'current' | 'to-come';

export interface StageView {
  conferenceId: string;
  caseReference: string;
  kind: string;
  /** YYYY-MM-DD (Europe/London). */
  date: string;
  /** null before the meeting has started. */
  stage: MeetingStage | null;
  agenda: { stage: MeetingStage; label: string; status: AgendaStatus }[];
  plan: { outcome: Decision['outcome']; outcomeLabel: string; category?: HarmCategory; categoryLabel?: string; firstCoreGroupDate?: string; reviewDate?: string } | null;
}

/** Words for a screen everyone reads: plain, no role that could single someone out. */
export const AGENDA_LABEL: Record<MeetingStage, string> = {
  'pre-meeting': "Chair's briefing",
  confidential: 'Professionals only',
  family: 'Discussion with the family',
  decision: 'Decision',
  'looked-after': 'Looked-after review',
  closed: 'Meeting closed',
};

const KIND_LABEL: Record<Conference['kind'], string> = {
  ICPC: 'Initial child protection conference',
  RCPC: 'Review child protection conference',
  CORE_GROUP: 'Core group meeting',
  TRANSFER_IN: 'Transfer-in conference',
  PRE_BIRTH: 'Pre-birth conference',
};

const OUTCOME_LABEL: Record<Decision['outcome'], string> = { 'child-protection-plan': 'Child protection plan', 'child-in-need': 'Child in need plan', 'no-further-action': 'No further action' };
const CATEGORY_LABEL: Record<HarmCategory, string> = { physical: 'Physical abuse', emotional: 'Emotional abuse', sexual: 'Sexual abuse', neglect: 'Neglect', multiple: 'Multiple categories' };

/** The parts of this meeting, in order (the stage machine's own rules for which exist). */
export function agendaStages(c: Conference, live: LiveMeeting | null): MeetingStage[] {
  const ctx = stageContextOf(c);
  const state = { stage: live?.stage ?? 'pre-meeting', ...(live?.confidentialAdded !== undefined ? { confidentialAdded: live.confidentialAdded } : {}) };
  return [
    'pre-meeting',
    ...(hasConfidential(state, ctx) ? (['confidential'] as const) : []),
    'family',
    'decision',
    ...(ctx.dualProcess ? (['looked-after'] as const) : []),
  ];
}

function planOf(d: Decision | undefined): StageView['plan'] {
  if (!d) return null;
  const withPlan = d.outcome === 'child-protection-plan';
  return {
    outcome: d.outcome,
    outcomeLabel: OUTCOME_LABEL[d.outcome],
    ...(withPlan && d.category ? { category: d.category, categoryLabel: CATEGORY_LABEL[d.category] } : {}),
    ...(withPlan && d.firstCoreGroupDate ? { firstCoreGroupDate: d.firstCoreGroupDate } : {}),
    ...(d.reviewDate ? { reviewDate: d.reviewDate } : {}),
  };
}

export function stageViewOf(c: Conference, live: LiveMeeting | null): StageView {
  const stages = agendaStages(c, live);
  const current = live ? stages.indexOf(live.stage) : -1;
  const closed = live?.stage === 'closed';
  return {
    conferenceId: c.id,
    caseReference: c.caseReference,
    kind: KIND_LABEL[c.kind],
    date: c.start.slice(0, 10),
    stage: live?.stage ?? null,
    agenda: stages.map((stage, i) => ({
      stage,
      label: AGENDA_LABEL[stage],
      status: closed || (current >= 0 && i < current) ? 'done' : i === current ? 'current' : 'to-come',
    })),
    plan: planOf(live?.decision),
  };
}
