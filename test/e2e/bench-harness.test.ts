// The benchmark's load generator must send activities the product accepts, each with its own id
// (the product answers a repeated id from its idempotency record, which would skew the figures).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idempotencyKey, inboundActivitySchema } from '../../bot/adapters/teams/activity-schema';
import { loadConfig } from '../../bot/config/load-config';
import { BENCH_TENANT_ID, benchActivity } from '../../scripts/bench/load';
import { BENCH_APP, checkProductionGuards, productionEnv } from '../../scripts/bench/production-auth';
import { median, roundOrder, spread } from '../../scripts/bench/rounds';
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

describe('bench:invites', () => {
  const { execFile } = require('node:child_process') as typeof import('node:child_process');
  const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');

  it('appends the requests the sandbox received to GRAPH_SANDBOX_LOG, after what the file held', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-invites-test-'));
    const log = join(dir, 'nested', 'graph-requests.jsonl');
    mkdirSync(join(dir, 'nested'));
    writeFileSync(log, '{"earlier":"line"}\n');
    try {
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', 'scripts/bench-invites.ts'], { env: { ...process.env, GRAPH_SANDBOX_LOG: log }, timeout: 90_000 }, (err, out, errOut) =>
          err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out),
        );
      });
      const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as { graphRequests: number };
      const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('{"earlier":"line"}');
      const entries = lines.slice(1).map((l) => JSON.parse(l) as { method: string; path: string; headers: Record<string, string> });
      expect(entries.filter((e) => e.path.startsWith('/v1.0/'))).toHaveLength(figures.graphRequests);
      expect(entries.filter((e) => /\/oauth2\/v2\.0\/token$/.test(e.path)).length).toBeGreaterThanOrEqual(1);
      expect(entries.every((e) => e.headers.authorization === undefined)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('bench:bot rounds', () => {
  it('alternates the bots so that every echo phase sits between the two product phases of its round', () => {
    expect([0, 1, 2, 3].map((r) => roundOrder(r))).toEqual([
      ['local', 'echo', 'production'],
      ['production', 'echo', 'local'],
      ['local', 'echo', 'production'],
      ['production', 'echo', 'local'],
    ]);
  });

  it('reads the median and the spread', () => {
    expect(median([1.14, 0.55, 0.8])).toBe(0.8);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([1.14, 0.55, 0.8])).toEqual([0.55, 1.14]);
    expect(median([])).toBeNaN();
  });
});

describe('bench:bot production configuration', () => {
  const idp = { url: 'http://127.0.0.1:9', issuer: 'http://127.0.0.1:9/issuer', openIdMetadataUrl: 'http://127.0.0.1:9/.well-known/openidconfiguration' };

  it('is what loadConfig reads as production: credentials, one allowed tenant, botbuilder endpoints at the local provider', () => {
    const config = loadConfig({ ...productionEnv(idp), PORT: '0', DATA_DIR: '/tmp/unused' }, { mode: 'production' });
    expect(config.bot).toEqual({ appId: BENCH_APP.appId, appType: 'SingleTenant', tenantId: BENCH_APP.tenantId, password: BENCH_APP.secret, certificate: null });
    expect(config.allowedTenantIds).toEqual([BENCH_TENANT_ID]);
    expect(config.botEndpoints).toEqual({
      ToBotFromChannelOpenIdMetadataUrl: idp.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: idp.issuer,
      ToChannelFromBotLoginUrl: `http://127.0.0.1:9/${BENCH_APP.tenantId}`,
      ToChannelFromBotOAuthScope: BENCH_APP.scope,
    });
    expect(config.playground).toBe(false);
  });

  it('refuses to measure a bot that answers without a token', async () => {
    const server = createServer((req, res) => {
      req.resume();
      // Two calls: restify (loaded by earlier tests in this file) patches ServerResponse's writeHead,
      // and its version does not return the response.
      req.on('end', () => {
        res.writeHead(200);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(checkProductionGuards(url, 'http://127.0.0.1:9', 'a-token')).rejects.toThrow(/BENCH\.GUARDS_OFF: .*got 200, 200, 200/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('npm run bench:bot, one short round', () => {
  const { execFile } = require('node:child_process') as typeof import('node:child_process');

  it('measures the local product, the echo bot and the production configuration, and ends with the JSON line', async () => {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/bench-bot.ts', '--rounds', '1', '--duration', '1', '--warmup', '1', '--connections', '4'],
        { env: { ...process.env, BENCH_PROFILE: '' }, timeout: 270_000, maxBuffer: 16 * 1024 * 1024 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve({ stdout: out, stderr: errOut })),
      );
    });
    expect(stderr).toContain('production: no token → 401, another tenant → 403, a valid token → 200');
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(figures).toMatchObject({ rounds: 1, ratioSpread: [expect.any(Number), expect.any(Number)] });
    for (const bot of ['local', 'production', 'echo']) {
      expect((figures[bot] as { messagesPerSecond: number }).messagesPerSecond).toBeGreaterThan(0);
    }
    expect((figures.production as { ratioMedian: number }).ratioMedian).toBeGreaterThan(0);
    expect(figures.ratio).toBe(figures.ratioMedian);
  }, 300_000);
});
