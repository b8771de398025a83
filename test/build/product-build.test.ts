// The product does not contain its tools: `npm run build` (tsconfig.build.json) emits bot/ only —
// no Graph sandbox, local launcher or Agents Playground file, no sandbox secret — and the built
// entry point refuses to start without a MicrosoftAppId instead of falling into local mode.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
let outDir: string;
let files: string[];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(relative(outDir, full).split('\\').join('/'));
  }
  return out;
}

beforeAll(() => {
  // Inside the repository, so that the built files find node_modules as dist/ does.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, '.tmp/build-test-'));
  // What `npm run build` runs, into a folder of this test's own.
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed: ${r.stdout}${r.stderr}`);
  files = walk(outDir);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('emits the product (bot/) only', () => {
  expect(files).toContain('bot/main.js');
  expect(files.filter((f) => !f.startsWith('bot/'))).toEqual([]);
});

it('contains no sandbox, launcher or playground file', () => {
  expect(files.filter((f) => /sandbox|playground|start-local|local-extras|launcher|loopback-only|exit-with-parent/i.test(f))).toEqual([]);
});

it('no emitted file names the tools, their packages or the sandbox secret', () => {
  const hits = files
    .filter((f) => f.endsWith('.js'))
    .flatMap((f) => {
      const text = readFileSync(join(outDir, f), 'utf8');
      const named = ['sandbox-client-secret', 'graph-sandbox', 'm365agentsplayground', 'pino-pretty'].filter((needle) => text.includes(needle));
      const required = [...text.matchAll(/require\(["']([^"']*\/(?:scripts|test)\/[^"']*)["']\)/g)].map((m) => `require ${m[1]}`);
      return [...named, ...required].map((hit) => `${f}: ${hit}`);
    });
  expect(hits).toEqual([]);
});

it('the built entry point (node dist/bot/main.js) refuses to start without MicrosoftAppId', () => {
  const r = spawnSync(process.execPath, [join(outDir, 'bot/main.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0' }, encoding: 'utf8', timeout: 60_000 });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Cannot start: configuration: MicrosoftAppId is required: the production entry point never runs local mode');
  expect(r.stdout).toBe('');
});
