// startGraphSandbox(options): a loopback server that behaves like Microsoft Graph v1.0 and the
// identity platform's token endpoint for the calls the Graph adapter makes (docs/graph-sandbox.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '../../bot/adapters/store/database';
import { SANDBOX_DEFAULTS } from '../local/sandbox-defaults';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { FaultInjector, type FaultsConfig } from './fault-injector';
import type { OrganizerConfig, SandboxDrive, SandboxEnv } from './graph-context';
import { createGraphRouter } from './graph-router';
import { createHandler } from './http-handler';
import { RequestLog } from './request-log';
import { createSandboxSchema, SandboxStore } from './sandbox-store';
import { loadOrCreateCertificate } from './tls-certificate';
import { DEFAULT_ROLES, type SandboxClient, TokenService } from './token-service';

// The same tenant and client the Graph settings' local-mode defaults name, so that `npm start`
// and `npm run sandbox` agree by construction.
export const DEFAULT_TENANT_ID: string = SANDBOX_DEFAULTS.tenantId;
export const DEFAULT_CLIENT: SandboxClient = { clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret };
/** The one document library served by default; the default client is granted it (Sites.Selected). */
export const DEFAULT_DRIVE: SandboxDrive = { id: SANDBOX_DEFAULTS.reportsDriveId, name: 'Conference reports', selectedApps: [SANDBOX_DEFAULTS.clientId] };

export interface GraphSandboxOptions {
  /** The product's database; default: a fresh in-memory PGlite closed on stop(). */
  db?: Database;
  /** 0 (default) = a free port. */
  port?: number;
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** Serve HTTPS with a self-signed certificate (needed by msal-node and the Graph client's auth handler). */
  tls?: boolean;
  /** Where the certificate PEM is written in TLS mode (default: in the OS temp folder). */
  caCertFile?: string;
  faults?: FaultsConfig;
  /** Append one JSON line per request (default: env GRAPH_SANDBOX_LOG). */
  logFile?: string;
  tenantId?: string;
  clients?: SandboxClient[];
  /** Users with/without a Teams application access policy; unset = every user has one. */
  organizers?: OrganizerConfig[];
  /** Clock for tokens and timestamps (tests). */
  now?: () => Date;
  /** Document libraries served under /drives/{id} (default: DEFAULT_DRIVE). */
  drives?: SandboxDrive[];
}

export interface GraphSandbox {
  /** Graph host root, like https://graph.microsoft.com. */
  url: string;
  /** url + '/v1.0', like https://graph.microsoft.com/v1.0. */
  graphUrl: string;
  /** url + '/{tenantId}', like https://login.microsoftonline.com/{tenantId}. */
  authority: string;
  tokenUrl: string;
  /** JSON strings for msal-node's auth.authorityMetadata / auth.cloudDiscoveryMetadata. */
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
  caCertPem?: string;
  caCertFile?: string;
  host: string;
  port: number;
  tenantId: string;
  clients: SandboxClient[];
  db: Database;
  /** Replace the fault configuration (counters restart). */
  setFaults(faults: FaultsConfig | undefined): void;
  faultStats(): { kind: string; seen: number; fired: number }[];
  /** Seed a participant of a call so DELETE …/participants/{id} finds it. */
  addCallParticipant(callId: string, participantId: string, who?: { aadObjectId?: string; isInLobby?: boolean }): Promise<void>;
  /** Seed someone in a meeting (by its chat thread id): they are in every call that joins it. */
  addMeetingParticipant(threadId: string, participant: { participantId: string; aadObjectId?: string; isInLobby?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export async function startGraphSandbox(options: GraphSandboxOptions = {}): Promise<GraphSandbox> {
  const host = options.host ?? '127.0.0.1';
  const ownDb = options.db === undefined;
  const db = options.db ?? (await openDatabase({ dataDir: ':memory:' }));
  const now = options.now ?? (() => new Date());
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const clients = (options.clients ?? [DEFAULT_CLIENT]).map((c) => ({ ...c, roles: c.roles ?? DEFAULT_ROLES }));

  await createSandboxSchema(db);
  const store = new SandboxStore(db);
  const tokens = await TokenService.open(store, tenantId, clients, now);
  const tls = options.tls ? await loadOrCreateCertificate(store) : undefined;
  let faults = new FaultInjector(options.faults ?? FaultInjector.fromEnv(process.env.GRAPH_SANDBOX_FAULTS));
  const log = new RequestLog(options.logFile ?? process.env.GRAPH_SANDBOX_LOG);

  let origin = '';
  const env: SandboxEnv = {
    store,
    tenantId,
    get graphUrl() {
      return `${origin}/v1.0`;
    },
    organizers: options.organizers,
    now,
    drives: options.drives ?? [DEFAULT_DRIVE],
    transaction: (fn) => db.transaction((tx) => fn(new SandboxStore(tx))),
  };
  const dispatch = createGraphRouter(env, () => faults);
  let stopping = false;
  const handler = createHandler({ env, tokens, faults: () => faults, log, origin: () => origin, dispatch, inFlight: new Map(), stopping: () => stopping });
  const server: Server = tls ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, handler) : createHttpServer(handler);
  // Node's 5 s keep-alive can close a socket just as a busy client reuses it (ECONNRESET under
  // load, seen in the drive tests); Graph's front ends keep connections far longer. stop() closes them.
  server.keepAliveTimeout = 65_000;
  // Keep-alive sockets would hold stop() open; track them to close them.
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  if (tls) server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host === '::1' ? '[::1]' : host;
  origin = `${tls ? 'https' : 'http'}://${hostInUrl}:${port}`;

  let caCertFile: string | undefined;
  if (tls) {
    caCertFile = options.caCertFile ?? join(tmpdir(), `graph-sandbox-${port}-ca.pem`);
    mkdirSync(dirname(caCertFile), { recursive: true });
    writeFileSync(caCertFile, tls.certPem);
  }

  return {
    url: origin,
    graphUrl: `${origin}/v1.0`,
    authority: `${origin}/${tenantId}`,
    tokenUrl: `${origin}/${tenantId}/oauth2/v2.0/token`,
    authorityMetadata: JSON.stringify(tokens.openidConfiguration(origin)),
    cloudDiscoveryMetadata: JSON.stringify(tokens.cloudDiscovery(origin)),
    caCertPem: tls?.certPem,
    caCertFile,
    host,
    port,
    tenantId,
    clients,
    db,
    setFaults(next) {
      faults = new FaultInjector(next);
    },
    faultStats: () => faults.stats(),
    addCallParticipant: (callId, participantId, who) => store.addCallParticipant(callId, participantId, now().toISOString(), who),
    addMeetingParticipant: (threadId, participant) => store.addMeetingParticipant(threadId, participant, now().toISOString()),
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      if (ownDb) await db.close();
    },
  };
}
