// The one dispatch from a chat message to a command: the first word picks it; "help" (and
// anything unknown) falls back to the help card's pointer. Commands are registered by the
// composition root, each area supplying its own.
import { HELP_POINTER, helpCard, isHelpRequest } from '../help/help';
import type { ChatCommand, ChatTurn, TextReply } from './chat-turn';

export type ChatResponder = (turn: ChatTurn) => Promise<TextReply>;

export function chatResponder(commands: readonly ChatCommand[]): ChatResponder {
  const byWord = new Map<string, ChatCommand>();
  for (const c of commands) {
    const word = c.word.toLowerCase();
    if (byWord.has(word) || word === 'help') throw new Error(`chat command ${word} is registered twice`);
    byWord.set(word, c);
  }
  return async (turn) => {
    if (isHelpRequest(turn.text)) return { kind: 'card', card: helpCard() };
    const match = /^\s*([A-Za-z-]+)[\s.!?]*(.*)$/s.exec(turn.text);
    const command = match ? byWord.get(match[1]!.toLowerCase()) : undefined;
    if (!command) return { kind: 'text', text: HELP_POINTER };
    return command.run(turn, (match?.[2] ?? '').trim());
  };
}
