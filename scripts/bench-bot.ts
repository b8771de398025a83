// `npm run bench:bot`: the product's server against a bare botbuilder echo bot under the same
// load, with the product twice: as `npm start` runs it (local mode, authentication off) and in its
// production configuration (JWT validation and the tenant check on, against a local identity
// provider; every request carries a valid signed token). Each bot runs in its own child process
// (its own RSS) with its own connector stub child on loopback. The three bots are interleaved over
// several rounds (local, echo, production; then production, echo, local; …): each round measures
// message activities then adaptiveCard/action invokes per bot, and each product phase is read
// against the echo phase of its own round. Prints tables and, last, one JSON line:
//   {"local":{…},"production":{…},"echo":{…},"ratioMedian":…,"ratioSpread":[min,max],"rounds":N,
//    "messagesPerSecond":…,"echoMessagesPerSecond":…,"ratio":…,"p99Ms":…,"rssMb":…}
// (the last five: the local product, as before). Flags (or BENCH_* variables, docs/local-loop.md):
//   --rounds N  --duration S  --warmup S  --connections N  --timeout S
// Loopback only; stops by itself (a watchdog ends the run and its children).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PRODUCTION_ONLY_SETTINGS } from '../bot/config/load-config';
import { freeLoopbackPort } from './local/playground-launcher';
import { type Child, startChild } from './bench/child-process';
import { COMPILED_ENTRIES, compileBots } from './bench/compile-bots';
import { type LoadKind, type LoadResult, runLoad } from './bench/load';
import { checkProductionGuards, type ProductionAuth, startProductionAuth } from './bench/production-auth';
import { type BotName, median, roundOrder, spread } from './bench/rounds';

const ROOT = resolve(__dirname, '..');

const flags = parseArgs({
  options: { rounds: { type: 'string' }, duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, timeout: { type: 'string' } },
}).values;

/** A flag, else its BENCH_* variable, else the default; a positive number. */
const num = (flag: keyof typeof flags, name: string, fallback: number, integer = false): number => {
  const raw = flags[flag] ?? process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`BENCH.CONFIG: --${flag} / ${name} must be a positive ${integer ? 'whole ' : ''}number`);
  }
  return value;
};

const runtimeOf = (): 'dist' | 'tsx' => {
  const raw = process.env.BENCH_RUNTIME ?? (process.env.BENCH_PRODUCT_ENTRY?.endsWith('.ts') ? 'tsx' : 'dist');
  if (raw !== 'dist' && raw !== 'tsx') throw new Error(`BENCH.CONFIG: BENCH_RUNTIME must be dist or tsx`);
  return raw;
};
const runtime = runtimeOf();

const rounds = num('rounds', 'BENCH_ROUNDS', 3, true);
const durationS = num('duration', 'BENCH_DURATION_S', 3);
const settings = {
  rounds,
  durationS,
  connections: num('connections', 'BENCH_CONNECTIONS', 50, true),
  warmupS: num('warmup', 'BENCH_WARMUP_S', 2),
  // Setup (compile, first start, three bots) plus every measured phase, with room for a busy machine.
  timeoutS: num('timeout', 'BENCH_TIMEOUT_S', 240 + 2 * rounds * 3 * 2 * durationS),
  text: process.env.BENCH_TEXT ?? 'help',
  profile: process.env.BENCH_PROFILE === '1',
  /** For experiments: another entry that starts the local product the way the local launcher does. */
  productEntry: process.env.BENCH_PRODUCT_ENTRY ?? (runtime === 'dist' ? COMPILED_ENTRIES.product : 'scripts/local/start-local.ts'),
  productionEntry: runtime === 'dist' ? COMPILED_ENTRIES.production : 'scripts/bench/production-bot.ts',
  /** Where the production entry finds the product's bot/ folder: the compiled build or the sources. */
  productRoot: runtime === 'dist' ? resolve(ROOT, 'dist') : ROOT,
  echoEntry: runtime === 'dist' ? COMPILED_ENTRIES.echo : 'scripts/bench/echo-bot.ts',
  /** Compare with production's set-up: the production-configuration product on a PostgreSQL server
   *  instead of PGlite (local mode refuses DATABASE_URL). */
  databaseUrl: process.env.BENCH_DATABASE_URL,
  /** Extra node flags for every bot (e.g. V8 heap limits), space-separated. */
  botNodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== ''),
};

/** Production settings stripped from the bench's own environment (local mode refuses them). */
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

async function startProduct(dataDir: string, options: { profile?: boolean; production?: ProductionAuth } = {}): Promise<Child> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const production = options.production;
  return startChild({
    name: production ? 'production' : 'local',
    entry: production ? settings.productionEntry : settings.productEntry,
    env: {
      ...baseEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PLAYGROUND: '0',
      // Local mode starts the Graph sandbox in-process when Graph points at loopback; production
      // has no sandbox and the measured turns never call Graph, so point it away (never called).
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      ...(production && settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}),
      ...(production ? { ...production.env, BENCH_PRODUCT_ROOT: settings.productRoot } : {}),
    },
    ready: { url, poll: '/readyz' },
    discardStdout: true,
    // A first start runs PGlite's initdb and the migrations: slow on a busy machine.
    timeoutMs: 180_000,
    nodeArgs: [...settings.botNodeArgs, ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(ROOT, '.tmp/bench-profile')}`] : [])],
  });
}

function startEcho(): Promise<Child> {
  return startChild({ name: 'echo', entry: settings.echoEntry, env: { ...baseEnv(), PORT: '0' }, ready: 'stdout', nodeArgs: settings.botNodeArgs });
}

interface RunningBot {
  name: BotName;
  bot: Child;
  stub: Child;
  /** A fresh `authorization` header per phase (production only). */
  headers(): Promise<Record<string, string>>;
  rssIdleMb: number;
  rssPeakMb: number;
}

interface Phase {
  round: number;
  bot: BotName;
  loads: Record<LoadKind, LoadResult>;
  /** CPU time the bot process spent per request: unlike req/s, hardly moved by other load on the machine. */
  cpuMsPerRequest: Record<LoadKind, number>;
  repliesReceived: number;
}

async function stubCount(stub: Child): Promise<number> {
  const response = await fetch(`${stub.url}/count`);
  return ((await response.json()) as { count: number }).count;
}

const load = async (b: RunningBot, kind: LoadKind, seconds: number) =>
  runLoad({ botUrl: b.bot.url, serviceUrl: b.stub.url, kind, connections: settings.connections, durationS: seconds, text: settings.text, headers: await b.headers() });

async function measurePhase(b: RunningBot, round: number): Promise<Phase> {
  const measured = async (kind: LoadKind): Promise<[LoadResult, number]> => {
    const cpuBefore = b.bot.cpuMs();
    const result = await load(b, kind, settings.durationS);
    return [result, (b.bot.cpuMs() - cpuBefore) / Math.max(1, result.requests)];
  };
  process.stderr.write(`round ${round + 1}/${settings.rounds}: ${b.name} (${settings.durationS} s messages, ${settings.durationS} s invokes)\n`);
  const before = await stubCount(b.stub);
  const [message, messageCpuMs] = await measured('message');
  const repliesReceived = (await stubCount(b.stub)) - before;
  const [invoke, invokeCpuMs] = await measured('invoke');
  return { round, bot: b.name, loads: { message, invoke }, cpuMsPerRequest: { message: messageCpuMs, invoke: invokeCpuMs }, repliesReceived };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

interface BotSummary {
  messagesPerSecond: number;
  messagesPerSecondSpread: [number, number];
  invokesPerSecond: number;
  /** Median over rounds of the worse p99 of the two loads. */
  p99Ms: number;
  cpuMsPerMessage: number;
  rssMb: number;
  ratioMedian?: number;
  ratioSpread?: [number, number];
}

function summarize(name: BotName, phases: Phase[], bots: RunningBot[]): BotSummary {
  const own = phases.filter((p) => p.bot === name);
  const rates = own.map((p) => p.loads.message.requestsPerSecond);
  const summary: BotSummary = {
    messagesPerSecond: round(median(rates)),
    messagesPerSecondSpread: spread(rates).map((r) => round(r)) as [number, number],
    invokesPerSecond: round(median(own.map((p) => p.loads.invoke.requestsPerSecond))),
    p99Ms: median(own.map((p) => Math.max(p.loads.message.p99Ms, p.loads.invoke.p99Ms))),
    cpuMsPerMessage: round(median(own.map((p) => p.cpuMsPerRequest.message)), 2),
    rssMb: round(bots.find((b) => b.name === name)!.rssPeakMb),
  };
  if (name !== 'echo') {
    const ratios = own.map((p) => {
      const echo = phases.find((e) => e.bot === 'echo' && e.round === p.round)!;
      return p.loads.message.requestsPerSecond / echo.loads.message.requestsPerSecond;
    });
    summary.ratioMedian = round(median(ratios), 2);
    summary.ratioSpread = spread(ratios).map((r) => round(r, 2)) as [number, number];
  }
  return summary;
}

function report(phases: Phase[], bots: RunningBot[], firstStart: { startMs: number; rssMb: number }): { failures: string[]; json: string } {
  const header = ['round', 'bot', 'load', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'requests', 'non-2xx', 'errors'];
  const rows = [header];
  for (const p of phases) {
    for (const kind of ['message', 'invoke'] as const) {
      const l = p.loads[kind];
      rows.push([String(p.round + 1), p.bot, kind === 'message' ? 'message' : 'adaptiveCard/action', String(round(l.requestsPerSecond)), String(l.p50Ms), String(l.p99Ms),
        String(round(p.cpuMsPerRequest[kind], 2)), String(l.requests), String(l.non2xx), String(l.errors + l.timeouts)]);
    }
  }
  printTable(rows);
  console.log('');

  const names = bots.map((b) => b.name);
  const summaries = Object.fromEntries(names.map((n) => [n, summarize(n, phases, bots)])) as Record<BotName, BotSummary>;
  const summaryRows = [['bot', 'msg/s median [min–max]', 'invokes/s median', 'ratio to echo median [min–max]', 'p99 ms', 'CPU ms/msg', 'RSS idle / peak MB']];
  for (const b of bots) {
    const s = summaries[b.name];
    summaryRows.push([b.name, `${s.messagesPerSecond} [${s.messagesPerSecondSpread.join('–')}]`, String(s.invokesPerSecond),
      s.ratioMedian === undefined ? '—' : `${s.ratioMedian} [${s.ratioSpread!.join('–')}]`, String(s.p99Ms), String(s.cpuMsPerMessage),
      `${round(b.rssIdleMb)} / ${round(b.rssPeakMb)}`]);
  }
  printTable(summaryRows);
  for (const b of bots) {
    const own = phases.filter((p) => p.bot === b.name);
    const replies = own.reduce((n, p) => n + p.repliesReceived, 0);
    const messages = own.reduce((n, p) => n + p.loads.message.requests, 0);
    console.log(`${b.name}: the connector stub received ${replies} replies for ${messages} measured messages`);
  }
  console.log(`product first start (new DATA_DIR: initdb + migrations): ready in ${firstStart.startMs} ms, RSS ${round(firstStart.rssMb)} MB`);
  console.log(`rounds: ${settings.rounds} × (${settings.durationS} s messages + ${settings.durationS} s invokes) per bot, ${settings.connections} connections`);

  const failures = phases.flatMap((p) =>
    (['message', 'invoke'] as const)
      .filter((k) => p.loads[k].non2xx + p.loads[k].errors + p.loads[k].timeouts > 0)
      .map((k) => `round ${p.round + 1} ${p.bot} ${k}: ${p.loads[k].non2xx} non-2xx, ${p.loads[k].errors} errors, ${p.loads[k].timeouts} timeouts`),
  );
  const { local, production, echo } = summaries;
  const json = JSON.stringify({
    local,
    production,
    echo,
    ratioMedian: local.ratioMedian,
    ratioSpread: local.ratioSpread,
    rounds: settings.rounds,
    // The local product's figures under the names earlier runs printed.
    messagesPerSecond: local.messagesPerSecond,
    echoMessagesPerSecond: echo.messagesPerSecond,
    ratio: local.ratioMedian,
    p99Ms: local.p99Ms,
    rssMb: local.rssMb,
  });
  return { failures, json };
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`BENCH.TIMEOUT: the benchmark did not finish within ${settings.timeoutS} s`);
    process.exit(2); // the child-process module kills every child on exit
  }, settings.timeoutS * 1000);
  watchdog.unref();

  if (runtime === 'dist') {
    process.stderr.write('compiling the bots (tsc -p tsconfig.build.json, scripts/bench/tsconfig.echo.json)\n');
    compileBots();
  }
  process.stderr.write(`runtime: ${runtime} (local ${settings.productEntry}, production ${settings.productionEntry}, echo ${settings.echoEntry})\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cpc-bench-data-'));
  const productionDataDir = `${dataDir}-production`;
  const children: Child[] = [];
  let auth: ProductionAuth | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    // The first start creates the embedded database (PGlite initdb) and applies the migrations; a
    // deployment does that once. Measure it, then benchmark restarts on copies of that DATA_DIR.
    const started = Date.now();
    const first = await startProduct(dataDir);
    const firstStart = { startMs: Date.now() - started, rssMb: first.rssMb() };
    await first.stop();
    cpSync(dataDir, productionDataDir, { recursive: true });

    auth = await startProductionAuth();
    const production = auth;
    const noHeaders = async () => ({});
    const bots: RunningBot[] = [];
    for (const name of ['local', 'echo', 'production'] as const) {
      const stub = await startChild({ name: `${name}-connector-stub`, entry: 'scripts/bench/connector-stub.ts', env: baseEnv(), ready: 'stdout' });
      children.push(stub);
      const bot = name === 'echo' ? await startEcho()
        : name === 'local' ? await startProduct(dataDir, { profile: settings.profile })
        : await startProduct(productionDataDir, { production });
      children.push(bot);
      const headers = name === 'production' ? async () => ({ authorization: `Bearer ${await production.token(stub.url)}` }) : noHeaders;
      bots.push({ name, bot, stub, headers, rssIdleMb: bot.rssMb(), rssPeakMb: bot.rssMb() });
    }
    const productionBot = bots.find((b) => b.name === 'production')!;
    await checkProductionGuards(productionBot.bot.url, productionBot.stub.url, await production.token(productionBot.stub.url));
    process.stderr.write('production: no token → 401, another tenant → 403, a valid token → 200\n');

    sampler = setInterval(() => {
      for (const b of bots) b.rssPeakMb = Math.max(b.rssPeakMb, b.bot.rssMb());
    }, 200);
    for (const b of bots) {
      process.stderr.write(`${b.name}: warming up (${settings.warmupS} s)\n`);
      await load(b, 'message', settings.warmupS);
      await load(b, 'invoke', Math.min(settings.warmupS, 2));
    }
    const phases: Phase[] = [];
    for (let r = 0; r < settings.rounds; r++) {
      for (const name of roundOrder(r)) phases.push(await measurePhase(bots.find((b) => b.name === name)!, r));
    }
    for (const b of bots) b.rssPeakMb = Math.max(b.rssPeakMb, b.bot.rssMb());

    const { failures, json } = report(phases, bots, firstStart);
    for (const failure of failures) console.error(`WARNING ${failure}`);
    console.log(json);
    if (failures.length > 0) process.exitCode = 1;
  } catch (error) {
    for (const c of children) if (c.stderrTail()) process.stderr.write(`${c.name} stderr:\n${c.stderrTail().slice(-1500)}\n`);
    throw error;
  } finally {
    if (sampler) clearInterval(sampler);
    for (const c of children.reverse()) await c.stop();
    await auth?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(productionDataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
