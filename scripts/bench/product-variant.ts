// Experiments only (not the product): starts the server as the local launcher does, with one thing
// changed, so that `npm run bench:bot` can say what a part of the product costs:
//   BENCH_PRODUCT_ENTRY=scripts/bench/product-variant.ts BENCH_VARIANT=<name> npm run bench:bot
// (a .ts entry runs both bots under tsx; compare with BENCH_RUNTIME=tsx npm run bench:bot).
// Variants:
//   no-idempotency   — the SQL idempotency store replaced by one that claims every key (no SQL
//                      per activity; redeliveries would run twice): the store's share of the cost.
//   unbatched        — the SQL idempotency store without group commit (two statements per activity).
//   default-buffers  — PGlite with its own defaults (shared_buffers 128MB, wal_buffers 4MB).
import { openDatabase } from '../../bot/adapters/store/open-database';
import { migrate } from '../../bot/adapters/store/migrate';
import { SqlIdempotencyStore } from '../../bot/adapters/store/sql-idempotency.store';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import type { IdempotencyStore } from '../../bot/app/ports/idempotency.port';
import { loadConfig } from '../../bot/config/load-config';
import { startServer } from '../../bot/main';
import { LOCAL_MODE } from '../local/sandbox-defaults';

const variant = process.env.BENCH_VARIANT ?? '';

const claimEverything: IdempotencyStore = {
  claim: async () => ({ claimed: true }),
  complete: async () => undefined,
  release: async () => undefined,
};

async function main(): Promise<void> {
  if (!['no-idempotency', 'unbatched', 'default-buffers'].includes(variant)) throw new Error(`BENCH.VARIANT: unknown BENCH_VARIANT '${variant}'`);
  const config = loadConfig(process.env, LOCAL_MODE);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl ?? undefined,
    dataDir: config.dataDir,
    ...(variant === 'default-buffers' ? { pgliteSettings: [] } : {}),
  });
  await migrate(database);
  const idempotency =
    variant === 'no-idempotency' ? claimEverything : variant === 'unbatched' ? new SqlIdempotencyStore(database, systemClock, { batched: false }) : undefined;
  const server = await startServer(config, { database, ...(idempotency ? { idempotency } : {}) });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
