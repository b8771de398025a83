// A thin ActivityHandler: it turns activities into calls on app-level code and app-level
// results into Teams answers. No rule lives here.
import { CardFactory, type InvokeResponse, MessageFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CardActionHandlers, CardActionRequest, CardActionResult } from '../../app/ports/card-action.port';
import type { TextReply } from '../../app/help/help';

export interface ConferenceBotApp {
  respondToText(text: string): TextReply;
  cardActions: CardActionHandlers;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const executeActionSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown().optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** Action.Submit fallback (clients without Universal Actions) sends the verb in a message's value. */
const submitValueSchema = z.looseObject({ verb: z.string().min(1).max(100) });

/** The bot's message text without the @mention that group chats and meetings put in front of it. */
export function messageText(activity: TurnContext['activity']): string {
  const withoutRecipient = activity.recipient?.id
    ? (activity.entities ?? []).reduce((text, entity) => {
        const mentioned = (entity as { mentioned?: { id?: string }; text?: string }).mentioned?.id;
        const mentionText = (entity as { text?: string }).text;
        return entity.type === 'mention' && mentioned === activity.recipient.id && mentionText ? text.split(mentionText).join('') : text;
      }, activity.text ?? '')
    : (activity.text ?? '');
  // A mention whose entity is missing still arrives as <at>…</at> markup.
  return withoutRecipient.replace(/<at>[^<]*<\/at>/gi, '').replace(/&nbsp;/g, ' ').trim();
}

export function toInvokeBody(result: CardActionResult): { statusCode: number; type: string; value: unknown } {
  switch (result.kind) {
    case 'card':
      return { statusCode: 200, type: ADAPTIVE_CARD, value: result.card };
    case 'message':
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text };
    case 'error':
      return {
        statusCode: result.status,
        type: result.status === 412 ? 'application/vnd.microsoft.error.preconditionFailed' : 'application/vnd.microsoft.error',
        value: { code: result.code, message: result.message },
      };
  }
}

function actorOf(activity: TurnContext['activity']): string {
  return activity.from.aadObjectId ?? activity.from.id;
}

function tenantOf(activity: TurnContext['activity']): string | null {
  return (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation.tenantId ?? null;
}

export class ConferenceBot extends TeamsActivityHandler {
  constructor(private readonly app: ConferenceBotApp) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const submitted = submitValueSchema.safeParse(context.activity.value);
    if (!context.activity.text && submitted.success) {
      const { verb, ...data } = submitted.data;
      const result = await this.runCardAction(context, verb, data);
      if (result.kind === 'card') await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(result.card)));
      else if (result.kind === 'message') await context.sendActivity(result.text);
      else await context.sendActivity(result.message);
      return;
    }
    const reply = this.app.respondToText(messageText(context.activity));
    if (reply.kind === 'card') await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
    else await context.sendActivity(reply.text);
  }

  private async runCardAction(context: TurnContext, verb: string, data: unknown): Promise<CardActionResult> {
    const handler = Object.hasOwn(this.app.cardActions, verb) ? this.app.cardActions[verb] : undefined;
    if (!handler) {
      return { kind: 'error', status: 400, code: 'CARD.UNKNOWN_VERB', message: `This card action ('${verb}') is not recognised. Say "help" to start again.` };
    }
    const request: CardActionRequest = {
      verb,
      data,
      actorId: actorOf(context.activity),
      tenantId: tenantOf(context.activity),
      conversationId: context.activity.conversation.id,
    };
    return handler(request);
  }

  // Teams wants HTTP 200 for every adaptiveCard/action answer, the outcome in statusCode
  // (botbuilder's own handling would put a 400 in the HTTP status).
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = executeActionSchema.safeParse(context.activity.value);
    const result: CardActionResult = parsed.success
      ? await this.runCardAction(context, parsed.data.action.verb, parsed.data.action.data)
      : { kind: 'error', status: 400, code: 'CARD.MALFORMED_ACTION', message: 'The card action is malformed: expected an Action.Execute with a verb.' };
    return { status: 200, body: toInvokeBody(result) };
  }
}
