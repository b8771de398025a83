// The tab as the browser tests serve it: built once per jest run (test/support/global-setup.ts)
// into .tmp/tab-dist, and kept there between runs while its sources are unchanged
// (scripts/build-tab.ts ensureTabBuilt: a fingerprint of tab/, the build script and the lockfile).
import { join, resolve } from 'node:path';
import { ensureTabBuilt as ensureBuilt } from '../../../scripts/build-tab';

const ROOT = resolve(__dirname, '../../..');

/** Where the browser tests' build lives: TAB_DIST_DIR when global setup set it, else .tmp/tab-dist. */
export function tabDistDir(): string {
  return resolve(process.env.TAB_DIST_DIR ?? join(ROOT, '.tmp/tab-dist'));
}

/** Builds the tab into `dir` unless the build there is of these very sources. Returns the directory. */
export async function ensureTabBuilt(dir = tabDistDir()): Promise<string> {
  return (await ensureBuilt(dir)).outDir;
}
