// The composition root: the only file that wires adapters together. `startServer` builds the
// whole service in-process (tests and the benchmark start it on port 0); run directly
// (`npm start`) it loads the configuration, opens and migrates the database, serves, and shuts
// down gracefully on SIGTERM/SIGINT.
import type { DestinationStream } from 'pino';
import { createHttpServer } from './adapters/http/http-server';
import { createLogger, errorFields, type Logger } from './adapters/logging/logger';
import { systemClock } from './adapters/clock/system-clock';
import { openDatabase } from './adapters/store/open-database';
import { migrateAsOwner, pendingMigrations } from './adapters/store/migrate';
import type { Database } from './adapters/store/database';
import { SqlAuditLog } from './adapters/store/sql-audit-log';
import { SqlIdempotencyStore } from './adapters/store/sql-idempotency.store';
import { startLocalExtras } from './adapters/local/start-local-extras';
import { createTeamsEndpoint, type TeamsEndpointOptions } from './adapters/teams/teams-endpoint';
import { helpCardHandlers, respondToText } from './app/help/help';
import type { AuditLog } from './app/ports/audit-log.port';
import { type CardActionRegistry, combineCardActions, defineCardActions } from './app/ports/card-action.port';
import { CARD_VERBS } from './cards/card-verbs';
import type { Clock } from './app/ports/clock.port';
import type { IdempotencyStore } from './app/ports/idempotency.port';
import { type Config, ConfigError, loadConfig } from './config/load-config';

export interface ServerDeps {
  /** Opened (and migrated) by the caller; closed by `close()`. */
  database: Database;
  clock?: Clock;
  /** Defaults to SqlAuditLog / SqlIdempotencyStore on `database`. */
  auditLog?: AuditLog;
  idempotency?: IdempotencyStore;
  /** Test seam: extra card verbs with their own schemas (defineCardActions); the product's verbs
   *  (bot/cards/card-verbs.ts) are always there and cannot be replaced. */
  cardActions?: CardActionRegistry;
  /** Where pino writes (default stdout); tests capture it. */
  logDestination?: DestinationStream;
  logger?: Logger;
  /** Test seam: outbound Bot Framework credentials from a local token endpoint. */
  credentialsFactory?: TeamsEndpointOptions['credentialsFactory'];
  /** How long close() waits for requests in flight (default SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
  /** Migration names not applied yet (default: read from the database). */
  pendingMigrations?: () => Promise<string[]>;
}

export interface RunningServer {
  url: string;
  logger: Logger;
  /** Stops accepting, finishes requests in flight (at most 10 s) and closes the database. */
  close(): Promise<void>;
}

export const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(config: Config, deps: ServerDeps): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config.logLevel, deps.logDestination);
  const clock = deps.clock ?? systemClock;
  const { database } = deps;

  const bot = createTeamsEndpoint({
    config,
    app: { respondToText, cardActions: combineCardActions(defineCardActions(CARD_VERBS, { ...helpCardHandlers }), deps.cardActions) },
    auditLog: deps.auditLog ?? new SqlAuditLog(database, clock, config.audit.hmacKey),
    idempotency: deps.idempotency ?? new SqlIdempotencyStore(database, clock),
    credentialsFactory: deps.credentialsFactory,
  });

  const pending = deps.pendingMigrations ?? (() => pendingMigrations(database));
  const http = createHttpServer({
    logger,
    bot,
    maxBodyBytes: config.maxBodyBytes,
    readiness: {
      async check() {
        try {
          await database.query('SELECT 1');
        } catch {
          return ['database unreachable'];
        }
        const names = await pending();
        return names.length === 0 ? [] : [`migrations pending: ${names.join(', ')}`];
      },
    },
  });
  const running = await http.listen(config.port, config.host);
  logger.info({ url: running.url, localMode: config.localMode, database: database.kind }, 'bot listening');

  let closed: Promise<void> | null = null;
  return {
    url: running.url,
    logger,
    close() {
      closed ??= (async () => {
        await running.close(deps.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
        await database.close();
        logger.info('bot stopped');
      })();
      return closed;
    },
  };
}

/** `npm start`: configuration, database, migrations, server, and the local-mode extras. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  // As the owner role (DATABASE_MIGRATION_URL) on its own connection; the service keeps DATABASE_URL.
  const applied = await migrateAsOwner(database, config.databaseMigrationUrl, config.databaseUrl);
  logger.info({ database: database.kind, applied }, 'migrations applied');

  const server = await startServer(config, { database, logger });
  const stops: (() => Promise<void>)[] = [];
  // Started after the signal handlers are in place, so that a Ctrl-C or SIGTERM while the local
  // extras are still starting still shuts everything down cleanly.
  let extrasStarting: Promise<unknown> = Promise.resolve();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void (async () => {
      await extrasStarting.catch(() => undefined);
      for (const stop of stops.reverse()) await stop().catch((err) => logger.warn(errorFields(err), 'local extra failed to stop'));
      await server.close();
      process.exit(0);
    })().catch((err) => {
      logger.error(errorFields(err), 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  if (config.localMode) {
    // The local Graph sandbox and the Agents Playground (PLAYGROUND=0 leaves it out).
    extrasStarting = startLocalExtras({ config, database, botUrl: server.url, logger }).then((extras) => {
      stops.push(...extras.stops);
      logger.info({ messagingEndpoint: `${server.url}/api/messages`, playground: config.playground }, 'local mode: authentication off, loopback only');
    });
    await extrasStarting;
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error('Cannot start:', err instanceof Error ? `${err.name}: ${err.message}` : err);
    process.exit(1);
  });
}
