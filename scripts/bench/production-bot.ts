// The product in its production configuration, for `npm run bench:bot`: the configuration comes
// from loadConfig with production settings (MicrosoftAppId, password, tenant, ALLOWED_TENANT_IDS
// and botbuilder's four endpoint settings pointing at a local identity provider), so inbound JWT
// validation and the tenant check run exactly as in production. One seam: outbound replies get
// their token from that provider's loopback endpoint (LocalTokenCredentialsFactory, as in
// test/auth), because botbuilder's MSAL credentials refuse a plain-http authority; the token is
// cached, so this is one request per run.
//
// BENCH_PRODUCT_ROOT names the folder that holds the product's `bot/`: `dist` for the compiled
// build (the very files `node dist/bot/main.js` runs), the repository root under tsx.
import { join } from 'node:path';
import type * as MigrateModule from '../../bot/adapters/store/migrate';
import type * as DatabaseModule from '../../bot/adapters/store/open-database';
import type * as ConfigModule from '../../bot/config/load-config';
import type * as MainModule from '../../bot/main';
import { LocalTokenCredentialsFactory } from '../local-identity/local-token-credentials';

function product<T>(path: string): T {
  const root = process.env.BENCH_PRODUCT_ROOT;
  if (!root) throw new Error('BENCH.CONFIG: BENCH_PRODUCT_ROOT is not set');
  return require(join(root, path)) as T;
}

async function main(): Promise<void> {
  const { loadConfig } = product<typeof ConfigModule>('bot/config/load-config');
  const { openDatabase } = product<typeof DatabaseModule>('bot/adapters/store/open-database');
  const { migrate } = product<typeof MigrateModule>('bot/adapters/store/migrate');
  const { startServer } = product<typeof MainModule>('bot/main');

  const config = loadConfig(process.env, { mode: 'production' });
  const bot = config.bot;
  if (bot === null || bot.password === null) throw new Error('BENCH.CONFIG: the production bot needs MicrosoftAppId and MicrosoftAppPassword');
  const database = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  await migrate(database);
  const server = await startServer(config, {
    database,
    credentialsFactory: new LocalTokenCredentialsFactory(bot.appId, bot.password, bot.tenantId),
  });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
