// Every card press goes through here, from Action.Execute (invoke adaptiveCard/action) and from
// its Action.Submit fallback (a message with `value`) alike: verb lookup → `data` parsed with the
// verb's schema → one claim per person, verb and card → the handler → its outcome, recorded so
// that a second press by the same person gets the same answer. A handler's throw becomes an error
// outcome (its code if known, else CARD.FAILED) and an error log line with the code only.
import { z } from 'zod';
import type { CardActionRegistry, CardOutcome } from '../../app/ports/card-action.port';
import type { IdempotencyStore } from '../../app/ports/idempotency.port';
import { actionIdSchema } from '../../cards/card-verbs';
import type { Logger } from '../logging/logger';
import { codeOfThrown, isUseCaseErrorCode } from './invoke-error-map';

export interface CardPress {
  /** As sent by the client: untrusted until found in the registry. */
  verb: string;
  /** As sent by the client (Execute: `action.data`; Submit: `value` without `verb`). */
  data: unknown;
  actorId: string;
  tenantId: string | null;
  conversationId: string;
}

export interface RoutedOutcome {
  outcome: CardOutcome;
  /** For the request's log line: DUPLICATE for a recorded answer, the code of an error, else OK. */
  logOutcome: string;
}

/** One press of one card by one person for one verb. Parts are encoded so none can run into the next. */
export function cardActionKey(p: { conversationId: string; verb: string; actorId: string; actionId: string }): string {
  return `card:${[p.conversationId, p.verb, p.actorId, p.actionId].map(encodeURIComponent).join(':')}`;
}

const storedOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), card: z.looseObject({ type: z.literal('AdaptiveCard'), version: z.string() }) }),
  z.object({ kind: z.literal('message'), text: z.string() }),
  z.object({ kind: z.literal('error'), code: z.string() }),
]);

function replayed(stored: unknown): CardOutcome {
  const parsed = storedOutcomeSchema.safeParse(stored);
  if (!parsed.success) return { kind: 'error', code: 'CARD.FAILED' };
  const o = parsed.data;
  if (o.kind === 'error') return { kind: 'error', code: isUseCaseErrorCode(o.code) ? o.code : 'CARD.FAILED' };
  return o as CardOutcome;
}

const logOutcomeOf = (outcome: CardOutcome): string => (outcome.kind === 'error' ? outcome.code : 'OK');

export class CardActionRouter {
  constructor(
    private readonly registry: CardActionRegistry,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async run(press: CardPress, log: Logger): Promise<RoutedOutcome> {
    const action = this.registry.get(press.verb);
    if (!action) return this.refuse('CARD.UNKNOWN_VERB');
    const verb = press.verb; // known from here on: safe to log
    const raw = press.data ?? {};
    const envelope = z.looseObject({ actionId: actionIdSchema.optional() }).safeParse(raw);
    const data = action.data.safeParse(raw);
    if (!envelope.success || !data.success) return this.refuse('CARD.INVALID_DATA');
    const actionId = envelope.data.actionId ?? null;

    const key = actionId === null ? null : cardActionKey({ conversationId: press.conversationId, verb, actorId: press.actorId, actionId });
    if (key !== null) {
      try {
        const claim = await this.idempotency.claim(key);
        if (!claim.claimed) return { outcome: replayed(claim.response), logOutcome: 'DUPLICATE' };
      } catch (err) {
        const code = codeOfThrown(err);
        log.error({ verb, code, errName: err instanceof Error ? err.name : typeof err }, 'card action not claimed');
        return this.refuse(code);
      }
    }

    let outcome: CardOutcome;
    try {
      outcome = await action.handle({ verb, data: data.data, actionId, actorId: press.actorId, tenantId: press.tenantId, conversationId: press.conversationId });
    } catch (err) {
      // Not recorded: the effect may not have happened, so the person's next press runs again.
      if (key !== null) await this.idempotency.release(key).catch(() => undefined);
      const code = codeOfThrown(err);
      log.error({ verb, code, errName: err instanceof Error ? err.name : typeof err }, 'card action failed');
      return this.refuse(code);
    }
    if (key !== null) {
      try {
        await this.idempotency.complete(key, outcome);
      } catch (err) {
        // The effect happened and this answer is right; only its record is missing.
        log.warn({ verb, code: codeOfThrown(err), errName: err instanceof Error ? err.name : typeof err }, 'card action answer not recorded');
      }
    }
    return { outcome, logOutcome: logOutcomeOf(outcome) };
  }

  private refuse(code: Extract<CardOutcome, { kind: 'error' }>['code']): RoutedOutcome {
    return { outcome: { kind: 'error', code }, logOutcome: code };
  }
}
