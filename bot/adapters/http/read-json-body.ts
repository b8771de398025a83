// Reads a JSON request body with a hard size limit, without any framework body parser, so that
// an oversized or malformed body is answered (413/400) before anything else sees it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TransportErrorCode } from '../../app/errors/error-codes';

export type BodyResult =
  | { ok: true; value: unknown }
  /** The status comes from the one HTTP table (http-error-map.ts), never from here. */
  | { ok: false; code: Extract<TransportErrorCode, `HTTP.${string}`>; message: string };

/**
 * Stops reading as soon as the body is known to be refused (wrong type, declared or actual size
 * over the limit): the rest is never read, and the caller answers, then dropUnreadBody closes
 * the connection (`req.complete` is false then).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    return { ok: false, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: 'Expected Content-Type: application/json.' };
  }
  const read = await readLimited(req, maxBytes, `The request body is larger than ${maxBytes} bytes.`);
  if (!read.ok) return read;

  const text = read.bytes.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'HTTP.MALFORMED_JSON', message: 'The request body is not valid JSON.' };
  }
}

/**
 * The body's bytes, at most `maxBytes` (declared or actual), for the JSON and the raw readers.
 * Over the limit it stops reading at once (`req.pause()`): the rest never leaves the socket.
 */
export async function readLimited(
  req: IncomingMessage,
  maxBytes: number,
  tooLargeMessage: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; code: 'HTTP.BODY_TOO_LARGE' | 'HTTP.BODY_UNREADABLE'; message: string }> {
  const tooLarge = { ok: false, code: 'HTTP.BODY_TOO_LARGE', message: tooLargeMessage } as const;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  const read = await new Promise<{ ok: true; bytes: Buffer } | { ok: false; over: boolean }>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: { ok: true; bytes: Buffer } | { ok: false; over: boolean }) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause(); // stop here: nothing more is read from the socket
        finish({ ok: false, over: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, bytes: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, over: false });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('aborted', onError);
  });
  if (read.ok) return read;
  return read.over ? tooLarge : { ok: false, code: 'HTTP.BODY_UNREADABLE', message: 'The request body could not be read.' };
}

/**
 * After refusing a body: when it was not read to its end (a chunked one could go on for ever),
 * answer with `Connection: close` and drop the connection once the answer is written.
 */
export function dropUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  res.setHeader('connection', 'close');
  res.once('finish', () => req.destroy());
}
