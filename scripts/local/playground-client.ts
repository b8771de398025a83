// Drives Microsoft 365 Agents Playground through the same HTTP + WebSocket API its web UI uses
// (read from the bundled UI, version 0.2.28), so the end-to-end test needs no browser:
// - GET  /_internal/v1/testConfig                  → the mock tenant: current user, bot, personal chat id
// - POST /_conversation/v1/conversations/{id}/messages {from:{id}, text, textFormat}
//                                                  → the playground posts a `message` activity to the bot
// - POST /_conversation/v1/invoke {name:'adaptiveCard/action', value, from, conversation, replyToId}
//                                                  → an invoke activity; the HTTP answer is the bot's invoke response
// - WS   /_ws_conversation/v1/conversations/stream → {action:'createMessage'|'updateMessage'|'typing', …}
//   frames for what the bot sends to the playground's connector (`<url>/_connector`).
import WebSocket from 'ws';
import { z } from 'zod';

const testConfigSchema = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string() }),
    currentUser: z.object({ id: z.string() }),
    personalChat: z.object({ id: z.string() }),
  }),
});

const attachmentSchema = z.object({ contentType: z.string(), content: z.unknown() });
export const playgroundMessageSchema = z.object({
  messageId: z.string(),
  from: z.object({ id: z.string() }),
  text: z.string().optional(),
  attachments: z.array(attachmentSchema).default([]),
});
export type PlaygroundMessage = z.infer<typeof playgroundMessageSchema>;

const frameSchema = z.object({
  action: z.string(),
  actionConversationId: z.string().optional(),
  message: playgroundMessageSchema.optional(),
});

interface Waiter {
  conversationId: string;
  resolve(message: PlaygroundMessage): void;
}

export class PlaygroundClient {
  private readonly received: { conversationId: string; message: PlaygroundMessage }[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(
    private readonly baseUrl: string,
    private readonly socket: WebSocket,
    readonly tenantId: string,
    readonly userId: string,
    readonly botId: string,
    readonly personalChatId: string,
  ) {
    socket.on('message', (data) => this.onFrame(String(data)));
  }

  /** Reads the mock tenant and opens the conversation stream. */
  static async connect(baseUrl: string): Promise<PlaygroundClient> {
    const response = await fetch(`${baseUrl}/_internal/v1/testConfig`);
    if (!response.ok) throw new Error(`PLAYGROUND_CLIENT.CONFIG: HTTP ${response.status}`);
    const { config } = testConfigSchema.parse(await response.json());
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new PlaygroundClient(baseUrl, socket, config.tenantId, config.currentUser.id, config.bot.id, config.personalChat.id);
  }

  /** Sends a message as the current user in the personal chat with the bot; returns its id. */
  async sendText(text: string, conversationId = this.personalChatId, fromId = this.userId): Promise<string> {
    const response = await this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: fromId },
      text,
      textFormat: 'plain',
    });
    return z.object({ messageId: z.string() }).parse(response).messageId;
  }

  /** Submits an Action.Execute of the card in message `replyToId`; returns the bot's invoke answer as
   *  the playground relays it: `{ type, value }` (statusCode is not passed on). */
  async invokeCardAction(replyToId: string, value: unknown, conversationId = this.personalChatId, fromId = this.userId): Promise<unknown> {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value,
      from: { id: fromId },
      conversation: { id: conversationId },
      replyToId,
    });
  }

  /** The next message from the bot in the conversation that this client has not yet handed out. */
  nextBotMessage(timeoutMs = 10_000, conversationId = this.personalChatId): Promise<PlaygroundMessage> {
    const index = this.received.findIndex((r) => r.conversationId === conversationId);
    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0]!.message);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        conversationId,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`PLAYGROUND_CLIENT.TIMEOUT: no bot message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private onFrame(raw: string): void {
    const parsed = frameSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.action !== 'createMessage' || !parsed.data.message) return;
    const { message, actionConversationId } = parsed.data;
    if (message.from.id !== this.botId || actionConversationId === undefined) return;
    const waiter = this.waiters.find((w) => w.conversationId === actionConversationId);
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    } else {
      this.received.push({ conversationId: actionConversationId, message });
    }
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`PLAYGROUND_CLIENT.HTTP_${response.status}: ${text.slice(0, 300)}`);
    return text === '' ? undefined : JSON.parse(text);
  }
}
