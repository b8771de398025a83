// Reads a raw (binary) request body for the routes that take a file: only the content types the
// route lists, at most `maxBytes` (declared or actual: the rest is never read, and the caller then
// drops the connection with dropUnreadBody, as for JSON bodies).
import type { IncomingMessage } from 'node:http';
import type { TransportErrorCode } from '../../app/errors/error-codes';

export interface RawBody {
  bytes: Buffer;
  /** The media type sent, lower-case, without parameters. */
  contentType: string;
  /** From Content-Disposition (filename* preferred), if sent. */
  fileName?: string;
}

export type RawBodyResult = { ok: true; value: RawBody } | { ok: false; code: Extract<TransportErrorCode, `HTTP.${string}`>; message: string };

export async function readRawBody(req: IncomingMessage, contentTypes: readonly string[], maxBytes: number): Promise<RawBodyResult> {
  const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!contentTypes.includes(contentType)) {
    return { ok: false, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: `Expected Content-Type: one of ${contentTypes.join(', ')}.` };
  }
  const tooLarge = { ok: false, code: 'HTTP.BODY_TOO_LARGE', message: `The file is larger than ${maxBytes} bytes.` } as const;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  const read = await new Promise<{ ok: true; bytes: Buffer } | { ok: false; over: boolean }>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (r: { ok: true; bytes: Buffer } | { ok: false; over: boolean }) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
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
  if (!read.ok) return read.over ? tooLarge : { ok: false, code: 'HTTP.BODY_UNREADABLE', message: 'The request body could not be read.' };
  const fileName = fileNameOf(req.headers['content-disposition']);
  return { ok: true, value: { bytes: read.bytes, contentType, ...(fileName ? { fileName } : {}) } };
}

/** `attachment; filename="a.pdf"` or `filename*=UTF-8''a%20b.pdf` (RFC 6266) → the name. */
export function fileNameOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      return undefined;
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(value)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  return /filename\s*=\s*([^;\s]+)/.exec(value)?.[1];
}
