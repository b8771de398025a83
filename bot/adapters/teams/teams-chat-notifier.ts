// ChatNotifier over the Bot Framework connector: a card to a person's 1:1 chat with the bot
// (continueConversation on the reference the endpoint recorded), and that card replaced later
// (updateActivity). Without a reference, the app is installed for the person through Graph and
// the 1:1 conversation created with their Entra object id (Teams accepts it in personal scope).
// Nobody reachable either way (outside the tenant, app blocked): NOTIFY.NO_CONVERSATION, and the
// caller falls back to e-mail.
import { connectorStatusOf } from './connector-status';
import { type Activity, CardFactory, type CloudAdapter, type ConversationParameters, type ConversationReference, MessageFactory } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { type ChatNotifier, ChatNotifierError, type SentCard } from '../../app/ports/chat-notifier.port';
import type { ConversationRef, ConversationRefs } from '../../app/ports/conversation-refs.port';

/** Graph `POST /users/{id}/teamwork/installedApps`: resolves once the app is there (409 = already). */
export interface TeamsAppInstaller {
  install(personId: string): Promise<void>;
}

export interface TeamsChatNotifierOptions {
  /** The bot's Entra app id ('' in local mode, where outbound calls are not signed). */
  botAppId: string;
  refs: ConversationRefs;
  installer?: TeamsAppInstaller;
  /** The council's tenant, for conversations the bot creates. */
  tenantId: string | null;
  /** Where a new conversation goes when no reference gives a service URL (Teams' global endpoint). */
  defaultServiceUrl?: string;
}

const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

function referenceOf(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: '' },
    user: { id: ref.personId, name: '', aadObjectId: ref.personId },
    conversation: { id: ref.conversationId, isGroup: false, conversationType: 'personal', name: '', ...(ref.tenantId ? { tenantId: ref.tenantId } : {}) },
  };
}


export class TeamsChatNotifier implements ChatNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: TeamsChatNotifierOptions,
  ) {}

  async sendCard(personId: string, card: AdaptiveCardJson): Promise<SentCard> {
    const known = await this.options.refs.get(personId);
    const ref = known ?? (await this.open(personId));
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.options.botAppId, referenceOf(ref), async (context) => {
        activityId = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
      });
    } catch (err) {
      const status = connectorStatusOf(err);
      // The conversation is gone (app uninstalled, user removed): forget it, so the next try reinstalls.
      if (status === 403 || status === 404) {
        await this.options.refs.forget(personId);
        throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', `the 1:1 chat answered ${status}`);
      }
      throw new ChatNotifierError('NOTIFY.UNAVAILABLE', `the connector did not take the card${status ? ` (${status})` : ''}`);
    }
    if (!activityId) throw new ChatNotifierError('NOTIFY.UNAVAILABLE', 'the connector gave no activity id');
    return { conversationId: ref.conversationId, activityId };
  }

  async updateCard(sent: SentCard, card: AdaptiveCardJson): Promise<void> {
    const ref = await this.options.refs.byConversation(sent.conversationId);
    if (!ref) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', 'no reference for that conversation');
    try {
      await this.adapter.continueConversationAsync(this.options.botAppId, referenceOf(ref), async (context) => {
        const update = { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: sent.activityId, conversation: { id: sent.conversationId } } as Partial<Activity>;
        await context.updateActivity(update);
      });
    } catch (err) {
      throw new ChatNotifierError('NOTIFY.UNAVAILABLE', `the connector did not update the card${connectorStatusOf(err) ? ` (${connectorStatusOf(err)})` : ''}`);
    }
  }

  /** Installs the app for the person, then creates the 1:1 conversation and records it. */
  private async open(personId: string): Promise<ConversationRef> {
    const { installer, refs, tenantId, botAppId } = this.options;
    if (!installer) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', 'no 1:1 chat with this person and no installer');
    await installer.install(personId);
    const latest = await refs.latest();
    const serviceUrl = latest?.serviceUrl ?? this.options.defaultServiceUrl ?? TEAMS_SERVICE_URL;
    const botId = latest?.botId ?? `28:${botAppId}`;
    const parameters = {
      isGroup: false,
      bot: { id: botId, name: '' },
      members: [{ id: personId, name: '' }],
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
    } as unknown as ConversationParameters;
    let conversationId: string | undefined;
    try {
      await this.adapter.createConversationAsync(botAppId, 'msteams', serviceUrl, CHANNEL_AUDIENCE, parameters, async (context) => {
        conversationId = context.activity.conversation?.id;
      });
    } catch (err) {
      const status = connectorStatusOf(err);
      if (status === 400 || status === 403 || status === 404) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', `Teams refused the 1:1 chat (${status})`);
      throw new ChatNotifierError('NOTIFY.UNAVAILABLE', 'Teams did not create the 1:1 chat');
    }
    if (!conversationId) throw new ChatNotifierError('NOTIFY.UNAVAILABLE', 'Teams gave no conversation id');
    const ref: ConversationRef = { personId, conversationId, serviceUrl, tenantId, botId, channelId: 'msteams' };
    await refs.record(ref);
    return ref;
  }
}

/** What the endpoint records from an inbound personal-scope activity (null: nothing to record). */
export function conversationRefOf(activity: {
  type: string;
  serviceUrl: string;
  channelId: string;
  from: { id: string; aadObjectId?: string };
  recipient: { id: string };
  conversation: { id: string; conversationType?: unknown };
  action?: unknown;
}, tenantId: string | null): { ref: ConversationRef; remove: boolean } | null {
  const personId = activity.from.aadObjectId;
  if (!personId || !/^[0-9a-f-]{36}$/i.test(personId)) return null;
  if (activity.conversation.conversationType !== 'personal') return null;
  const remove = activity.type === 'installationUpdate' && typeof activity.action === 'string' && activity.action.startsWith('remove');
  return {
    ref: { personId, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl, tenantId, botId: activity.recipient.id, channelId: activity.channelId },
    remove,
  };
}
