// A ChatNotifier double that records each card sent (person, card) and refuses, as Teams would
// for someone without a 1:1 chat, the people listed in `unreachable`.
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';
import { type ChatNotifier, ChatNotifierError, type SentCard } from '../../bot/app/ports/chat-notifier.port';

export class RecordingNotifier implements ChatNotifier {
  readonly sent: { personId: string; card: AdaptiveCardJson; at: SentCard }[] = [];
  readonly updated: { at: SentCard; card: AdaptiveCardJson }[] = [];
  readonly unreachable = new Set<string>();

  async sendCard(personId: string, card: AdaptiveCardJson): Promise<SentCard> {
    if (this.unreachable.has(personId)) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', 'no 1:1 chat with this person');
    const at = { conversationId: `a:personal-${personId}`, activityId: `activity-${this.sent.length + 1}` };
    this.sent.push({ personId, card, at });
    return at;
  }

  async updateCard(at: SentCard, card: AdaptiveCardJson): Promise<void> {
    if (!this.sent.some((s) => s.at.activityId === at.activityId)) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', 'no such card');
    this.updated.push({ at, card });
  }

  to(personId: string): AdaptiveCardJson[] {
    return this.sent.filter((s) => s.personId === personId).map((s) => s.card);
  }
}
