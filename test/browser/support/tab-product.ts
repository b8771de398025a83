// The product the tab's browser tests open: the demo's local product (scripts/demo/demo-product.ts
// — local mode, the Graph sandbox on the bot's database, the demo's movable clock) with Teams'
// meeting events posted straight to /api/messages (events 'direct', no Agents Playground), serving
// the tab built once per jest run (tab-build.ts). One per test file, started in beforeAll.
import { DemoClock } from '../../../scripts/demo/demo-clock';
import { type DemoProduct, startDemoProduct } from '../../../scripts/demo/demo-product';
import { ProductApi } from '../../../scripts/demo/product-api';
import { BOOKING_DAY_START } from '../../../scripts/demo/run-demo-settings';
import { SandboxReads } from '../../../scripts/demo/sandbox-reads';
import type { Database } from '../../../bot/adapters/store/database';
import { migratedMemoryDatabase } from '../../support/template-databases';
import { ensureTabBuilt, tabDistDir } from './tab-build';

export interface TabProduct {
  /** The bot's base URL, e.g. http://127.0.0.1:PORT; the tab is at `${url}/tab/…`. */
  url: string;
  /** The API as a person calls it (dev sign-in tokens). */
  api: ProductApi;
  clock: DemoClock;
  database: Database;
  /** The Graph sandbox's calendars and mailboxes (the e-mailed links are in there). */
  sandbox: SandboxReads;
  product: DemoProduct;
  stop(): Promise<void>;
}

export interface TabProductOptions {
  /** The council profile (default staffordshire, as the demo). */
  profile?: string;
  /** Where the clock starts (default the demo's booking day, 2026-12-14 09:00 UTC). */
  start?: string;
  /** pino level (default 'silent'). */
  logLevel?: string;
}

export async function startTabProduct(options: TabProductOptions = {}): Promise<TabProduct> {
  // Global setup built it; this only checks (and builds when a file is run outside jest's setup).
  const distDir = await ensureTabBuilt(tabDistDir());
  const clock = new DemoClock(options.start ?? BOOKING_DAY_START);
  const database = await migratedMemoryDatabase();
  let product: DemoProduct;
  try {
    product = await startDemoProduct({
      profile: options.profile ?? 'staffordshire',
      clock,
      events: 'direct',
      playground: false,
      database,
      env: { TAB_DIST_DIR: distDir },
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    });
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
  return {
    url: product.botUrl,
    api: new ProductApi(product.botUrl),
    clock,
    database,
    sandbox: new SandboxReads(database),
    product,
    async stop() {
      await product.stop();
      await database.close().catch(() => undefined);
    },
  };
}
