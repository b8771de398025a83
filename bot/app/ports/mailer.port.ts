import type { MailOutcomeCode } from '../../domain/conference/conference';

/** One individual e-mail (a family member's invitation, update or cancellation). */
export interface MailMessage {
  /** Caller's key for matching results (e.g. the invitee id); never an address. */
  key: string;
  to: { address: string; name: string };
  /** Never contains a name: case reference and purpose only. */
  subject: string;
  html: string;
  attachments: MailAttachment[];
}

export interface MailAttachment {
  name: string;
  contentType: string;
  /** Raw bytes as text (UTF-8); the adapter encodes them. With `encoding: 'base64'`, already base64 (a binary file, e.g. a PDF). */
  content: string;
  encoding?: 'base64';
}

/**
 * `sent`: Graph accepted it (202). `failed`: Graph refused it for certain (not sent).
 * `unknown`: the request may have taken effect but the answer was lost — never resent
 * automatically, so that nobody gets two e-mails.
 */
export type MailOutcome =
  | { key: string; outcome: 'sent' }
  | { key: string; outcome: 'failed'; code: MailOutcomeCode; status?: number }
  | { key: string; outcome: 'unknown'; code: MailOutcomeCode };

export interface Mailer {
  /** Sends each message individually (batched on the wire); one outcome per message, same order. */
  sendEach(messages: MailMessage[]): Promise<MailOutcome[]>;
}
