// GRAPH_SANDBOX_LOG: one JSON line per request received, never with a token, secret or assertion.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|assertion|password|api-key/i;
const SECRET_FIELD = /secret|assertion|password|token|^code$|refresh|credential/i;

export interface LogEntry {
  time: string;
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status?: number;
  fault?: string;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || SECRET_HEADER.test(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Drops every field whose name says it carries a credential, at any depth. */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (body === null || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (SECRET_FIELD.test(k)) continue;
    out[k] = k === 'headers' && v && typeof v === 'object' && !Array.isArray(v) ? redactHeaders(v as Record<string, string>) : redactBody(v);
  }
  return out;
}

export class RequestLog {
  constructor(private readonly file: string | undefined) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  write(entry: LogEntry): void {
    if (!this.file) return;
    appendFileSync(this.file, `${JSON.stringify({ ...entry, headers: redactHeaders(entry.headers), body: redactBody(entry.body) })}\n`);
  }
}
