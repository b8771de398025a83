// The chair's 1:1 chat with the bot, in the Agents Playground (the demo makes the chair its
// "you"): the chair says hello (the bot records the conversation for proactive cards, as it does
// in Teams), then every card the bot sends the chair — alerts, guidance, the decision card —
// arrives on the Playground's conversation stream and is kept here in arrival order.
import { PlaygroundClient, type PlaygroundMessage } from '../local/playground-client';

export interface ReceivedCard {
  message: PlaygroundMessage;
  /** Epoch ms it arrived on the stream. */
  at: number;
  /** Every TextBlock's text, depth first. */
  texts: string[];
  /** The verbs of its Action.Execute buttons. */
  verbs: string[];
  /** Each Action.Execute button's data (what a press would send). */
  actions: { verb: string; data: Record<string, unknown> }[];
}

type Node = Record<string, unknown>;

function walk(card: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(card)) for (const c of card) walk(c, visit);
  else if (card && typeof card === 'object') {
    const o = card as Node;
    if (typeof o.type === 'string') visit(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v, visit);
  }
}

export function readCard(message: PlaygroundMessage, at = Date.now()): ReceivedCard {
  const texts: string[] = [];
  const actions: ReceivedCard['actions'] = [];
  for (const a of message.attachments) {
    walk(a.content, (n) => {
      if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
      if (n.type === 'Action.Execute' && typeof n.verb === 'string') actions.push({ verb: n.verb, data: (n.data ?? {}) as Record<string, unknown> });
    });
  }
  if (message.text) texts.unshift(message.text);
  return { message, at, texts, verbs: actions.map((x) => x.verb), actions };
}

export class ChairChat {
  readonly cards: ReceivedCard[] = [];
  private pump: Promise<void> | undefined;
  private closed = false;

  private constructor(readonly client: PlaygroundClient) {}

  static async open(playgroundUrl: string): Promise<ChairChat> {
    const chat = new ChairChat(await PlaygroundClient.connect(playgroundUrl));
    await chat.client.sendText('help');
    // The help card: the chat exists and the bot has recorded it.
    chat.cards.push(readCard(await chat.client.nextBotMessage(20_000)));
    chat.pump = chat.run();
    return chat;
  }

  /** Keeps reading the chair's chat until closed. */
  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        const message = await this.client.nextBotMessage(500);
        this.cards.push(readCard(message));
      } catch {
        // nothing within the interval: look again
      }
    }
  }

  /** The first card after index `from` that satisfies `test`, waiting up to `timeoutMs`. */
  async waitFor(test: (c: ReceivedCard) => boolean, from: number, timeoutMs = 10_000): Promise<ReceivedCard | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.cards.slice(from).find(test);
      if (hit || Date.now() > deadline) return hit;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pump;
    await this.client.close();
  }
}
