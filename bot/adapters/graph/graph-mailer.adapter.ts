// Mailer port on Graph: one sendMail per family member, carried in JSON $batch requests of at
// most 20. Item-level 429/503 inside a batch's 200 answer are retried (only those items, after
// their Retry-After); anything that may have been sent is reported 'unknown', never resent.
import { type Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { FileAttachment, Message } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { MailMessage, MailOutcome, Mailer } from '../../app/ports/mailer.port';
import { NO_TELEMETRY, type Telemetry } from '../../app/ports/telemetry.port';
import { CodedError } from '../../domain/shared/coded-error';
import { GraphAuthError } from './msal-token-provider';
import { retryReasonOf } from './graph-client.factory';
import { TransportError } from './https-transport';

/** Graph's JSON batching limit. */
export const BATCH_LIMIT = 20;

const batchResponseSchema = z.object({
  responses: z.array(z.object({
    id: z.string(),
    status: z.number().int(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
  })),
});

export interface GraphMailerOptions {
  /** Mailbox (UPN or object id) the family e-mails are sent from. */
  sender: string;
  /** Rounds of item-level retries after the first attempt. */
  maxItemRetries: number;
  /** Longest Retry-After honoured (seconds); a longer one leaves the item failed for a later run. */
  maxRetryAfterSeconds?: number;
  /** The outer $batch request's RetryHandler settings (seconds without Retry-After; retries). */
  outerRetryDelaySeconds?: number;
  outerMaxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Item-level 429s and retries (docs/telemetry.md); default: off. */
  telemetry?: Telemetry;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function graphMessage(m: MailMessage): Message {
  const attachments: FileAttachment[] = m.attachments.map((a) => ({
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: a.name,
    contentType: a.contentType,
    contentBytes: a.encoding === 'base64' ? a.content : Buffer.from(a.content, 'utf8').toString('base64'),
  }));
  return {
    subject: m.subject,
    body: { contentType: 'html', content: m.html },
    toRecipients: [{ emailAddress: { address: m.to.address, name: m.to.name } }],
    attachments,
  };
}

export class GraphMailerAdapter implements Mailer {
  private readonly sleep: (ms: number) => Promise<void>;
  constructor(private readonly client: Client, private readonly options: GraphMailerOptions) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  async sendEach(messages: MailMessage[]): Promise<MailOutcome[]> {
    const keys = new Set(messages.map((m) => m.key));
    if (keys.size !== messages.length) throw new CodedError('MAIL.DUPLICATE_KEY', 'two messages share one key');
    const outcomes = new Map<string, MailOutcome>();
    for (let i = 0; i < messages.length; i += BATCH_LIMIT) {
      await this.sendChunk(messages.slice(i, i + BATCH_LIMIT), outcomes);
    }
    return messages.map((m) => outcomes.get(m.key) ?? { key: m.key, outcome: 'unknown', code: 'MAIL.NO_OUTCOME' });
  }

  private async sendChunk(chunk: MailMessage[], outcomes: Map<string, MailOutcome>): Promise<void> {
    let pending = chunk;
    for (let round = 0; pending.length > 0; round++) {
      const answers = await this.postBatch(pending);
      if ('error' in answers) {
        for (const m of pending) outcomes.set(m.key, answers.error(m.key));
        return;
      }
      const retry: MailMessage[] = [];
      /** The 429 or 503 of each item in `retry`, in order. */
      const retryStatus: number[] = [];
      let waitSeconds = 0;
      for (const [index, m] of pending.entries()) {
        const r = answers.byId.get(String(index + 1));
        if (!r) {
          outcomes.set(m.key, { key: m.key, outcome: 'unknown', code: 'MAIL.NO_ITEM_RESPONSE' });
        } else if (r.status >= 200 && r.status < 300) {
          outcomes.set(m.key, { key: m.key, outcome: 'sent' });
        } else if (r.status === 429 || r.status === 503) {
          // Throttled or unavailable: Graph did not send it. Retry this item only.
          const after = Number(r.headers?.['Retry-After'] ?? r.headers?.['retry-after'] ?? '1');
          waitSeconds = Math.max(waitSeconds, Number.isFinite(after) && after >= 0 ? after : 1);
          retry.push(m);
          retryStatus.push(r.status);
          outcomes.set(m.key, { key: m.key, outcome: 'failed', code: r.status === 429 ? 'MAIL.THROTTLED' : 'MAIL.UNAVAILABLE', status: r.status });
        } else if (r.status === 504 || r.status >= 500) {
          outcomes.set(m.key, { key: m.key, outcome: 'unknown', code: `MAIL.ITEM_${r.status}` });
        } else {
          outcomes.set(m.key, { key: m.key, outcome: 'failed', code: `MAIL.REJECTED_${r.status}`, status: r.status });
        }
      }
      const telemetry = this.options.telemetry ?? NO_TELEMETRY;
      for (const status of retryStatus) if (status === 429) telemetry.graphThrottled({ scope: 'batch-item' });
      if (retry.length === 0 || round >= this.options.maxItemRetries) return;
      if (waitSeconds > (this.options.maxRetryAfterSeconds ?? 60)) return;
      for (const status of retryStatus) telemetry.graphRetry({ reason: retryReasonOf(status), status, scope: 'batch-item' });
      await this.sleep(waitSeconds * 1000);
      pending = retry;
    }
  }

  /** POST /$batch; the outer request is retried by the RetryHandler for 429/503 only (a 504 may have sent). */
  private async postBatch(chunk: MailMessage[]): Promise<{ byId: Map<string, z.infer<typeof batchResponseSchema>['responses'][number]> } | { error: (key: string) => MailOutcome }> {
    const body = {
      requests: chunk.map((m, index) => ({
        id: String(index + 1),
        method: 'POST',
        url: `/users/${encodeURIComponent(this.options.sender)}/sendMail`,
        headers: { 'Content-Type': 'application/json' },
        body: { message: graphMessage(m), saveToSentItems: true },
      })),
    };
    const noRetryOn504 = new RetryHandlerOptions(this.options.outerRetryDelaySeconds ?? 3, this.options.outerMaxRetries ?? 3, (_d, _a, _req, _opt, res) => res.status !== 504);
    try {
      const raw = await this.client.api('/$batch').middlewareOptions([noRetryOn504]).post(body);
      const parsed = batchResponseSchema.safeParse(raw);
      if (!parsed.success) return { error: (key) => ({ key, outcome: 'unknown', code: 'MAIL.BAD_BATCH_RESPONSE' }) };
      return { byId: new Map(parsed.data.responses.map((r) => [r.id, r])) };
    } catch (err) {
      if (err instanceof TransportError) {
        const code = err.code;
        return { error: (key) => (err.maybeDelivered ? { key, outcome: 'unknown', code } : { key, outcome: 'failed', code }) };
      }
      if (err instanceof GraphAuthError) return { error: (key) => ({ key, outcome: 'failed', code: err.code }) };
      if (err instanceof GraphError) {
        const status = err.statusCode;
        // 429/503 for the whole batch: not processed. 504 or an unknown failure: may have been.
        const definite = status === 429 || status === 503 || (status >= 400 && status < 500);
        return { error: (key) => (definite ? { key, outcome: 'failed', code: `MAIL.BATCH_${status}`, status } : { key, outcome: 'unknown', code: `MAIL.BATCH_${status}` }) };
      }
      throw err;
    }
  }
}
