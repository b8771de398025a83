// The contract between the Teams adapter and use cases for card actions (Action.Execute invokes
// and their Action.Submit fallback). The adapter looks the verb up, parses `data` with the verb's
// schema (bot/cards/card-verbs.ts), makes the press idempotent per person and per verb, calls the
// handler, and turns its outcome into Teams' answer. Handlers never choose an HTTP status: an
// error outcome is a code, and one table in the adapter says what each code means to the user.
import type { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import type { CARD_VERBS, DataOf, VerbTable } from '../../cards/card-verbs';
import type { UseCaseErrorCode } from '../errors/error-codes';

export interface CardActionRequest<D = unknown> {
  verb: string;
  /** The card's `data`, already parsed by the verb's schema. */
  data: D;
  /** The rendered card's id, when it carries one (every product card does). */
  actionId: string | null;
  /** Entra object id when Teams gives one, else the Teams user id. */
  actorId: string;
  tenantId: string | null;
  conversationId: string;
}

export type CardOutcome =
  | { kind: 'card'; card: AdaptiveCardJson }
  | { kind: 'message'; text: string }
  | { kind: 'error'; code: UseCaseErrorCode };

/** One handler per verb of `T`, each receiving that verb's parsed data. */
export type CardActionHandlersFor<T extends VerbTable> = {
  readonly [V in keyof T & string]: (request: CardActionRequest<DataOf<T, V>>) => Promise<CardOutcome>;
};

/** The product's handlers: every verb of the table, none missing, none extra. */
export type CardActionHandlers = CardActionHandlersFor<typeof CARD_VERBS>;

export interface RegisteredCardAction {
  readonly data: z.ZodType;
  handle(request: CardActionRequest): Promise<CardOutcome>;
}

/** Verbs with their schemas and handlers, as the adapter looks them up. */
export type CardActionRegistry = ReadonlyMap<string, RegisteredCardAction>;

/** Pairs a verb table with its handlers (the types guarantee one handler per verb). */
export function defineCardActions<T extends VerbTable>(table: T, handlers: CardActionHandlersFor<T>): CardActionRegistry {
  const byVerb = handlers as unknown as Record<string, RegisteredCardAction['handle']>;
  return new Map(
    Object.entries(table).map(([verb, spec]) => {
      const handle = byVerb[verb];
      if (!handle) throw new Error(`card verb ${verb} has no handler`);
      return [verb, { data: spec.data, handle }] as const;
    }),
  );
}

/** Several registries as one; a verb declared twice is a wiring mistake and stops start-up. */
export function combineCardActions(...registries: (CardActionRegistry | undefined)[]): CardActionRegistry {
  const all = new Map<string, RegisteredCardAction>();
  for (const registry of registries) {
    for (const [verb, action] of registry ?? []) {
      if (all.has(verb)) throw new Error(`card verb ${verb} is registered twice`);
      all.set(verb, action);
    }
  }
  return all;
}
