// Composition of the Graph adapter from the validated GraphConfig: one transport (keep-alive,
// optional extra CA), msal-node for tokens, the Graph client, and the port adapters on it.
import { readFileSync } from 'node:fs';
import type { GraphConfig } from '../../config/graph-config';
import { createGraphClient } from './graph-client.factory';
import type { StaffRoles } from '../../app/ports/staff-roles.port';
import type { Telemetry } from '../../app/ports/telemetry.port';
import { GraphCallControlAdapter } from './graph-call-control.adapter';
import { GraphDirectoryAdapter, type GraphDirectoryOptions } from './graph-directory.adapter';
import { GraphMailerAdapter } from './graph-mailer.adapter';
import { GraphMeetingsAdapter } from './graph-meetings.adapter';
import { GraphReportStoreAdapter } from './graph-report-store.adapter';
import { GraphTeamsAppInstaller } from './graph-teams-app-installer';
import { createTransport } from './https-transport';
import { createTokenProvider, type TokenProvider } from './msal-token-provider';

export interface GraphAdapters {
  meetings: GraphMeetingsAdapter;
  mailer: GraphMailerAdapter;
  /** The Directory port (Graph /users) with product roles from the given staff roster. */
  directory(roster: StaffRoles, options?: GraphDirectoryOptions): GraphDirectoryAdapter;
  /** The reports document library (config.reportsDriveId). */
  reports: GraphReportStoreAdapter;
  /** Null when no Teams app catalog id is configured (GRAPH_TEAMS_APP_ID). */
  installer: GraphTeamsAppInstaller | null;
  /** The calling bot (remove from meeting), posting its notifications to `callbackUri`. */
  calls(callbackUri: string): GraphCallControlAdapter;
  tokens: TokenProvider;
  close(): void;
}

export interface GraphAdapterOverrides {
  /** PEM to trust instead of reading config.caFile (tests hand the sandbox's PEM directly). */
  caPem?: string;
  /** Seconds to wait on a 429/503 without Retry-After (default 3; tests use 0). */
  retryDelaySeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  onRequest?: (method: string, url: string) => void;
  /** Graph retries and throttling (docs/telemetry.md); default: off. */
  telemetry?: Telemetry;
}

export function createGraphAdapters(config: GraphConfig, overrides: GraphAdapterOverrides = {}): GraphAdapters {
  const caPem = overrides.caPem ?? (config.caFile ? readCa(config.caFile) : undefined);
  const transport = createTransport({ timeoutMs: config.timeoutMs, ...(caPem ? { caPem } : {}), ...(overrides.onRequest ? { onRequest: overrides.onRequest } : {}) });
  const tokens = createTokenProvider(config, transport);
  const retryDelaySeconds = overrides.retryDelaySeconds ?? 3;
  const client = createGraphClient({
    baseUrl: config.baseUrl, tokens, transport, maxRetries: config.maxRetries, retryDelaySeconds,
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    ...(overrides.telemetry ? { telemetry: overrides.telemetry } : {}),
  });
  return {
    meetings: new GraphMeetingsAdapter(client, config.clientId, config.maxRetries),
    mailer: new GraphMailerAdapter(client, {
      sender: config.mailSender.email, maxItemRetries: config.maxRetries,
      outerRetryDelaySeconds: retryDelaySeconds, outerMaxRetries: config.maxRetries,
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
      ...(overrides.telemetry ? { telemetry: overrides.telemetry } : {}),
    }),
    directory: (roster, options) => new GraphDirectoryAdapter(client, roster, options),
    reports: new GraphReportStoreAdapter(client, transport, { driveId: config.reportsDriveId, maxRetries: config.maxRetries }),
    installer: config.teamsAppId ? new GraphTeamsAppInstaller(client, config.teamsAppId) : null,
    calls: (callbackUri) => new GraphCallControlAdapter(client, callbackUri),
    tokens,
    close: () => transport.close(),
  };
}

function readCa(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    // Local mode's default CA file appears when the sandbox starts; say which file is missing.
    throw new Error(`GRAPH.CA_FILE_UNREADABLE: ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
