// A message typed to the bot, as app code sees it: the text (without the @mention) and who sent it.
// Commands (bot/app/chat/chat-commands.ts) answer with a card or a line of text.
import type { AdaptiveCardJson } from '../../cards/adaptive-card';

export interface ChatActor {
  /** Entra object id when Teams gives one, else the Teams user id (as card presses are keyed). */
  id: string;
  /** Entra object id: the directory identity (absent for anonymous or unknown senders). */
  aadObjectId?: string;
  tenantId: string | null;
  conversationId: string;
}

export interface ChatTurn {
  text: string;
  actor: ChatActor;
}

export type TextReply = { kind: 'card'; card: AdaptiveCardJson } | { kind: 'text'; text: string };

/** One thing a user can type: its first word (case-insensitive) and what it answers. */
export interface ChatCommand {
  /** The command word ("book", "board", …); matched against the first word of the message. */
  word: string;
  run(turn: ChatTurn, args: string): Promise<TextReply>;
}
