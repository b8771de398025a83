// `npm run build:tab`: bundles the tab's pages (tab/src/pages/<page>/<page>.page.tsx, one entry each)
// with esbuild into dist/tab/assets, names hashed for long-lived caching, shared code split into
// chunks, and writes dist/tab/pages.json: page → its script and styles, which the server reads.
import { createHash } from 'node:crypto';
import { readdirSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

export interface TabBuild {
  outDir: string;
  pages: Record<string, { js: string; css: string[] }>;
  /** Every output file (relative to outDir) with its size in bytes. */
  files: Record<string, number>;
}

const ROOT = resolve(__dirname, '..');

export function tabEntries(root = ROOT): Record<string, string> {
  const pagesDir = join(root, 'tab/src/pages');
  const entries: Record<string, string> = {};
  for (const name of readdirSync(pagesDir)) {
    const file = join(pagesDir, name, `${name}.page.tsx`);
    if (existsSync(file)) entries[name] = file;
  }
  return entries;
}

export async function buildTab(options: { outDir?: string; minify?: boolean } = {}): Promise<TabBuild> {
  const outDir = resolve(options.outDir ?? join(ROOT, 'dist/tab'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const entries = tabEntries();
  const result = await build({
    entryPoints: entries,
    outdir: join(outDir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'edge120', 'safari16', 'firefox120'],
    minify: options.minify ?? true,
    sourcemap: false,
    metafile: true,
    jsx: 'automatic',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(ROOT, 'tab/tsconfig.json'),
    logLevel: 'warning',
    legalComments: 'none',
  });
  const pages = pagesOf(result.metafile, outDir, entries);
  const files: Record<string, number> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) files[relative(outDir, resolve(file))] = out.bytes;
  writeFileSync(join(outDir, 'pages.json'), `${JSON.stringify({ pages }, null, 2)}\n`);
  return { outDir, pages, files };
}

function pagesOf(meta: Metafile, outDir: string, entries: Record<string, string>): TabBuild['pages'] {
  const byEntry = new Map(Object.entries(entries).map(([name, file]) => [resolve(file), name]));
  const pages: TabBuild['pages'] = {};
  for (const [file, out] of Object.entries(meta.outputs)) {
    if (!out.entryPoint) continue;
    const name = byEntry.get(resolve(out.entryPoint));
    if (!name) continue;
    const css = out.cssBundle ? [relative(outDir, resolve(out.cssBundle))] : [];
    pages[name] = { js: relative(outDir, resolve(file)), css };
  }
  return pages;
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

/** A hash of everything the build reads from this repository (the server's schemas are types only: never in the bundle). */
export function tabFingerprint(root = ROOT): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(join(root, 'tab')), join(root, 'scripts/build-tab.ts'), join(root, 'package-lock.json')];
  for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Builds the tab into `outDir` unless the build there is of these very sources (its
 * `.fingerprint`): `npm start` and the browser tests' global setup call it, so an unchanged
 * tab/ costs a hash, not a build. Returns whether it built.
 */
export async function ensureTabBuilt(outDir = join(ROOT, 'dist/tab')): Promise<{ outDir: string; built: boolean }> {
  const dir = resolve(outDir);
  const stamp = join(dir, '.fingerprint');
  const fingerprint = tabFingerprint();
  if (existsSync(join(dir, 'pages.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return { outDir: dir, built: false };
  await buildTab({ outDir: dir });
  writeFileSync(stamp, fingerprint);
  return { outDir: dir, built: true };
}

if (require.main === module) {
  const started = Date.now();
  buildTab()
    .then((b) => {
      console.log(`tab built: ${Object.keys(b.pages).length} pages, ${Object.keys(b.files).length} files in ${Date.now() - started} ms → ${relative(process.cwd(), b.outDir)}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
