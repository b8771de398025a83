// The decision use cases as the API answers them (docs/meeting/decision.md): the same functions
// as the card, the view flattened to the resource with the card's choices and the draft's
// problems (so the tab's form shows the server's rules, never its own); field errors on record
// are one 422 naming every field.
import type { DecisionReading } from '../api/decision.schema';
import { isReviewKind } from '../../domain/decision/decision-ranges';
import { decisionWords, summaryOf } from './decision-card';
import { decisionChoices } from './decision-choices';
import { DecisionFieldsRefused } from './decision-errors';
import { type DecisionView, type DraftInput, readDecision, recordDecision, saveDecisionDraft } from './decision.use-case';
import type { DecisionDeps } from './decision-context';

function reading(v: DecisionView): DecisionReading {
  return {
    conferenceId: v.loaded.conference.id,
    caseReference: v.loaded.conference.caseReference,
    isReview: isReviewKind(v.loaded.conference.kind),
    stage: v.loaded.live.stage,
    decisionRule: v.loaded.profile.decisionRule,
    agencies: v.loaded.eligibleAgencies,
    reportingOnly: v.loaded.reportingOnly,
    draft: v.draft,
    outcome: v.outcome,
    ranges: v.ranges,
    problems: v.problems,
    choices: decisionChoices(v),
    words: decisionWords(v),
    ...(v.decision && { decision: v.decision, summary: summaryOf(v.decision, v) }),
  };
}

export const decisionApi = {
  read: async (deps: DecisionDeps, actorId: string, conferenceId: string) => reading(await readDecision(deps, actorId, conferenceId)),
  saveDraft: async (deps: DecisionDeps, actorId: string, conferenceId: string, draft: DraftInput) => reading(await saveDecisionDraft(deps, actorId, conferenceId, draft)),
  record: async (deps: DecisionDeps, actorId: string, conferenceId: string, draft: DraftInput | undefined) => {
    const answer = await recordDecision(deps, actorId, conferenceId, draft);
    if (answer.kind === 'invalid') throw new DecisionFieldsRefused(answer.view.errors);
    return { ...reading(answer.view), decision: answer.view.decision!, alreadyRecorded: answer.kind === 'already-recorded' };
  },
};
