// The chair's decision (issue 9 "The decision card"): read it, save the draft at every card submit
// (it survives a restart: it is in the live meeting row), and record it once valid. The card and
// the API (GET/PUT/POST /conferences/:id/decision…) call these same functions. Recording twice
// answers "already recorded" and changes nothing. Audit: decision.saved / decision.recorded /
// decision.refused with ids and codes only (the views' reasons and concerns are free text: never).
import { scheduleRecordIssue } from '../record/issue-record-job';
import type { Decision, DecisionDraft } from '../../domain/decision/decision';
import type { ComputedOutcome } from '../../domain/decision/decision-outcome';
import type { DecisionRanges } from '../../domain/decision/decision-ranges';
import type { DecisionField, DecisionFieldErrors, DecisionRuleCode } from '../../domain/decision/decision-rule-codes';
import { countableViews, validateDecision } from '../../domain/decision/validate-decision';
import { computeOutcome } from '../../domain/decision/decision-outcome';
import { decisionRanges } from '../../domain/decision/decision-ranges';
import { conferenceDateOf } from '../../domain/decision/validate-decision';
import type { LiveMeeting, MeetingStage } from '../../domain/meeting/live-meeting';
import { LiveMeetingConflict } from '../ports/live-meeting-store.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { type DecisionDeps, type LoadedDecision, domainContext, loadDecision } from './decision-context';
import { DecisionError, DecisionFieldsRefused } from './decision-errors';

/** What the card or the API sends: the draft without who saved it and when. */
export type DraftInput = Omit<DecisionDraft, 'savedAt' | 'savedBy'>;

export interface DecisionView {
  loaded: LoadedDecision;
  draft: DecisionDraft;
  decision?: Decision;
  /** The outcome the views entered so far give (the card shows it live). */
  outcome: ComputedOutcome;
  ranges: DecisionRanges;
  /** Field errors of the latest record attempt (empty on a read or a save). */
  errors: DecisionFieldErrors;
  /**
   * What stands between the saved draft and a valid decision, field by field: validateDecision
   * on the draft as it is (the same rules Record applies), so a form shows them as the chair types.
   * Empty once recorded.
   */
  problems: DecisionProblem[];
}

export interface DecisionProblem {
  field: DecisionField;
  code: DecisionRuleCode;
  message: string;
}

/** Field errors as a list, in the rules' order (the first is the one a 422 names as its code). */
export const problemsOf = (errors: DecisionFieldErrors): DecisionProblem[] =>
  (Object.entries(errors) as [DecisionField, { code: DecisionRuleCode; message: string }][]).map(([field, e]) => ({ field, code: e.code, message: e.message }));

export type RecordAnswer =
  | { kind: 'recorded'; view: DecisionView }
  | { kind: 'already-recorded'; view: DecisionView }
  | { kind: 'invalid'; view: DecisionView };

export const EMPTY_DRAFT: DecisionDraft = { views: [], dissent: [], coreGroupInviteeIds: [] };
/** Stages in which the decision may be recorded: the decision stage and after (a meeting Teams ended). */
const RECORDABLE: readonly MeetingStage[] = ['decision', 'looked-after', 'closed'];
const ATTEMPTS = 5;

function problemsOfDraft(draft: DecisionDraft, loaded: LoadedDecision): DecisionProblem[] {
  const check = validateDecision(draft, domainContext(loaded));
  return check.ok ? [] : problemsOf(check.errors);
}

function viewOf(loaded: LoadedDecision, errors: DecisionFieldErrors = {}): DecisionView {
  const { live, profile, calendar, conference } = loaded;
  const draft = live.decisionDraft ?? EMPTY_DRAFT;
  return {
    loaded,
    draft,
    ...(live.decision && { decision: live.decision }),
    // Once recorded, the count is the decision's own (who is in the meeting now no longer matters).
    outcome: live.decision
      ? computeOutcome(profile.decisionRule, live.decision.views, live.decision.chairView)
      : computeOutcome(profile.decisionRule, countableViews(draft, loaded.eligibleAgencies), draft.chairView),
    ranges: decisionRanges(profile, calendar, conference.kind, conferenceDateOf(conference)),
    errors,
    problems: live.decision ? [] : problemsOfDraft(draft, loaded),
  };
}

export async function readDecision(deps: DecisionDeps, actorId: string, conferenceId: string): Promise<DecisionView> {
  return viewOf(await loadDecision(deps, actorId, conferenceId, 'decision.read'));
}

/**
 * Re-reads the live meeting and applies `change` until the save wins (a burst of roster events
 * bumps the same row's version): the change is re-applied to the latest row each time.
 */
async function updateLive(
  deps: DecisionDeps,
  conferenceId: string,
  change: (live: LiveMeeting, tx: TransactionHandle) => Promise<LiveMeeting | null>,
): Promise<LiveMeeting> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.uow.run(async (tx) => {
        const live = await deps.live.get(conferenceId, tx);
        if (!live) throw new DecisionError('DECISION.NOT_AT_DECISION_STAGE', `live meeting of ${conferenceId} is gone`);
        const next = await change(live, tx);
        return next === null ? live : deps.live.save(next, tx);
      });
    } catch (err) {
      if (!(err instanceof LiveMeetingConflict) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** Views only from agencies present or reporting: any other is refused and nothing is saved. */
function refuseIneligible(loaded: LoadedDecision, draft: DraftInput): void {
  const errors: DecisionFieldErrors = {};
  for (const v of draft.views) {
    if (!loaded.eligibleAgencies.includes(v.agency)) {
      errors[`view.${v.agency}`] = { code: 'DECISION.AGENCY_NOT_PRESENT', message: 'This agency is neither in the meeting nor sent a report: its view cannot be counted.' };
    }
  }
  if (Object.keys(errors).length > 0) throw new DecisionFieldsRefused(errors);
}

const alreadyRecorded = (conferenceId: string) => new DecisionError('DECISION.ALREADY_RECORDED', `the decision of ${conferenceId} is already recorded`, { conferenceId });

/** Saves the chair's draft (every card submit). After recording: DECISION.ALREADY_RECORDED, nothing changed. */
export async function saveDecisionDraft(deps: DecisionDeps, actorId: string, conferenceId: string, input: DraftInput): Promise<DecisionView> {
  const loaded = await loadDecision(deps, actorId, conferenceId, 'decision.save');
  if (loaded.live.decision) throw alreadyRecorded(conferenceId);
  refuseIneligible(loaded, input);
  const savedAt = deps.clock.now().toISOString();
  const live = await updateLive(deps, conferenceId, async (current, tx) => {
    if (current.decision) throw alreadyRecorded(conferenceId);
    await deps.audit.append({ actorId, actorRole: 'chair', action: 'decision.saved', conferenceId, detail: { views: input.views.length } }, tx);
    return { ...current, decisionDraft: { ...input, savedAt, savedBy: actorId } };
  });
  return viewOf({ ...loaded, live });
}

/**
 * Saves the draft (when given) and, when it is valid, records the decision. Invalid: the draft is
 * kept and the field errors come back (the card shows each beside its field). Before the decision
 * stage: the draft is saved, the recording refused. Already recorded: nothing changes.
 */
export async function recordDecision(deps: DecisionDeps, actorId: string, conferenceId: string, input?: DraftInput): Promise<RecordAnswer> {
  let loaded = await loadDecision(deps, actorId, conferenceId, 'decision.record');
  if (loaded.live.decision) return { kind: 'already-recorded', view: viewOf(loaded) };
  if (input) {
    try {
      loaded = (await saveDecisionDraft(deps, actorId, conferenceId, input)).loaded;
    } catch (err) {
      if (err instanceof DecisionError && err.code === 'DECISION.ALREADY_RECORDED') return { kind: 'already-recorded', view: viewOf(await loadDecision(deps, actorId, conferenceId, 'decision.record')) };
      throw err;
    }
  }
  if (!RECORDABLE.includes(loaded.live.stage)) {
    throw new DecisionError('DECISION.NOT_AT_DECISION_STAGE', `conference ${conferenceId} is in stage ${loaded.live.stage}`, { conferenceId, stage: loaded.live.stage });
  }
  const at = deps.clock.now().toISOString();
  let kind: RecordAnswer['kind'] = 'invalid';
  let errors: DecisionFieldErrors = {};
  const live = await updateLive(deps, conferenceId, async (current, tx) => {
    if (current.decision) {
      kind = 'already-recorded';
      return null;
    }
    const check = validateDecision(current.decisionDraft ?? EMPTY_DRAFT, domainContext({ ...loaded, live: current }));
    if (!check.ok) {
      kind = 'invalid';
      errors = check.errors;
      return null;
    }
    kind = 'recorded';
    const decision: Decision = { ...check.value, chairId: actorId, at };
    await deps.audit.append({
      actorId,
      actorRole: 'chair',
      action: 'decision.recorded',
      conferenceId,
      detail: {
        outcome: decision.outcome,
        decidedBy: decision.decidedBy,
        category: decision.category ?? null,
        reviewOutcome: decision.review?.outcome ?? null,
        views: decision.views.length,
        dissent: decision.dissent.map((d) => d.agency),
        coreGroup: decision.coreGroupInviteeIds,
      },
    }, tx);
    if (deps.jobs) await scheduleRecordIssue(deps.jobs, deps.clock, { conferenceId, chairId: actorId }, tx);
    return { ...current, decision };
  });
  return { kind, view: viewOf({ ...loaded, live }, errors) };
}
