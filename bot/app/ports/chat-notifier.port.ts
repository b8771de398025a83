// Proactive messages: a card sent to one person's 1:1 chat with the bot (an attendance request, an
// approval, a reminder) and updated in place later. The Teams adapter keeps the conversation
// references it has seen and installs the app for a person through Graph where it has none.
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { CodedError } from '../../domain/shared/coded-error';

export interface SentCard {
  conversationId: string;
  activityId: string;
}

export type ChatNotifierErrorCode =
  /** No 1:1 chat with this person and the app could not be installed for them (outside the tenant…). */
  | 'NOTIFY.NO_CONVERSATION'
  /** Teams did not take the message (throttled, down); the caller may retry later. */
  | 'NOTIFY.UNAVAILABLE';

export class ChatNotifierError extends CodedError<ChatNotifierErrorCode> {}

export interface ChatNotifier {
  /** `personId`: Entra object id. Throws ChatNotifierError; the card must carry no family names. */
  sendCard(personId: string, card: AdaptiveCardJson): Promise<SentCard>;
  /** Replaces a card sent earlier (its answered state, a refreshed board). */
  updateCard(sent: SentCard, card: AdaptiveCardJson): Promise<void>;
}
