// jest globalSetup: the template databases (template-databases.ts) exist before the first test
// file starts, so no test's timeout pays for making them; and the tab is built once for the
// browser tests (test/browser/support/tab-build.ts). Both cached in .tmp: later runs only check.
// TAB_DIST_DIR set here reaches the workers (forked after global setup, with this environment);
// the harness also passes the same directory to the product explicitly.
import { ensureTabBuilt, tabDistDir } from '../browser/support/tab-build';
import { ensureTemplates } from './template-databases';

export default async function globalSetup(): Promise<void> {
  const dir = tabDistDir();
  await Promise.all([ensureTemplates(), ensureTabBuilt(dir)]);
  process.env.TAB_DIST_DIR = dir;
}
