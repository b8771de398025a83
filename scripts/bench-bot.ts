// `npm run bench:bot`: the product's server against a bare botbuilder echo bot, one after the
// other, under the same load. Each bot runs in its own child process (its own RSS) with its own
// connector stub child on loopback; autocannon drives message activities and adaptiveCard/action
// invokes at BENCH_CONNECTIONS connections for BENCH_DURATION_S seconds each, after a warm-up.
// Prints a table and, last, one JSON line:
//   {"messagesPerSecond":…,"echoMessagesPerSecond":…,"ratio":…,"p99Ms":…,"rssMb":…}
// Loopback only; stops by itself (a watchdog ends the run and its children after BENCH_TIMEOUT_S).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PRODUCTION_ONLY_SETTINGS } from '../bot/config/load-config';
import { freeLoopbackPort } from './local/playground-launcher';
import { type Child, startChild } from './bench/child-process';
import { COMPILED_ENTRIES, compileBots } from './bench/compile-bots';
import { type LoadKind, type LoadResult, runLoad } from './bench/load';

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH.CONFIG: ${name} must be a positive number`);
  return value;
};

const runtimeOf = (): 'dist' | 'tsx' => {
  const raw = process.env.BENCH_RUNTIME ?? (process.env.BENCH_PRODUCT_ENTRY?.endsWith('.ts') ? 'tsx' : 'dist');
  if (raw !== 'dist' && raw !== 'tsx') throw new Error(`BENCH.CONFIG: BENCH_RUNTIME must be dist or tsx`);
  return raw;
};
const runtime = runtimeOf();

const settings = {
  connections: num('BENCH_CONNECTIONS', 50),
  durationS: num('BENCH_DURATION_S', 10),
  warmupS: num('BENCH_WARMUP_S', 3),
  timeoutS: num('BENCH_TIMEOUT_S', 300),
  text: process.env.BENCH_TEXT ?? 'help',
  profile: process.env.BENCH_PROFILE === '1',
  /** For experiments: another entry that starts the product the way the local launcher does. */
  productEntry: process.env.BENCH_PRODUCT_ENTRY ?? (runtime === 'dist' ? COMPILED_ENTRIES.product : 'scripts/local/start-local.ts'),
  echoEntry: runtime === 'dist' ? COMPILED_ENTRIES.echo : 'scripts/bench/echo-bot.ts',
  /** Compare with production's set-up: the product on a PostgreSQL server instead of PGlite. */
  databaseUrl: process.env.BENCH_DATABASE_URL,
  /** Extra node flags for both bots (e.g. V8 heap limits), space-separated. */
  botNodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== ''),
};

interface TargetResult {
  name: 'product' | 'echo';
  loads: Record<LoadKind, LoadResult>;
  /** CPU time the bot process spent per request: unlike req/s, hardly moved by other load on the machine. */
  cpuMsPerRequest: Record<LoadKind, number>;
  repliesReceived: number;
  rssPeakMb: number;
  rssIdleMb: number;
}

interface ProductFirstStart {
  startMs: number;
  rssMb: number;
}

/** Production settings (local mode refuses them) stripped so that the product runs in local mode on PGlite. */
const STRIPPED = [
  ...PRODUCTION_ONLY_SETTINGS,
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
];
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of STRIPPED) delete env[name];
  return env;
}

async function startProduct(dataDir: string, profile = settings.profile): Promise<Child> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  return startChild({
    name: 'product',
    entry: settings.productEntry,
    // What `npm start` does: local mode, embedded database in DATA_DIR.
    env: {
      ...baseEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PLAYGROUND: '0',
      // Local mode starts the Graph sandbox in-process when Graph points at loopback; production
      // has no sandbox and the measured turns never call Graph, so point it away (never called).
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}),
    },
    ready: { url, poll: '/readyz' },
    discardStdout: true,
    // A first start runs PGlite's initdb and the migrations: slow on a busy machine.
    timeoutMs: 180_000,
    nodeArgs: [...settings.botNodeArgs, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(__dirname, '../.tmp/bench-profile')}`] : [])],
  });
}

function startEcho(): Promise<Child> {
  return startChild({ name: 'echo', entry: settings.echoEntry, env: { ...baseEnv(), PORT: '0' }, ready: 'stdout', nodeArgs: settings.botNodeArgs });
}

async function stubCount(stub: Child): Promise<number> {
  const response = await fetch(`${stub.url}/count`);
  return ((await response.json()) as { count: number }).count;
}

async function measure(name: TargetResult['name'], start: () => Promise<Child>): Promise<TargetResult> {
  const stub = await startChild({ name: `${name}-connector-stub`, entry: 'scripts/bench/connector-stub.ts', env: baseEnv(), ready: 'stdout' });
  let bot: Child | undefined;
  try {
    bot = await start();
    const running = bot;
    const rssIdleMb = running.rssMb();
    let rssPeakMb = rssIdleMb;
    const sampler = setInterval(() => {
      rssPeakMb = Math.max(rssPeakMb, running.rssMb());
    }, 200);
    const load = (kind: LoadKind, durationS: number) =>
      runLoad({ botUrl: running.url, serviceUrl: stub.url, kind, connections: settings.connections, durationS, text: settings.text });
    const measured = async (kind: LoadKind): Promise<[LoadResult, number]> => {
      const cpuBefore = running.cpuMs();
      const result = await load(kind, settings.durationS);
      return [result, (running.cpuMs() - cpuBefore) / Math.max(1, result.requests)];
    };
    try {
      process.stderr.write(`${name}: warming up (${settings.warmupS} s)\n`);
      await load('message', settings.warmupS);
      await load('invoke', Math.min(settings.warmupS, 2));
      const before = await stubCount(stub);
      process.stderr.write(`${name}: messages (${settings.durationS} s, ${settings.connections} connections)\n`);
      const [message, messageCpuMs] = await measured('message');
      const repliesReceived = (await stubCount(stub)) - before;
      process.stderr.write(`${name}: adaptiveCard/action invokes (${settings.durationS} s)\n`);
      const [invoke, invokeCpuMs] = await measured('invoke');
      rssPeakMb = Math.max(rssPeakMb, running.rssMb());
      return { name, loads: { message, invoke }, cpuMsPerRequest: { message: messageCpuMs, invoke: invokeCpuMs }, repliesReceived, rssPeakMb, rssIdleMb };
    } finally {
      clearInterval(sampler);
    }
  } catch (error) {
    if (bot) process.stderr.write(`${name} stderr:\n${bot.stderrTail()}\n`);
    throw error;
  } finally {
    await bot?.stop();
    await stub.stop();
  }
}

async function measureFirstStart(dataDir: string): Promise<ProductFirstStart> {
  const started = Date.now();
  const product = await startProduct(dataDir, false);
  const startMs = Date.now() - started;
  const rssMb = product.rssMb();
  await product.stop();
  return { startMs, rssMb };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function printTable(results: TargetResult[]): void {
  const rows = [['bot', 'load', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'requests', 'non-2xx', 'errors', 'RSS idle MB', 'RSS peak MB']];
  for (const r of results) {
    for (const kind of ['message', 'invoke'] as const) {
      const l = r.loads[kind];
      rows.push([
        r.name,
        kind === 'message' ? 'message' : 'adaptiveCard/action',
        String(round(l.requestsPerSecond)),
        String(l.p50Ms),
        String(l.p99Ms),
        String(round(r.cpuMsPerRequest[kind], 2)),
        String(l.requests),
        String(l.non2xx),
        String(l.errors + l.timeouts),
        String(round(r.rssIdleMb)),
        String(round(r.rssPeakMb)),
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  for (const r of results) {
    console.log(`${r.name}: the connector stub received ${r.repliesReceived} replies for ${r.loads.message.requests} measured messages`);
  }
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`BENCH.TIMEOUT: the benchmark did not finish within ${settings.timeoutS} s`);
    process.exit(2); // the child-process module kills every child on exit
  }, settings.timeoutS * 1000);
  watchdog.unref();

  if (runtime === 'dist') {
    process.stderr.write('compiling both bots (tsc -p tsconfig.build.json, scripts/bench/tsconfig.echo.json)\n');
    compileBots();
  }
  process.stderr.write(`runtime: ${runtime} (product ${settings.productEntry}, echo ${settings.echoEntry})\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cpc-bench-data-'));
  try {
    // The first start creates the embedded database (PGlite initdb) and applies the migrations; a
    // deployment does that once. Measure it, then benchmark a restart on the existing DATA_DIR.
    const firstStart = await measureFirstStart(dataDir);
    const product = await measure('product', () => startProduct(dataDir));
    const echo = await measure('echo', startEcho);
    printTable([product, echo]);
    for (const kind of ['message', 'invoke'] as const) {
      const times = product.cpuMsPerRequest[kind] / echo.cpuMsPerRequest[kind];
      console.log(`product spends ${round(times, 1)}x the echo bot's CPU per ${kind} (${round(product.cpuMsPerRequest[kind], 2)} vs ${round(echo.cpuMsPerRequest[kind], 2)} ms)`);
    }
    console.log(`product first start (new DATA_DIR: initdb + migrations): ready in ${firstStart.startMs} ms, RSS ${round(firstStart.rssMb)} MB`);

    const failures = [product, echo].flatMap((r) =>
      (['message', 'invoke'] as const)
        .filter((k) => r.loads[k].non2xx + r.loads[k].errors + r.loads[k].timeouts > 0)
        .map((k) => `${r.name} ${k}: ${r.loads[k].non2xx} non-2xx, ${r.loads[k].errors} errors, ${r.loads[k].timeouts} timeouts`),
    );
    for (const failure of failures) console.error(`WARNING ${failure}`);

    const messagesPerSecond = round(product.loads.message.requestsPerSecond);
    const echoMessagesPerSecond = round(echo.loads.message.requestsPerSecond);
    console.log(
      JSON.stringify({
        messagesPerSecond,
        echoMessagesPerSecond,
        ratio: round(messagesPerSecond / echoMessagesPerSecond, 2),
        // The product's worse p99 of the two loads, and its peak RSS over the whole run.
        p99Ms: Math.max(product.loads.message.p99Ms, product.loads.invoke.p99Ms),
        rssMb: round(product.rssPeakMb),
      }),
    );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
