// The tab as the browser tests serve it: built once per jest run (test/support/global-setup.ts)
// into .tmp/tab-dist, and kept there between runs while its sources are unchanged (a fingerprint
// of tab/, the build script and the lockfile), so a run that changes nothing in tab/ builds nothing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTab } from '../../../scripts/build-tab';

const ROOT = resolve(__dirname, '../../..');

/** Where the browser tests' build lives: TAB_DIST_DIR when global setup set it, else .tmp/tab-dist. */
export function tabDistDir(): string {
  return resolve(process.env.TAB_DIST_DIR ?? join(ROOT, '.tmp/tab-dist'));
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** A hash of everything the build reads from this repository. */
export function tabFingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(join(ROOT, 'tab')), join(ROOT, 'scripts/build-tab.ts'), join(ROOT, 'package-lock.json')];
  // The server's schemas are imported as types only: they never change the bundle.
  for (const file of inputs) hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Builds the tab into `dir` unless the build there is of these very sources. Returns the directory. */
export async function ensureTabBuilt(dir = tabDistDir()): Promise<string> {
  const stamp = join(dir, '.fingerprint');
  const fingerprint = tabFingerprint();
  if (existsSync(join(dir, 'pages.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return dir;
  await buildTab({ outDir: dir });
  writeFileSync(stamp, fingerprint);
  return dir;
}
