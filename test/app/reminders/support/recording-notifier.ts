// ChatNotifier doubles for the reminder tests: one that records each card (and can be told to
// fail the next sends with a NotifierError code), as the Teams adapter's contract says.
import type { AdaptiveCardJson } from '../../../../bot/cards/adaptive-card';
import { type ChatNotifier, ChatNotifierError, type ChatNotifierErrorCode, type SentCard } from '../../../../bot/app/ports/chat-notifier.port';

export class RecordingNotifier implements ChatNotifier {
  readonly sent: { personId: string; card: AdaptiveCardJson }[] = [];
  /** Codes the next sendCard calls throw, in order. */
  failures: ChatNotifierErrorCode[] = [];

  async sendCard(personId: string, card: AdaptiveCardJson): Promise<SentCard> {
    const code = this.failures.shift();
    if (code) throw new ChatNotifierError(code, 'the double was told to fail');
    this.sent.push({ personId, card: structuredClone(card) });
    return { conversationId: `a:conv-${personId}`, activityId: `act-${this.sent.length}` };
  }

  async updateCard(): Promise<void> {
    throw new ChatNotifierError('NOTIFY.UNAVAILABLE', 'reminders never update a card');
  }
}
