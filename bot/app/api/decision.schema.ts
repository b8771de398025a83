// The decision resources of /api/v1 (docs/meeting/decision.md): the chair's draft and the recorded
// decision of a conference whose meeting is live. Bodies are parsed strictly (an unknown field is
// a 400); rule checks (ranges, required fields, agencies present) are the domain's, answered 422.
import { z } from 'zod';
import { HARM_CATEGORIES } from '../../domain/decision/decision';
import { DECISION_RULE_CODES } from '../../domain/decision/decision-rule-codes';
import { MEETING_STAGES } from '../../domain/meeting/live-meeting';

const text = (max: number) => z.string().max(max);
const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
const category = z.enum([...HARM_CATEGORIES, 'multiple']);
const date = text(20).meta({ description: 'YYYY-MM-DD (Europe/London); the allowed range is in `ranges`.' });
const view = z.strictObject({
  agency: text(40),
  view: z.enum(['plan', 'no-plan', 'abstain']),
  scaling: z.number().optional().meta({ description: 'Signs of Safety scaling, a whole number 0–10.' }),
});
const reviewIn = z.strictObject({
  outcome: z.enum(['continue', 'change-category', 'end-plan']).optional(),
  newCategory: category.optional(),
  allActionsComplete: z.boolean().optional(),
  endRationale: text(2000).optional(),
});

export const decisionParamsSchema = z.object({ conferenceId: idSchema });

export const decisionDraftSchema = z.strictObject({
  views: z.array(view).max(20).default([]).meta({ description: 'One per agency present in the meeting or that sent a report.' }),
  chairView: z.enum(['plan', 'no-plan']).optional(),
  chairConcerns: text(2000).optional(),
  outcomeWithoutPlan: z.enum(['child-in-need', 'no-further-action']).optional(),
  category: category.optional(),
  dissent: z.array(z.strictObject({ agency: text(40), reason: text(2000) })).max(20).default([]),
  leadSocialWorkerInviteeId: idSchema.optional(),
  coreGroupInviteeIds: z.array(idSchema).max(60).default([]),
  firstCoreGroupDate: date.optional(),
  reviewDate: date.optional(),
  review: reviewIn.optional(),
});

export const recordDecisionBodySchema = z.strictObject({
  draft: decisionDraftSchema.optional().meta({ description: 'Saved first when given; without it the saved draft is recorded.' }),
});

const range = z.object({ from: z.string(), to: z.string().optional(), rule: z.string(), text: z.string() });

const storedDraft = decisionDraftSchema.extend({ savedAt: z.string().optional(), savedBy: z.string().optional() });

const decisionOut = z.object({
  outcome: z.enum(['child-protection-plan', 'child-in-need', 'no-further-action']),
  decidedBy: z.enum(['majority', 'casting-vote', 'chair']),
  views: z.array(view),
  chairView: z.enum(['plan', 'no-plan']).optional(),
  chairConcerns: z.string().optional(),
  category: category.optional(),
  dissent: z.array(z.object({ agency: z.string(), reason: z.string() })),
  leadSocialWorkerInviteeId: z.string().optional(),
  coreGroupInviteeIds: z.array(z.string()),
  firstCoreGroupDate: z.string().optional(),
  reviewDate: z.string().optional(),
  review: z.object({ outcome: z.enum(['continue', 'change-category', 'end-plan']), newCategory: category.optional(), allActionsComplete: z.boolean().optional(), endRationale: z.string().optional() }).optional(),
  chairId: z.string(),
  at: z.string(),
});

const choice = z.object({ title: z.string(), value: z.string() });

const problem = z.object({
  field: z.string().meta({ description: 'The field: chairView, category, reviewDate, review.outcome, view.<agency>, scaling.<agency>, dissent.<agency>…' }),
  code: z.enum(DECISION_RULE_CODES),
  message: z.string(),
});

const choices = z.object({
  agencies: z.array(z.object({ agency: z.string(), label: z.string(), reportingOnly: z.boolean() })),
  view: z.array(choice),
  scaling: z.array(choice),
  chairView: z.array(choice),
  outcomeWithoutPlan: z.array(choice),
  category: z.array(choice).meta({ description: 'The categories the profile allows (multiple only with allowMultipleCategory).' }),
  leadSocialWorker: z.array(choice).meta({ description: 'Invitees with role social-worker (professionals named as the invite list names them).' }),
  coreGroup: z.array(choice).meta({ description: 'Professionals and family members on the invite list; family by role only.' }),
  reviewOutcome: z.array(choice),
  rangeText: z.object({ firstCoreGroup: z.string(), review: z.string() }).meta({ description: 'Each date\'s allowed range in words, as the card\'s label says it.' }),
});

export const decisionReadingSchema = z.object({
  conferenceId: z.string(),
  caseReference: z.string(),
  isReview: z.boolean().meta({ description: 'A review conference: the review outcome fields apply.' }),
  stage: z.enum(MEETING_STAGES),
  decisionRule: z.enum(['majority-with-chair-casting-vote', 'chair-decides']),
  agencies: z.array(z.string()).meta({ description: 'Agencies whose views count: children\'s social care (its social worker present) and those present or reporting.' }),
  reportingOnly: z.array(z.string()).meta({ description: 'Of those, the ones that sent a report and are not in the meeting.' }),
  draft: storedDraft,
  outcome: z.object({
    result: z.enum(['plan', 'no-plan']).nullable(),
    decidedBy: z.enum(['majority', 'casting-vote', 'chair']).nullable(),
    plan: z.number(),
    noPlan: z.number(),
    abstain: z.number(),
    tie: z.boolean(),
    chairDiffers: z.boolean(),
  }),
  ranges: z.object({ firstCoreGroup: range, review: range }),
  problems: z.array(problem).meta({ description: 'What stands between the saved draft and a valid decision, field by field: the same rules (validateDecision) that Record and the card apply. Empty once recorded.' }),
  words: z.object({ outcome: z.string(), counts: z.string(), rule: z.string() }).meta({ description: 'The outcome so far, the counts and the profile\'s decision rule in words (the card\'s lines).' }),
  choices: choices.meta({ description: 'What the chair chooses from: the same lists as the decision card.' }),
  decision: decisionOut.optional(),
  summary: z.array(z.object({ title: z.string(), value: z.string() })).optional().meta({ description: 'Once recorded: the decision in words, row by row (the card\'s summary).' }),
});

export const recordedDecisionSchema = decisionReadingSchema.extend({
  decision: decisionOut,
  alreadyRecorded: z.boolean().meta({ description: 'True when the decision had been recorded before this request: nothing changed.' }),
});

export type DecisionReading = z.input<typeof decisionReadingSchema>;
