// The 1:1 conversations the bot has seen, per person (Entra object id): what the Teams adapter
// needs to send a card proactively. Written by the Teams endpoint, read by the chat notifier.
export interface ConversationRef {
  personId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
  botId: string;
  channelId: string;
}

export interface ConversationRefs {
  get(personId: string): Promise<ConversationRef | null>;
  byConversation(conversationId: string): Promise<ConversationRef | null>;
  /** The latest reference seen, for its service URL (a new conversation goes to the same region). */
  latest(): Promise<ConversationRef | null>;
  record(ref: ConversationRef): Promise<void>;
  forget(personId: string): Promise<void>;
}
