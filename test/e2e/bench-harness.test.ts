// The benchmark's load generator must send activities the product accepts, each with its own id
// (the product answers a repeated id from its idempotency record, which would skew the figures).
import { idempotencyKey, inboundActivitySchema } from '../../bot/adapters/teams/activity-schema';
import { benchActivity } from '../../scripts/bench/load';
import { bucketOf } from '../../scripts/bench/summarize-profile';

describe('bench activities', () => {
  it.each(['message', 'invoke'] as const)('%s activities parse as inbound activities with unique idempotency keys', (kind) => {
    const activities = Array.from({ length: 200 }, (_, i) => benchActivity(kind, 'http://127.0.0.1:9', 'help', i % 50));
    const keys = activities.map((a) => {
      const parsed = inboundActivitySchema.parse(a);
      expect(parsed.serviceUrl).toBe('http://127.0.0.1:9');
      return idempotencyKey(parsed);
    });
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(200);
  });

  it('builds a Teams message and an Action.Execute invoke', () => {
    expect(benchActivity('message', 'http://127.0.0.1:9', 'help', 3)).toMatchObject({
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      conversation: { id: 'a:bench-conversation-3', conversationType: 'personal' },
    });
    expect(benchActivity('invoke', 'http://127.0.0.1:9', 'help', 3)).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'help.show' } },
    });
  });
});

describe('summarize-profile bucketOf', () => {
  it.each([
    ['file:///work/main/node_modules/@electric-sql/pglite/dist/index.cjs', 'f', '@electric-sql/pglite'],
    ['file:///work/main/node_modules/restify/lib/server.js', 'f', 'restify'],
    ['file:///work/main/bot/adapters/store/sql-idempotency.store.ts', 'f', 'bot/adapters/store'],
    ['node:internal/streams/writable', 'f', 'node core'],
    ['', '(garbage collector)', '((garbage collector))'],
  ])('%s (function %s) → %s', (url, fn, bucket) => {
    expect(bucketOf(url, fn)).toBe(bucket);
  });
});

describe('compiled bots (the local launcher and the echo bot, built as production builds: tsc -p tsconfig.build.json)', () => {
  // Imported lazily: these start child processes.
  const { COMPILED_ENTRIES, compileBots } = require('../../scripts/bench/compile-bots') as typeof import('../../scripts/bench/compile-bots');
  const { startChild } = require('../../scripts/bench/child-process') as typeof import('../../scripts/bench/child-process');
  const { freeLoopbackPort } = require('../../scripts/local/playground-launcher') as typeof import('../../scripts/local/playground-launcher');
  const { mkdtempSync, rmSync, existsSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');

  it('compiles both bots; each starts on plain node, and the product finds its migrations', async () => {
    compileBots();
    expect(existsSync(COMPILED_ENTRIES.product)).toBe(true);
    expect(existsSync(COMPILED_ENTRIES.echo)).toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'cpc-bench-test-'));
    const port = await freeLoopbackPort();
    const env = { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYGROUND: '0', GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' };
    const product = await startChild({ name: 'product', entry: COMPILED_ENTRIES.product, env, ready: { url: `http://127.0.0.1:${port}`, poll: '/readyz' }, timeoutMs: 60_000 });
    try {
      const ready = await fetch(`${product.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready' });
      // No tsx loader in a compiled child: its command line is node + the preload + the .js entry.
      const cmdline = require('node:fs').readFileSync(`/proc/${product.pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline).not.toContain('tsx');
      expect(cmdline.at(-2)).toMatch(/scripts\/local\/start-local\.js$/);
    } finally {
      await product.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const echo = await startChild({ name: 'echo', entry: COMPILED_ENTRIES.echo, env: { PATH: process.env.PATH, PORT: '0' }, ready: 'stdout' });
    try {
      expect(echo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await echo.stop();
    }
  }, 120_000);
});
