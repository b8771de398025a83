// Test-only card verbs for tests about the transport (auth, tenancy, body limits, shutdown), not
// about card data: each accepts any object as `data`. Tests about data declare their own schemas
// with defineCardActions.
import { z } from 'zod';
import { type CardActionRegistry, type CardActionRequest, type CardOutcome, defineCardActions } from '../../../bot/app/ports/card-action.port';

export function anyDataCardActions(handlers: Record<string, (request: CardActionRequest<Record<string, unknown>>) => Promise<CardOutcome>>): CardActionRegistry {
  const table = Object.fromEntries(Object.keys(handlers).map((verb) => [verb, { data: z.looseObject({}) }]));
  return defineCardActions(table, handlers);
}
