// One sample view model per card folder under bot/cards (the render test fails for a card with
// none). Samples are what the product would build, with invented values only.
import { helpViewModel } from '../../bot/app/help/help';
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';
import { reminderViewModel } from '../../bot/cards/reminder/reminder.view-model';

export interface CardSample {
  viewModel: object;
  /** A card with no buttons: it only informs (the reminder card). */
  informational?: true;
}

export const CARD_SAMPLES: Record<string, CardSample> = {
  help: { viewModel: helpViewModel('sample-action-0001') },
  reminder: {
    informational: true,
    viewModel: reminderViewModel({
      headline: 'Your agency report is due',
      caseReference: 'CP-2026-0042',
      kindLabel: 'initial child protection conference',
      start: '2026-12-10T10:00',
      deadline: { date: '2026-12-07', time: null },
      recipientRole: 'professional',
      ruleText: 'agency reports reach the convening team at least 3 working days before',
    }),
  },
};

export type RenderFn = (viewModel: never) => AdaptiveCardJson;
