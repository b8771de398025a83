// Reads a raw (binary) request body for the routes that take a file: only the content types the
// route lists, at most `maxBytes` (declared or actual: the rest is never read, and the caller then
// drops the connection with dropUnreadBody, as for JSON bodies).
import type { IncomingMessage } from 'node:http';
import type { TransportErrorCode } from '../../app/errors/error-codes';
import { readLimited } from './read-json-body';

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
  const read = await readLimited(req, maxBytes, `The file is larger than ${maxBytes} bytes.`);
  if (!read.ok) return read;
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
