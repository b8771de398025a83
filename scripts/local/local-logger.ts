// Local mode's logs: pino's pretty printing when a person is watching (stdout is a terminal),
// the product's JSON otherwise (piped, or under a test). The same redaction list applies either
// way: createLogger is the product's. Production (bot/main.ts) never comes here.
import pinoPretty from 'pino-pretty';
import { createLogger, type Logger } from '../../bot/adapters/logging/logger';
import type { LogLevel } from '../../bot/config/load-config';

export function createLocalLogger(level: LogLevel, stdout: { isTTY?: boolean }): Logger {
  if (!stdout.isTTY) return createLogger(level);
  return createLogger(level, pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', sync: true }));
}
