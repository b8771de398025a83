// Local mode's companions, started beside the bot by the local launcher (start-local.ts, `npm
// start`): the strict local Graph sandbox (in-process, on the bot's own database, where the local
// Graph settings point) and Microsoft's Agents Playground pointed at the bot. The sandbox starts
// only when GRAPH_BASE_URL is a loopback address; with it, an empty staff roster is seeded from
// the sandbox's people (seed-staff-roster.ts).
import { resolve } from 'node:path';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { createGraphAdapters } from '../../bot/adapters/graph/create-graph-adapters';
import type { Logger } from '../../bot/adapters/logging/logger';
import type { Database } from '../../bot/adapters/store/database';
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlStaffRoles } from '../../bot/adapters/store/sql-staff-roles';
import type { Config } from '../../bot/config/load-config';
import { DEFAULT_CLIENT, DEFAULT_TENANT_ID, startGraphSandbox } from '../graph-sandbox/start-graph-sandbox';
import { startPlayground } from './playground-launcher';
import { seedStaffRoster } from './seed-staff-roster';

export interface LocalExtras {
  /** Stop functions, in start order (the caller stops them in reverse). */
  stops: (() => Promise<void>)[];
  playgroundUrl?: string;
  sandboxUrl?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LocalExtrasOptions {
  config: Config;
  database: Database;
  botUrl: string;
  logger: Logger;
  /** Where the sandbox writes its CA certificate when GRAPH_CA_FILE is not given. */
  sandboxCaFile: string;
  /** The sandbox's request log (GRAPH_SANDBOX_LOG). */
  sandboxLogFile?: string;
  /** The playground's port (default 56150; 0 = a free one, as the end-to-end test uses). */
  playgroundPort?: number;
}

export async function startLocalExtras(opts: LocalExtrasOptions): Promise<LocalExtras> {
  const { config, database, botUrl, logger } = opts;
  const extras: LocalExtras = { stops: [] };
  try {
    const graphUrl = new URL(config.graph.baseUrl);
    if (LOOPBACK.has(graphUrl.hostname)) {
      const tls = graphUrl.protocol === 'https:';
      const sandbox = await startGraphSandbox({
        db: database,
        port: Number(graphUrl.port || (tls ? 443 : 80)),
        host: '127.0.0.1',
        tls,
        ...(tls ? { caCertFile: resolve(config.graph.caFile ?? opts.sandboxCaFile) } : {}),
        tenantId: config.graph.tenantId || DEFAULT_TENANT_ID,
        clients: [
          config.graph.credential.kind === 'secret'
            ? { clientId: config.graph.clientId, clientSecret: config.graph.credential.secret }
            : DEFAULT_CLIENT,
        ],
        ...(opts.sandboxLogFile ? { logFile: opts.sandboxLogFile } : {}),
      });
      extras.stops.push(() => sandbox.stop());
      extras.sandboxUrl = sandbox.url;

      // Prove the whole chain once at start (msal-node → local authority → token), so a
      // misconfigured sandbox shows now rather than when a clerk books a conference.
      const graph = createGraphAdapters(config.graph, sandbox.caCertPem ? { caPem: sandbox.caCertPem } : {});
      try {
        await graph.tokens.getToken();
      } finally {
        graph.close();
      }
      logger.info({ graph: sandbox.graphUrl, mailboxes: `${sandbox.url}/_sandbox` }, 'local Graph sandbox ready');
      const seeded = await seedStaffRoster(new SqlStaffRoles(database, new SqlAuditLog(database, systemClock, config.audit.hmacKey), systemClock));
      if (seeded > 0) logger.info({ entries: seeded }, 'staff roster seeded from the sandbox directory');
    }

    if (config.playground) {
      // The playground's people are the local directory's: messages arrive from a seeded clerk.
      const tenant = { tenantId: config.graph.tenantId || DEFAULT_TENANT_ID };
      const playground = await startPlayground({ botEndpoint: `${botUrl}/api/messages`, tenant, ...(opts.playgroundPort !== undefined ? { port: opts.playgroundPort } : {}) });
      extras.stops.push(() => playground.stop());
      extras.playgroundUrl = playground.url;
      logger.info({ url: playground.url }, 'Agents Playground ready: open this URL and say "help"');
    }
    return extras;
  } catch (err) {
    // Leave nothing half-started behind.
    for (const stop of extras.stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
