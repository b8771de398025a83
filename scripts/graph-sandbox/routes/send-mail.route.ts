// POST /users/{id}/sendMail → 202, and the message lands in each recipient's sandbox mailbox
// (plus the sender's Sent Items unless saveToSentItems is false), with .ics attachments summarised.
import {
  type GraphReply,
  type GraphRequest,
  actionParameters,
  isEmail,
  preferences,
  requireObjectBody,
  requireRole,
  resolveUser,
  type SandboxEnv,
  type SandboxUser,
} from '../graph-context';
import { GraphError, invalidRequest, methodNotAllowed } from '../graph-errors';
import { validateBody } from '../graph-metadata';
import { newMessageId, summarizeIcs } from '../graph-values';
import type { AttachmentSummary } from '../sandbox-store';

const CODE = 'RequestBodyRead';
/** Graph refuses JSON requests over 4 MB (larger attachments need an upload session). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

type Recipient = { emailAddress?: { address?: unknown; name?: unknown } };

export async function handleSendMail(env: SandboxEnv, req: GraphRequest, user: SandboxUser): Promise<GraphReply> {
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  requireRole(req, ['Mail.Send'], 'outlook');
  const body = actionParameters(requireObjectBody(req.body, CODE), ['message', 'saveToSentItems'], 'sendMail', CODE);
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== 'boolean') {
    throw new GraphError(400, CODE, "Cannot convert a primitive value to the expected type 'Edm.Boolean'.");
  }
  if (body.message === undefined || body.message === null) throw invalidRequest("The parameter 'message' is required for the operation 'sendMail'.");
  validateBody(body.message, 'message', { includeUnknownEnumMembers: preferences(req.headers).includeUnknownEnumMembers, code: CODE });
  const message = body.message as Record<string, unknown>;
  const to = (message.toRecipients ?? []) as Recipient[];
  const cc = (message.ccRecipients ?? []) as Recipient[];
  const bcc = (message.bccRecipients ?? []) as Recipient[];
  if (to.length === 0) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., The message must have at least one recipient in toRecipients.');
  for (const r of [...to, ...cc, ...bcc]) {
    if (!isEmail(r.emailAddress?.address)) {
      throw new GraphError(400, 'ErrorInvalidRecipients', `At least one recipient is not valid., Recipient '${String(r.emailAddress?.address ?? '')}' is not resolved.`);
    }
  }
  const content = (message.body as { content?: unknown } | undefined)?.content;
  if (message.body === undefined || message.body === null || typeof content !== 'string') {
    throw invalidRequest("The message needs a body with content (itemBody { contentType, content }).");
  }
  const attachments = summarizeAttachments((message.attachments ?? []) as Record<string, unknown>[]);

  const now = env.now().toISOString();
  const subject = typeof message.subject === 'string' ? message.subject : '';
  // Recipients' copies do not reveal Bcc.
  const { bccRecipients: _bcc, ...visible } = message;
  const deliveries = new Set<string>();
  for (const r of [...to, ...cc, ...bcc]) deliveries.add(resolveUser(env, String(r.emailAddress!.address)).mail);
  for (const mailbox of deliveries) {
    await env.store.insertMessage({ id: newMessageId(), mailbox, folder: 'inbox', kind: 'mail', sender: user.mail, subject, receivedAt: now, attachments, body: visible });
  }
  if (body.saveToSentItems !== false) {
    await env.store.insertMessage({ id: newMessageId(), mailbox: user.mail, folder: 'sentitems', kind: 'mail', sender: user.mail, subject, receivedAt: now, attachments, body: message });
  }
  return { status: 202, headers: {} };
}

function summarizeAttachments(items: Record<string, unknown>[]): AttachmentSummary[] {
  return items.map((a) => {
    // validateBody has resolved @odata.type: only fileAttachment carries contentBytes.
    if (a['@odata.type'] === undefined || !/fileAttachment$/.test(String(a['@odata.type']))) {
      throw invalidRequest("An attachment needs '@odata.type': '#microsoft.graph.fileAttachment'.");
    }
    if (typeof a.name !== 'string' || a.name === '') throw invalidRequest('The attachment name is required.');
    if (typeof a.contentBytes !== 'string') throw invalidRequest(`The attachment '${a.name}' has no contentBytes.`);
    const contentType = typeof a.contentType === 'string' ? a.contentType : null;
    const summary: AttachmentSummary = { name: a.name, contentType };
    if (/\.ics$/i.test(a.name) || /text\/calendar/i.test(contentType ?? '')) {
      summary.ics = summarizeIcs(Buffer.from(a.contentBytes, 'base64').toString('utf8'));
    }
    if (/\.pdf$/i.test(a.name) || /application\/pdf/i.test(contentType ?? '')) {
      const bytes = Buffer.from(a.contentBytes, 'base64');
      summary.pdf = { bytes: bytes.length, header: bytes.subarray(0, 5).toString('latin1') === '%PDF-' };
    }
    return summary;
  });
}
