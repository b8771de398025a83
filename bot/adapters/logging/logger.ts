// pino JSON logs. Callers log ids, types, codes, status and durations only; the redaction list
// below is a second line of defence for fields that must never reach a log even by mistake.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../../config/load-config';

export type { Logger } from 'pino';

const NEVER_LOGGED = [
  'name', 'email', 'mail', 'text', 'body', 'activity', 'value', 'data', 'attachments',
  'userPrincipalName', 'displayName', 'authorization', 'headers',
  '*.name', '*.email', '*.mail', '*.text', '*.body', '*.activity', '*.value', '*.data',
  '*.attachments', '*.userPrincipalName', '*.displayName', '*.authorization', '*.headers',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'cp-conference-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: NEVER_LOGGED, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * What may be logged about an error: its class, stable code and HTTP status. Messages are left
 * out because libraries put request and response bodies in them.
 */
export function errorFields(err: unknown): { errName: string; errCode?: string; errStatus?: number } {
  if (!(err instanceof Error)) return { errName: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown; status?: unknown };
  const out: { errName: string; errCode?: string; errStatus?: number } = { errName: e.name };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.errCode = String(e.code);
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  if (status !== undefined) out.errStatus = status;
  return out;
}
