// npm run sandbox: the Graph sandbox standalone on a persistent database; prints its URLs.
import { resolve } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { SANDBOX_DEFAULTS } from '../local/sandbox-defaults';
import { FaultInjector } from './fault-injector';
import { DEFAULT_CLIENT, DEFAULT_TENANT_ID, startGraphSandbox } from './start-graph-sandbox';

const Env = z.object({
  GRAPH_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(Number(new URL(SANDBOX_DEFAULTS.origin).port)),
  GRAPH_SANDBOX_TLS: z.enum(['0', '1', 'true', 'false']).default('1'),
  GRAPH_SANDBOX_DATA_DIR: z.string().min(1).default('.tmp/graph-sandbox/db'),
  GRAPH_SANDBOX_CA_FILE: z.string().min(1).default(SANDBOX_DEFAULTS.caFile),
  DATABASE_URL: z.string().min(1).optional(),
  GRAPH_SANDBOX_TENANT_ID: z.string().min(1).default(DEFAULT_TENANT_ID),
  GRAPH_SANDBOX_CLIENT_ID: z.string().min(1).default(DEFAULT_CLIENT.clientId),
  GRAPH_SANDBOX_CLIENT_SECRET: z.string().min(1).default(DEFAULT_CLIENT.clientSecret!),
  GRAPH_SANDBOX_ORGANIZERS: z.string().optional(),
  GRAPH_SANDBOX_LOG: z.string().optional(),
  GRAPH_SANDBOX_FAULTS: z.string().optional(),
});

const Organizers = z.array(z.strictObject({ id: z.string().min(1), mail: z.string().optional(), displayName: z.string().optional(), accessPolicy: z.boolean() }));

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    console.error(`graph sandbox: invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(1);
  }
  const env = parsed.data;
  const tls = env.GRAPH_SANDBOX_TLS === '1' || env.GRAPH_SANDBOX_TLS === 'true';
  const organizers = env.GRAPH_SANDBOX_ORGANIZERS ? Organizers.parse(JSON.parse(env.GRAPH_SANDBOX_ORGANIZERS)) : undefined;
  const db = await openDatabase({ dataDir: env.GRAPH_SANDBOX_DATA_DIR, databaseUrl: env.DATABASE_URL });
  const sandbox = await startGraphSandbox({
    db,
    port: env.GRAPH_SANDBOX_PORT,
    tls,
    caCertFile: tls ? resolve(env.GRAPH_SANDBOX_CA_FILE) : undefined,
    tenantId: env.GRAPH_SANDBOX_TENANT_ID,
    clients: [{ clientId: env.GRAPH_SANDBOX_CLIENT_ID, clientSecret: env.GRAPH_SANDBOX_CLIENT_SECRET }],
    organizers,
    faults: FaultInjector.fromEnv(env.GRAPH_SANDBOX_FAULTS),
    logFile: env.GRAPH_SANDBOX_LOG,
  });
  console.log(`Graph sandbox (${db.kind}${env.DATABASE_URL ? '' : ` in ${env.GRAPH_SANDBOX_DATA_DIR}`})`);
  console.log(`  GRAPH_BASE_URL   ${sandbox.graphUrl}`);
  console.log(`  authority        ${sandbox.authority}`);
  console.log(`  token endpoint   ${sandbox.tokenUrl}`);
  console.log(`  client id        ${env.GRAPH_SANDBOX_CLIENT_ID} (secret from GRAPH_SANDBOX_CLIENT_SECRET or the documented default)`);
  if (sandbox.caCertFile) console.log(`  CA certificate   ${sandbox.caCertFile}  (NODE_EXTRA_CA_CERTS=${sandbox.caCertFile})`);
  console.log(`  mailboxes        ${sandbox.url}/_sandbox`);
  if (env.GRAPH_SANDBOX_LOG) console.log(`  request log      ${env.GRAPH_SANDBOX_LOG}`);
  const stop = async () => {
    await sandbox.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`graph sandbox: ${(e as Error).message}`);
  process.exit(1);
});
