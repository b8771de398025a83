// The composition root: the only file that wires adapters together. `startServer` builds the
// whole service in-process (tests, the benchmark and the local launcher start it); run directly
// (`node dist/bot/main.js`, production) it loads the production configuration, opens and migrates
// the database, serves, and shuts down gracefully on SIGTERM/SIGINT. It cannot run local mode:
// that is scripts/local/start-local.ts (`npm start`), which composes startServer with the doubles.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DestinationStream } from 'pino';
import { apiSetup } from './adapters/http/api-router';
import { mountReportLinkPage } from './adapters/http/pages/report-link.page';
import { mountRunSheetPage } from './adapters/http/pages/run-sheet.page';
import { mountCallsCallback } from './adapters/http/calls-callback';
import type { CallControl } from './app/ports/call-control.port';
import { mountRecordLinkPage } from './adapters/http/pages/record-link.page';
import { PdfRecordRenderer } from './adapters/documents/pdf-record-renderer';
import { createHttpServer } from './adapters/http/http-server';
import { createLogger, errorFields, type Logger } from './adapters/logging/logger';
import { systemClock } from './adapters/clock/system-clock';
import { openDatabase } from './adapters/store/open-database';
import { migrateAsOwner, pendingMigrations } from './adapters/store/migrate';
import type { Database } from './adapters/store/database';
import { SqlAuditLog } from './adapters/store/sql-audit-log';
import { SqlIdempotencyStore } from './adapters/store/sql-idempotency.store';
import { createTeamsConnection, createTeamsEndpoint, type TeamsEndpointOptions } from './adapters/teams/teams-endpoint';
import { TeamsChatNotifier, type TeamsAppInstaller } from './adapters/teams/teams-chat-notifier';
import { TeamsMeetingNotifier } from './adapters/teams/teams-meeting-notifier';
import { meetingEventHandler } from './app/meeting/live/handle-meeting-event.use-case';
import { resumeOpenAlerts } from './app/meeting/live/resume-alerts';
import type { MeetingNotifier } from './app/ports/meeting-notifier.port';
import { SqlConversationRefs } from './adapters/store/sql-conversation-refs';
import { productCardHandlers } from './app/chat/product-card-handlers';
import { chatResponder } from './app/chat/chat-commands';
import { productCommands } from './app/chat/product-commands';
import { productTypeahead } from './app/chat/product-typeahead';
import type { AuditLog } from './app/ports/audit-log.port';
import { type CardActionRegistry, combineCardActions, defineCardActions } from './app/ports/card-action.port';
import { CARD_VERBS } from './cards/card-verbs';
import type { Clock } from './app/ports/clock.port';
import type { AppDeps } from './app/app-deps';
import type { Directory } from './app/ports/directory.port';
import type { ChatNotifier } from './app/ports/chat-notifier.port';
import { HmacLinkSigner, linkKeyFrom } from './adapters/links/hmac-link-signer';
import type { Mailer } from './app/ports/mailer.port';
import type { Meetings } from './app/ports/meetings.port';
import type { ReportStore } from './app/ports/report-store.port';
import { JOB_KINDS } from './app/jobs/job-kinds';
import { JobWorker } from './app/jobs/job-worker';
import { productJobHandlers } from './app/jobs/product-job-handlers';
import { SqlRemindersSent } from './adapters/store/sql-reminders-sent';
import { lazyGraphAdapters } from './adapters/graph/lazy-graph-adapters';
import { SqlClerkAlerts } from './adapters/store/sql-clerk-alerts';
import { SqlConferenceLease } from './adapters/store/sql-conference-lease';
import { SqlConferenceStore } from './adapters/store/sql-conference.store';
import { SqlConferenceLookup } from './adapters/store/sql-conference-lookup';
import { SqlLiveMeetingStore } from './adapters/store/sql-live-meeting.store';
import { SqlCoreGroupStore } from './adapters/store/sql-core-group.store';
import { SqlJobQueue } from './adapters/store/sql-job-queue';
import { SqlRetentionStore } from './adapters/store/sql-retention.store';
import { scheduleRetention } from './app/retention/retention-job';
import type { StaffRoles } from './app/ports/staff-roles.port';
import { SqlStaffRoles } from './adapters/store/sql-staff-roles';
import { SqlUnitOfWork } from './adapters/store/sql-unit-of-work';
import { resolveProfile } from './domain/policy/resolve-profile';
import type { IdempotencyStore } from './app/ports/idempotency.port';
import type { Telemetry } from './app/ports/telemetry.port';
import { startTelemetry } from './adapters/telemetry/start-telemetry';
import { type Config, ConfigError } from './config/load-config';
import { checkNodeRuntime } from './config/node-runtime';
import { loadProductionConfig } from './config/production-config';

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
  /** Test seam: Graph's meetings and mail (default: the Graph adapters, created on first use). */
  graph?: { meetings: Meetings; mailer: Mailer; installer?: TeamsAppInstaller | null };
  /** Test seam: the reports library (default: the Graph adapter on REPORTS_DRIVE_ID). */
  reports?: ReportStore;
  /** Test seam: the directory (default: Graph /users, roles from the staff roster in `database`). */
  directory?: Directory;
  /** Test seam: proactive cards (default: the Teams adapter's). */
  notifier?: ChatNotifier;
  /** Test seam: targeted in-meeting notifications (default: the Teams adapter's). */
  meetingNotifier?: MeetingNotifier;
  /** Test seam: the calling bot (default: Graph's, when CALLS_REMOVE_ENABLED; absent otherwise). */
  calls?: CallControl;
  /** Test seam: metrics and spans (default: Application Insights when config.telemetry is set, else off). */
  telemetry?: Telemetry;
}

export interface RunningServer {
  url: string;
  logger: Logger;
  /** Stops accepting, finishes requests in flight (at most 10 s), stops the job worker, closes the database. */
  close(): Promise<void>;
}

export const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(config: Config, deps: ServerDeps): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config.logLevel, deps.logDestination);
  const clock = deps.clock ?? systemClock;
  const { database } = deps;
  // First: the Azure Monitor distro registers its providers before anything records (off: nothing loaded).
  const telemetryRun = deps.telemetry ? { telemetry: deps.telemetry, shutdown: async () => undefined } : startTelemetry(config.telemetry);
  const { telemetry } = telemetryRun;
  const auditLog = deps.auditLog ?? new SqlAuditLog(database, clock, config.audit.hmacKey);
  // Created on first use: a test that passes its own meetings, mailer, reports and directory never reaches Graph.
  const lazyGraph = lazyGraphAdapters(config.graph, { telemetry });
  const graph = {
    meetings: deps.graph?.meetings ?? lazyGraph.meetings,
    mailer: deps.graph?.mailer ?? lazyGraph.mailer,
    reports: deps.reports ?? lazyGraph.reports,
    close: () => lazyGraph.close(),
  };
  const staffRoles = new SqlStaffRoles(database, auditLog, clock);
  const directory = deps.directory ?? lazyGraph.directory(staffRoles);
  const jobQueue = new SqlJobQueue(database, clock, JOB_KINDS);
  // One Bot Framework adapter for inbound turns and proactive cards; the endpoint records each
  // person's 1:1 conversation, the notifier sends to it.
  const teams = createTeamsConnection(config, deps.credentialsFactory);
  const conversationRefs = new SqlConversationRefs(database, clock);
  const installer = deps.graph ? (deps.graph.installer ?? undefined) : (lazyGraph.installer ?? undefined);
  const notifier =
    deps.notifier ??
    new TeamsChatNotifier(teams.adapter, { botAppId: config.bot?.appId ?? '', refs: conversationRefs, tenantId: config.bot?.tenantId ?? null, ...(installer ? { installer } : {}) });
  const app = {
    ...appDeps(config, database, clock, auditLog, graph, directory, notifier, jobQueue, staffRoles),
    telemetry,
    meetingNotifier: deps.meetingNotifier ?? new TeamsMeetingNotifier(teams.adapter, config.bot?.appId ?? ''),
    meetingAlertRepeatMs: config.meetingAlertRepeatMs,
    // Removing someone through the calling bot only where the tenant has allowed it (docs/meeting/stages.md).
    ...callControl(config, deps.calls, lazyGraph),
  };

  const bot = createTeamsEndpoint({
    connection: teams,
    conversationRefs,
    config,
    app: {
      respond: chatResponder(productCommands(app)),
      cardActions: combineCardActions(defineCardActions(CARD_VERBS, productCardHandlers(app)), deps.cardActions),
      typeahead: productTypeahead(app),
      meetingEvent: meetingEventHandler(app),
      tabBaseUrl: config.publicBaseUrl,
    },
    auditLog,
    idempotency: deps.idempotency ?? new SqlIdempotencyStore(database, clock),
    credentialsFactory: deps.credentialsFactory,
  });

  const pending = deps.pendingMigrations ?? (() => pendingMigrations(database));
  const http = createHttpServer({
    logger,
    bot,
    maxBodyBytes: config.maxBodyBytes,
    api: apiSetup(config, clock, app),
    pages: [
      (server) => mountReportLinkPage(server, app, () => config.profile.reports.maxReportBytes),
      (server) => mountRecordLinkPage(server, app),
      (server) => mountRunSheetPage(server, app, { localMode: config.localMode, extraFrameAncestors: config.tab.extraFrameAncestors }),
      mountCallsCallback,
    ],
    tab: { distDir: config.tab.distDir, localMode: config.localMode, extraFrameAncestors: config.tab.extraFrameAncestors },
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
  logger.info({ url: running.url, localMode: config.localMode, database: database.kind, telemetry: config.telemetry !== null || deps.telemetry !== undefined }, 'bot listening');

  // Reminders and other jobs: claimed under a lease, each handler completing its job in its own
  // short transaction (never one held across a Teams call).
  const worker = new JobWorker({
    ledger: jobQueue,
    uow: app.uow,
    kinds: JOB_KINDS,
    handlers: productJobHandlers(app),
    holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    pollMs: config.jobPollMs,
    onFailure: (f) => logger.warn(f, 'job failed'),
    telemetry,
  });
  worker.start();
  // The daily retention job (expired idempotency keys, report files, conference data): one queued
  // across every instance; this start queues it if none is (docs/operations.md#retention).
  await app.uow
    .run((tx) => scheduleRetention(jobQueue, clock, config.retention.runHourUtc, tx))
    .catch((err) => logger.warn(errorFields(err), 'scheduling the retention job failed'));
  // Alerts a previous process raised and did not deliver (killed between its commit and the send) go out now.
  const resumed = resumeOpenAlerts(app)
    .then((r) => r.conferences > 0 && logger.info(r, 'open meeting alerts resumed'))
    .catch((err) => logger.warn(errorFields(err), 'resuming open meeting alerts failed'));

  let closed: Promise<void> | null = null;
  return {
    url: running.url,
    logger,
    close() {
      closed ??= (async () => {
        await running.close(deps.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
        await resumed;
        // The worker finishes the jobs it holds before the database closes.
        await worker.close();
        graph.close();
        await database.close();
        // Last: what the shutdown itself recorded is flushed too. A failed export is not a failed shutdown.
        await telemetryRun.shutdown().catch((err) => logger.warn(errorFields(err), 'telemetry flush failed'));
        logger.info('bot stopped');
      })();
      return closed;
    },
  };
}

/** The use cases' ports on this database and these Graph adapters. */
function appDeps(config: Config, database: Database, clock: Clock, audit: AuditLog, graph: { meetings: Meetings; mailer: Mailer; reports: ReportStore }, directory: Directory, notifier: ChatNotifier, jobs: SqlJobQueue, staffRoles: StaffRoles): AppDeps {
  return {
    store: new SqlConferenceStore(database),
    uow: new SqlUnitOfWork(database),
    lease: new SqlConferenceLease(database, clock),
    meetings: graph.meetings,
    mailer: graph.mailer,
    alerts: new SqlClerkAlerts(database, audit, clock),
    audit,
    clock,
    profileFor: (id) => (id === config.profile.id ? config.profile : resolveProfile(id)),
    profileId: config.profile.id,
    mailSender: config.graph.mailSender,
    directory,
    jobs,
    staffRoles,
    notifier,
    remindersSent: new SqlRemindersSent(database),
    links: new HmacLinkSigner(linkKeyFrom(config.audit.hmacKey)),
    publicBaseUrl: config.publicBaseUrl,
    reports: graph.reports,
    lookup: new SqlConferenceLookup(database),
    live: new SqlLiveMeetingStore(database),
    documents: new PdfRecordRenderer(),
    coreGroups: new SqlCoreGroupStore(database),
    retention: {
      store: new SqlRetentionStore(database),
      schedule: { ...config.retention, idempotencyHours: config.idempotencyRetentionHours },
    },
  };
}

/** AppDeps.calls: the test's, else Graph's calling bot when CALLS_REMOVE_ENABLED, else none (the chair is told how). */
function callControl(config: Config, given: CallControl | undefined, graph: ReturnType<typeof lazyGraphAdapters>): { calls?: CallControl } {
  if (given) return { calls: given };
  if (!config.graph.calls?.removeEnabled) return {};
  return { calls: graph.calls(config.graph.calls.callbackUrl ?? `${config.publicBaseUrl}/api/calls`) };
}

/** Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL) and applies the migrations. */
export async function openMigratedDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  // As the owner role (DATABASE_MIGRATION_URL) on its own connection; the service keeps DATABASE_URL.
  const applied = await migrateAsOwner(database, config.databaseMigrationUrl, config.databaseUrl);
  logger.info({ database: database.kind, applied }, 'migrations applied');
  return database;
}

/** One line on stderr for an old runtime; exits for one that cannot run the product. */
export function checkRuntimeOrExit(version = process.versions.node): void {
  const runtime = checkNodeRuntime(version);
  if (!runtime.ok) {
    console.error(`Cannot start: ${runtime.message}`);
    process.exit(1);
  }
  if (runtime.warning) console.error(runtime.warning);
}

/** Production: `node dist/bot/main.js`. Configuration, database, migrations, server, signals. */
async function main(): Promise<void> {
  checkRuntimeOrExit();
  let config: Config;
  try {
    config = loadProductionConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = await openMigratedDatabase(config, logger);
  const server = await startServer(config, { database, logger });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error(errorFields(err), 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal (tsx relays the terminal's Ctrl-C once more) must not kill
  // the process half-way through its graceful shutdown.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err) => {
    console.error('Cannot start:', err instanceof Error ? `${err.name}: ${err.message}` : err);
    process.exit(1);
  });
}
