// Starts the whole product server in-process on port 0 with a throwaway embedded database (from
// the migrated template, test/support/template-databases.ts),
// capturing its pino output.
import { Writable } from 'node:stream';
import type { Database } from '../../../bot/adapters/store/database';
import { type RunningServer, type ServerDeps, startServer } from '../../../bot/main';
import { type ConfigMode, loadConfig } from '../../../bot/config/load-config';
import { LOCAL_MODE } from '../../../scripts/local/sandbox-defaults';
import { emptyMemoryDatabase, migratedMemoryDatabase } from '../../support/template-databases';

export interface TestServer {
  url: string;
  db: Database;
  /** Every log line written so far, as raw JSON text. */
  logs: string[];
  server: RunningServer;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown; headers: Headers }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Default: production when env gives a MicrosoftAppId, else local mode (as the launcher runs it). */
  mode?: ConfigMode['mode'];
  /** Local mode takes no ALLOWED_TENANT_IDS from the environment; tests of the tenant check set it here. */
  allowedTenantIds?: string[];
  deps?: Partial<ServerDeps>;
  migrated?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const env: Record<string, string> = { PORT: '0', LOG_LEVEL: 'info', PLAYGROUND: '0', ...options.env };
  const mode: ConfigMode = (options.mode ?? (env.MicrosoftAppId ? 'production' : 'local')) === 'production' ? { mode: 'production' } : LOCAL_MODE;
  const loaded = loadConfig(env, mode);
  const config = options.allowedTenantIds ? { ...loaded, allowedTenantIds: options.allowedTenantIds } : loaded;
  const db = options.migrated !== false ? await migratedMemoryDatabase() : await emptyMemoryDatabase();
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      cb();
    },
  });
  const server = await startServer(config, { database: db, logDestination, ...options.deps });
  return {
    url: server.url,
    db,
    logs,
    server,
    async post(path, body, headers = {}) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: res.status, json, headers: res.headers };
    },
    close: () => server.close(),
  };
}
