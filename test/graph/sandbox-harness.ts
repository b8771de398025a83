// Starts the local Graph sandbox (HTTPS, own CA) and builds the real Graph adapter against it,
// trusting the sandbox's certificate in-process (no NODE_EXTRA_CA_CERTS).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphAdapters, type GraphAdapters } from '../../bot/adapters/graph/create-graph-adapters';
import type { GraphConfig } from '../../bot/config/graph-config';
import { snapshot } from '../../scripts/graph-sandbox/mailbox-report';
import type { LogEntry } from '../../scripts/graph-sandbox/request-log';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { type GraphSandbox, type GraphSandboxOptions, startGraphSandbox } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { emptyMemoryDatabase } from '../support/template-databases';

export const ORGANIZER = 'organizer@council.example';
export const SENDER = 'conference-team@council.example';

/** One request as the sandbox's own request log records it. */
export type LoggedRequest = Omit<LogEntry, 'time' | 'requestId'>;

export interface Harness {
  sandbox: GraphSandbox;
  graph: GraphAdapters;
  config: GraphConfig;
  /** Requests the sandbox logged (token endpoint included), in order. */
  requests(): LoggedRequest[];
  graphRequests(): LoggedRequest[];
  clearLog(): void;
  /** Every wait (ms) the adapter asked for (network back-off, batch-item Retry-After); none is slept. */
  waits: number[];
  state(): ReturnType<typeof snapshot>;
  stop(): Promise<void>;
}

export function sandboxConfig(sandbox: GraphSandbox, overrides: Partial<GraphConfig> = {}): GraphConfig {
  return {
    localMode: true,
    baseUrl: sandbox.graphUrl,
    authorityHost: sandbox.url,
    tenantId: sandbox.tenantId,
    clientId: sandbox.clients[0]!.clientId,
    credential: { kind: 'secret', secret: sandbox.clients[0]!.clientSecret! },
    scope: 'https://graph.microsoft.com/.default',
    offlineAuthorityMetadata: true,
    mailSender: { email: SENDER, name: 'Conference team' },
    timeoutMs: 4_000,
    maxRetries: 3,
    ...overrides,
  };
}

export async function startHarness(options: GraphSandboxOptions = {}, overrides: Partial<GraphConfig> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-adapter-test-'));
  const logFile = join(dir, 'requests.jsonl');
  // The sandbox's own database, unless given one: from the template (no initdb), closed in stop().
  const ownDb = options.db === undefined ? await emptyMemoryDatabase() : undefined;
  const sandbox = await startGraphSandbox({ tls: true, logFile, ...options, ...(ownDb ? { db: ownDb } : {}) });
  const config = sandboxConfig(sandbox, overrides);
  const waits: number[] = [];
  const graph = createGraphAdapters(config, { caPem: sandbox.caCertPem!, retryDelaySeconds: 0, sleep: async (ms) => void waits.push(ms) });
  let skip = 0;
  const all = (): LoggedRequest[] => {
    let text = '';
    try {
      text = readFileSync(logFile, 'utf8');
    } catch {
      return [];
    }
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LoggedRequest);
  };
  return {
    sandbox,
    graph,
    config,
    waits,
    requests: () => all().slice(skip),
    graphRequests: () => all().slice(skip).filter((r) => r.path.startsWith('/v1.0/')),
    clearLog: () => {
      skip = all().length;
      waits.length = 0;
    },
    state: () => snapshot(new SandboxStore(sandbox.db)),
    async stop() {
      graph.close();
      await sandbox.stop();
      await ownDb?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
