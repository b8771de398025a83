// A thin ActivityHandler: it turns activities into calls on app-level code and app-level
// outcomes into Teams answers. No rule lives here.
import { CardFactory, type InvokeResponse, MessageFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ChatTurn, TextReply } from '../../app/chat/chat-turn';
import type { MeetingEvent, MeetingEventOutcome } from '../../app/meeting/live/meeting-event';
import type { CardActionRegistry, CardOutcome } from '../../app/ports/card-action.port';
import type { IdempotencyStore } from '../../app/ports/idempotency.port';
import type { TypeaheadDatasets } from '../../app/ports/typeahead.port';
import { createLogger, type Logger } from '../logging/logger';
import { CardActionRouter, type CardPress } from './card-action-router';
import { codeOfThrown, INVOKE_ERRORS, invokeErrorBody } from './invoke-error-map';
import { isMeetingEventActivity, isRecordingActivity, parseMeetingActivity } from './meeting-activity';
import { answerTaskFetch } from './task-module';

export interface ConferenceBotApp {
  /** A typed message (the @mention removed) and its sender: the chat commands' dispatch. */
  respond(turn: ChatTurn): Promise<TextReply>;
  /** Every card verb with its data schema and handler (defineCardActions). */
  cardActions: CardActionRegistry;
  /** Typeahead datasets for Data.Query pickers (`application/search` invokes). */
  typeahead?: TypeaheadDatasets;
  /** A meeting start/end, participant join/leave or recording event in a meeting chat (the live roster). */
  meetingEvent?(event: MeetingEvent): Promise<MeetingEventOutcome>;
  /** Where the tab pages are served (PUBLIC_BASE_URL): dialogs opened from cards show them. Absent: no dialogs. */
  tabBaseUrl?: string;
}

/** turnState keys: the request's logger in, the card path's outcome for the log line out. */
export const TURN_LOG = Symbol('turnLog');
export const TURN_OUTCOME = Symbol('turnOutcome');

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const executeActionSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown().optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** Teams' `application/search` value (Adaptive Cards Data.Query typeahead). */
const searchValueSchema = z.looseObject({
  queryText: z.string().max(200).default(''),
  dataset: z.string().min(1).max(100),
  queryOptions: z.looseObject({ skip: z.number().int().min(0).optional(), top: z.number().int().min(1).max(1000).optional() }).optional(),
});

const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

/** Action.Submit fallback (clients without Universal Actions) sends its `data` merged with the
 *  card's inputs as a message's `value`, with no text; our cards put the verb in it. */
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

/** An outcome as the adaptiveCard/action answer (always sent with HTTP 200). */
export function toInvokeBody(outcome: CardOutcome): { statusCode: number; type: string; value: unknown } {
  switch (outcome.kind) {
    case 'card':
      return { statusCode: 200, type: ADAPTIVE_CARD, value: outcome.card };
    case 'message':
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text };
    case 'error':
      return invokeErrorBody(outcome.code);
  }
}

/** An outcome as the chat reply to an Action.Submit. */
function toReply(outcome: CardOutcome): Parameters<TurnContext['sendActivity']>[0] {
  switch (outcome.kind) {
    case 'card':
      return MessageFactory.attachment(CardFactory.adaptiveCard(outcome.card));
    case 'message':
      return outcome.text;
    case 'error':
      return INVOKE_ERRORS[outcome.code].message;
  }
}

function pressOf(activity: TurnContext['activity'], verb: string, data: unknown): CardPress {
  return {
    verb,
    data,
    actorId: activity.from.aadObjectId ?? activity.from.id,
    tenantId: (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation.tenantId ?? null,
    conversationId: activity.conversation.id,
  };
}

/** For a turn run without the endpoint (which always puts the request's logger in turnState). */
const unlogged = createLogger('silent');

export class ConferenceBot extends TeamsActivityHandler {
  private readonly cards: CardActionRouter;

  constructor(
    private readonly app: ConferenceBotApp,
    idempotency: IdempotencyStore,
  ) {
    super();
    this.cards = new CardActionRouter(app.cardActions, idempotency);
    this.onMessage(async (context, next) => {
      // A recording/transcription system message in a meeting chat (if Teams delivers it) is an event, not a command.
      if (isRecordingActivity(context.activity)) await this.meetingEvent(context);
      else await this.answerMessage(context);
      await next();
    });
  }

  // Teams' meeting events (botbuilder routes them to onTeamsMeeting* handlers with looser parsing):
  // parsed here once into the app's MeetingEvent. The endpoint has already refused a malformed one.
  protected override async dispatchEventActivity(context: TurnContext): Promise<void> {
    if (context.activity.channelId === 'msteams' && (isMeetingEventActivity(context.activity) || isRecordingActivity(context.activity))) {
      await this.meetingEvent(context);
      return;
    }
    await super.dispatchEventActivity(context);
  }

  private async meetingEvent(context: TurnContext): Promise<void> {
    const parsed = parseMeetingActivity(context.activity);
    if (!parsed.ok) {
      context.turnState.set(TURN_OUTCOME, 'ACTIVITY.MALFORMED');
      return;
    }
    if (!this.app.meetingEvent) {
      context.turnState.set(TURN_OUTCOME, 'MEETING.EVENTS_OFF');
      return;
    }
    const result = await this.app.meetingEvent(parsed.event);
    context.turnState.set(TURN_OUTCOME, result.outcome === 'refused' ? result.code : result.outcome);
  }

  private async press(context: TurnContext, verb: string, data: unknown): Promise<CardOutcome> {
    const log = (context.turnState.get(TURN_LOG) as Logger | undefined) ?? unlogged;
    const routed = await this.cards.run(pressOf(context.activity, verb, data), log);
    context.turnState.set(TURN_OUTCOME, routed.logOutcome);
    return routed.outcome;
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const submitted = submitValueSchema.safeParse(context.activity.value);
    if (!context.activity.text && submitted.success) {
      const { verb, ...data } = submitted.data;
      await context.sendActivity(toReply(await this.press(context, verb, data)));
      return;
    }
    const { from, conversation } = context.activity;
    const reply = await this.app.respond({
      text: messageText(context.activity),
      actor: {
        id: from.aadObjectId ?? from.id,
        ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
        tenantId: pressOf(context.activity, '', undefined).tenantId,
        conversationId: conversation.id,
      },
    });
    if (reply.kind === 'card') await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
    else await context.sendActivity(reply.text);
  }

  /**
   * A typeahead: the dataset's choices as Teams' searchResponse; a refusal as the error answer
   * botbuilder itself gives an application/search invoke (the HTTP status is the statusCode).
   */
  private async answerSearch(context: TurnContext): Promise<InvokeResponse> {
    const refuse = (code: Parameters<typeof invokeErrorBody>[0]): InvokeResponse => {
      context.turnState.set(TURN_OUTCOME, code);
      const body = invokeErrorBody(code);
      return { status: body.statusCode, body };
    };
    const parsed = searchValueSchema.safeParse(context.activity.value);
    if (!parsed.success) return refuse('CARD.UNKNOWN_DATASET');
    const { dataset, queryText, queryOptions } = parsed.data;
    const handler = this.app.typeahead && Object.hasOwn(this.app.typeahead, dataset) ? this.app.typeahead[dataset] : undefined;
    if (!handler) return refuse('CARD.UNKNOWN_DATASET');
    const { from, conversation } = context.activity;
    try {
      const results = await handler({
        dataset,
        text: queryText,
        ...(queryOptions?.top !== undefined ? { top: queryOptions.top } : {}),
        ...(queryOptions?.skip !== undefined ? { skip: queryOptions.skip } : {}),
        actor: {
          id: from.aadObjectId ?? from.id,
          ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
          tenantId: pressOf(context.activity, '', undefined).tenantId,
          conversationId: conversation.id,
        },
      });
      context.turnState.set(TURN_OUTCOME, 'OK');
      return { status: 200, body: { type: SEARCH_RESPONSE, value: { results } } };
    } catch (err) {
      return refuse(codeOfThrown(err));
    }
  }

  // Teams wants HTTP 200 for every adaptiveCard/action answer, the outcome in statusCode
  // (botbuilder's own handling would put a 400 in the HTTP status).
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'application/search') return this.answerSearch(context);
    if (context.activity.name === 'task/fetch') {
      const answer = answerTaskFetch(context.activity.value, this.app.tabBaseUrl);
      context.turnState.set(TURN_OUTCOME, answer.outcome);
      return { status: 200, body: answer.body };
    }
    // The dialog's page saved through the API itself; an empty answer closes the dialog.
    if (context.activity.name === 'task/submit') return { status: 200 };
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = executeActionSchema.safeParse(context.activity.value);
    if (!parsed.success) {
      context.turnState.set(TURN_OUTCOME, 'CARD.MALFORMED_ACTION');
      return { status: 200, body: toInvokeBody({ kind: 'error', code: 'CARD.MALFORMED_ACTION' }) };
    }
    const outcome = await this.press(context, parsed.data.action.verb, parsed.data.action.data);
    return { status: 200, body: toInvokeBody(outcome) };
  }
}
