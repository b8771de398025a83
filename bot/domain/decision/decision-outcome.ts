// The outcome the agencies' views give under the profile's decisionRule (DOMAIN-RULES §5), as
// the chair enters them: shown live on the card and used again when the decision is recorded.
import type { DecisionRule } from '../policy/policy-profile';
import type { AgencyViewEntry } from './decision';

export type PlanView = 'plan' | 'no-plan';

export interface ComputedOutcome {
  /** null: not decided yet (a tie without the chair's vote, or the chair has not decided). */
  result: PlanView | null;
  decidedBy: 'majority' | 'casting-vote' | 'chair' | null;
  plan: number;
  noPlan: number;
  abstain: number;
  /** Majority rule: the plan and no-plan views are equal, so the chair's vote decides. */
  tie: boolean;
  /** Majority rule: the chair's view differs from the majority (their concerns go in the summary). */
  chairDiffers: boolean;
}

export function computeOutcome(rule: DecisionRule, views: readonly Pick<AgencyViewEntry, 'view'>[], chairView: PlanView | undefined): ComputedOutcome {
  const plan = views.filter((v) => v.view === 'plan').length;
  const noPlan = views.filter((v) => v.view === 'no-plan').length;
  const abstain = views.filter((v) => v.view === 'abstain').length;
  const counts = { plan, noPlan, abstain };
  if (rule === 'chair-decides') {
    return { ...counts, result: chairView ?? null, decidedBy: chairView ? 'chair' : null, tie: false, chairDiffers: false };
  }
  // Abstentions are not counted; an equal split (0–0 included) is the chair's casting vote.
  if (plan === noPlan) {
    return { ...counts, result: chairView ?? null, decidedBy: chairView ? 'casting-vote' : null, tie: true, chairDiffers: false };
  }
  const majority: PlanView = plan > noPlan ? 'plan' : 'no-plan';
  return { ...counts, result: majority, decidedBy: 'majority', tie: false, chairDiffers: chairView !== undefined && chairView !== majority };
}
