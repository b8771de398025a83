// Experiments only (not the product): starts the server as bot/main.ts does, with one thing
// changed, so that `npm run bench:bot` can say what a part of the product costs:
//   BENCH_PRODUCT_ENTRY=scripts/bench/product-variant.ts BENCH_VARIANT=<name> npm run bench:bot
// Variants:
//   no-idempotency   — the SQL idempotency store replaced by one that claims every key (no SQL
//                      per activity; redeliveries would run twice): the store's share of the cost.
//   shared-buffers   — PGlite opened with postgresqlconf shared_buffers=16MB (default 128MB).
import { openDatabase } from '../../bot/adapters/store/open-database';
import { migrate } from '../../bot/adapters/store/migrate';
import type { IdempotencyStore } from '../../bot/app/ports/idempotency.port';
import { loadConfig } from '../../bot/config/load-config';
import { startServer } from '../../bot/main';

const variant = process.env.BENCH_VARIANT ?? '';

if (variant === 'shared-buffers') {
  // open-database.ts has no option for it: wrap PGlite.create before the store uses it.
  const { PGlite } = require('@electric-sql/pglite') as { PGlite: { create: (...args: unknown[]) => Promise<unknown> } };
  const create = PGlite.create.bind(PGlite);
  const conf = { postgresqlconf: ['shared_buffers=16MB'] };
  PGlite.create = (first: unknown, second?: unknown) =>
    typeof first === 'string' ? create(first, { ...(second as object), ...conf }) : create({ ...(first as object), ...conf });
}

const claimEverything: IdempotencyStore = {
  claim: async () => ({ claimed: true }),
  complete: async () => undefined,
  release: async () => undefined,
};

async function main(): Promise<void> {
  if (!['no-idempotency', 'shared-buffers'].includes(variant)) throw new Error(`BENCH.VARIANT: unknown BENCH_VARIANT '${variant}'`);
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  await migrate(database);
  const server = await startServer(config, { database, ...(variant === 'no-idempotency' ? { idempotency: claimEverything } : {}) });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
