// The core group minutes card (DOMAIN-RULES §7): attendees (attended / consulted / who chaired),
// the child's and the family's words, child seen, advocate offered, the plan's actions (read-only:
// the card cannot drop one) and each safety goal with its progress and next steps, a new goal or
// action, scaling now / at the initial conference / at the last meeting, working well / worried
// about / needs to happen, recommendations for the review, a disagreement, the next date.
// Save, Circulate, and Book the next core group. Member names appear only as choices on the card.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import type { Verb } from '../card-verbs';
import template from './core-group-minutes.template.json';

interface Choice {
  title: string;
  value: string;
}

export interface MinutesCardValues {
  /** Comma-separated invitee ids, as Teams sends a multi-select. */
  attended: string;
  consulted: string;
  chair: string;
  childsWords: string;
  familysWords: string;
  childSeen: string;
  advocateOffered: string;
  newGoal: string;
  newAction: string;
  newActionOwner: string;
  scalingNow: string;
  scalingInitial: string;
  scalingLast: string;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  recommendations: string;
  nextCoreGroupDate: string;
}

export interface CoreGroupMinutesCardViewModel {
  title: string;
  facts: Choice[];
  notice: string;
  members: Choice[];
  yesNo: Choice[];
  actions: { text: string }[];
  goals: { text: string; progressId: string; nextStepsId: string; progress: string; nextSteps: string; progressLabel: string; nextStepsLabel: string }[];
  values: MinutesCardValues;
  attendeesLabel: string;
  attendedLabel: string;
  consultedLabel: string;
  chairLabel: string;
  childsWordsLabel: string;
  familysWordsLabel: string;
  childSeenLabel: string;
  advocateLabel: string;
  planLabel: string;
  newGoalLabel: string;
  newActionLabel: string;
  newActionOwnerLabel: string;
  scalingNowLabel: string;
  scalingInitialLabel: string;
  scalingLastLabel: string;
  workingWellLabel: string;
  worriedAboutLabel: string;
  needsToHappenLabel: string;
  recommendationsLabel: string;
  disagreementByLabel: string;
  disagreementLabel: string;
  nextDateLabel: string;
  saveTitle: string;
  saveVerb: Extract<Verb, 'core-group.minutes-save'>;
  circulateTitle: string;
  circulateVerb: Extract<Verb, 'core-group.minutes-circulate'>;
  bookNextTitle: string;
  bookNextVerb: Extract<Verb, 'follow-ups.book'>;
  conferenceId: string;
  /** The minutes' version the card shows (If-Match of the save). */
  version: string;
  actionId: string;
}

/** The labels every minutes card carries (the view model builder adds the data). */
export const MINUTES_LABELS = {
  attendeesLabel: 'Attendees',
  attendedLabel: 'Attended',
  consultedLabel: 'Consulted',
  chairLabel: 'Chaired by',
  childsWordsLabel: 'What the child says',
  familysWordsLabel: 'What the family says',
  childSeenLabel: 'Child seen within timescales',
  advocateLabel: 'Advocate offered',
  planLabel: "The child's plan (agreed actions and safety goals stay; add to them below)",
  newGoalLabel: 'Add a safety goal',
  newActionLabel: 'Add an action',
  newActionOwnerLabel: 'Who does the new action (agency or role)',
  scalingNowLabel: 'Scaling now (0–10)',
  scalingInitialLabel: 'Scaling at the initial conference (0–10)',
  scalingLastLabel: 'Scaling at the last meeting (0–10)',
  workingWellLabel: 'What is working well',
  worriedAboutLabel: 'What we are worried about',
  needsToHappenLabel: 'What needs to happen',
  recommendationsLabel: 'Recommendations for the review (the last core group before it)',
  disagreementByLabel: 'Disagreement recorded by (agency or role)',
  disagreementLabel: 'Disagreement (recorded, nothing removed)',
  nextDateLabel: 'Date of the next core group',
  saveTitle: 'Save the minutes',
  circulateTitle: 'Circulate the minutes',
  bookNextTitle: 'Book the next core group',
} as const;

const minutesTemplate = new ACData.Template(template);

export function render(viewModel: CoreGroupMinutesCardViewModel): AdaptiveCardJson {
  return minutesTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
