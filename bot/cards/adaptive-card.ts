/** A rendered Adaptive Card (schema 1.5 at most in Teams), ready to send or to answer an invoke with. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };
