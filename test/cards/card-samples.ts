// One sample view model per card folder under bot/cards (the render test fails for a card with
// none). Samples are what the product would build, with invented values only.
import { helpViewModel } from '../../bot/app/help/help';
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';

export interface CardSample {
  viewModel: object;
}

export const CARD_SAMPLES: Record<string, CardSample> = {
  help: { viewModel: helpViewModel('sample-action-0001') },
};

export type RenderFn = (viewModel: never) => AdaptiveCardJson;
