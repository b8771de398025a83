// Runs an entry point as a child process (compiled .js on node, or .ts with --import tsx), so that each bot in the
// benchmark has its own heap and its own RSS. Readiness is either a `READY <url>` line on stdout
// or an HTTP URL that answers 200.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Child {
  name: string;
  url: string;
  pid: number;
  /** Resident set size now, in MB (Linux /proc; NaN elsewhere). */
  rssMb(): number;
  /** CPU time (user + system) the child has used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  /** The last lines the child wrote on stderr (for error reports). */
  stderrTail(): string;
  stop(): Promise<void>;
}

export interface ChildOptions {
  name: string;
  /** Path of the entry, relative to the repository root: .ts runs under tsx, .js on plain node. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** 'stdout' waits for `READY <url>`; a URL is polled until it answers 200. */
  ready: 'stdout' | { url: string; poll: string };
  /** Let the child's stdout through to /dev/null instead of a pipe (its logs are not needed). */
  discardStdout?: boolean;
  /** Extra node flags (e.g. --cpu-prof for BENCH_PROFILE). */
  nodeArgs?: string[];
  timeoutMs?: number;
}

const ROOT = resolve(__dirname, '../..');
const EXIT_WITH_PARENT = resolve(ROOT, 'scripts/local/exit-with-parent.cjs');
const children = new Set<ChildProcess>();
// Whatever happens to the benchmark, it takes its children with it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

let clockTicks: number | undefined;
/** Clock ticks per second of /proc/<pid>/stat (getconf CLK_TCK; 100 on Linux in practice). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim();
    clockTicks = out && /^\d+$/.test(out) ? Number(out) : 100;
  }
  return clockTicks;
}

export function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
  } catch {
    return Number.NaN;
  }
}

export async function startChild(options: ChildOptions): Promise<Child> {
  // A compiled entry (.js, from `npm run build`) runs on plain node, as in production; a .ts one under tsx.
  const loader = options.entry.endsWith('.js') ? [] : ['--import', 'tsx'];
  const args = [...(options.nodeArgs ?? []), '--require', EXIT_WITH_PARENT, ...loader, resolve(ROOT, options.entry)];
  // exit-with-parent.cjs ends the child if the benchmark dies without stopping it.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...options.env, CPC_PARENT_PID: String(process.pid) },
    stdio: ['ignore', options.discardStdout && options.ready !== 'stdout' ? 'ignore' : 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    const url = await Promise.race([
      options.ready === 'stdout' ? readyLine(child) : pollReady(options.ready.url, options.ready.poll, timeoutMs),
      exited.then(() => {
        throw new Error(`BENCH.CHILD_EXITED: ${options.name} exited before it was ready: ${stderr.slice(-1500)}`);
      }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`BENCH.CHILD_TIMEOUT: ${options.name} not ready after ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { name: options.name, url, pid: child.pid ?? -1, rssMb: () => rssMbOf(child.pid ?? -1), cpuMs: () => cpuMsOf(child.pid ?? -1), stderrTail: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /^READY (\S+)$/m.exec(buffered);
      if (match?.[1]) {
        child.stdout?.removeListener('data', onData);
        child.stdout?.resume(); // keep draining
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
  });
}

async function pollReady(url: string, path: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}${path}`);
      if (response.status === 200) return url;
      last = `HTTP ${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`BENCH.CHILD_TIMEOUT: ${url}${path} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}
