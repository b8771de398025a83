// Reads a JSON request body with a hard size limit, without any framework body parser, so that
// an oversized or malformed body is answered (413/400) before anything else sees it.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: string; message: string };

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    req.resume();
    return { ok: false, status: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: 'Expected Content-Type: application/json.' };
  }
  const tooLarge = { ok: false, status: 413, code: 'HTTP.BODY_TOO_LARGE', message: `The request body is larger than ${maxBytes} bytes.` } as const;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // discard, so the socket is not left half-read
    return tooLarge;
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  try {
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) over = true; // keep draining, stop keeping
      if (!over) chunks.push(buf);
    }
  } catch {
    return { ok: false, status: 400, code: 'HTTP.BODY_UNREADABLE', message: 'The request body could not be read.' };
  }
  if (over) return tooLarge;

  const text = Buffer.concat(chunks, size).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'HTTP.MALFORMED_JSON', message: 'The request body is not valid JSON.' };
  }
}
