// Production runs `npm run build` (tsc -p tsconfig.build.json → dist/) then `node dist/bot/main.js`.
// The benchmark measures that, and compiles the echo bot and the production-configuration entry
// with the same compiler settings (scripts/bench/tsconfig.echo.json extends tsconfig.build.json)
// so every bot runs on plain node.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export const COMPILED_ENTRIES = {
  product: 'dist/bot/main.js',
  echo: '.tmp/bench-dist/scripts/bench/echo-bot.js',
  /** Runs dist/bot (BENCH_PRODUCT_ROOT=dist) in the production configuration. */
  production: '.tmp/bench-dist/scripts/bench/production-bot.js',
} as const;

export function compileBots(): void {
  const tsc = resolve(ROOT, 'node_modules/.bin/tsc');
  for (const project of ['tsconfig.build.json', 'scripts/bench/tsconfig.echo.json']) {
    const r = spawnSync(tsc, ['-p', project], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`BENCH.BUILD_FAILED: tsc -p ${project}: ${`${r.stdout}${r.stderr}`.slice(-1500)}`);
  }
}
