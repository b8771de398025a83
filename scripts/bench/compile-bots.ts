// Production runs `npm run build` (tsc -p tsconfig.build.json → dist/) then `node dist/bot/main.js`,
// which never runs local mode. The benchmark compiles, with the same compiler settings, the local
// launcher (what `npm start` runs: scripts/bench/tsconfig.local.json), the echo bot and the
// production-configuration entry (tsconfig.echo.json), so every bot runs on plain node.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export const COMPILED_ENTRIES = {
  product: '.tmp/bench-dist/scripts/local/start-local.js',
  echo: '.tmp/bench-dist/scripts/bench/echo-bot.js',
  /** Runs dist/bot (BENCH_PRODUCT_ROOT=dist) in the production configuration. */
  production: '.tmp/bench-dist/scripts/bench/production-bot.js',
} as const;

export function compileBots(): void {
  const tsc = resolve(ROOT, 'node_modules/.bin/tsc');
  for (const project of ['tsconfig.build.json', 'scripts/bench/tsconfig.local.json', 'scripts/bench/tsconfig.echo.json']) {
    const r = spawnSync(tsc, ['-p', project], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`BENCH.BUILD_FAILED: tsc -p ${project}: ${`${r.stdout}${r.stderr}`.slice(-1500)}`);
  }
  // The migrator looks beside its compiled file first (dist/ finds the sources' folder instead).
  const migrations = 'bot/adapters/store/migrations';
  cpSync(resolve(ROOT, migrations), resolve(ROOT, '.tmp/bench-dist', migrations), { recursive: true });
}
