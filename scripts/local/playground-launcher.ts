// Starts Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, the local Teams
// emulator) as a child process pointed at the bot, for local mode and the end-to-end test.
//
// What the CLI does (read from its bundle, version 0.2.28), and why the launcher sets what it sets:
// - It prints `Listening on <port>` on stdout (only when stdout is not a TTY) once its web UI,
//   HTTP API and WebSockets are mounted; it falls back to a random port, silently, when the
//   requested one is taken. The launcher therefore passes an explicit port and service URL and
//   fails with PLAYGROUND.PORT_IN_USE rather than run with a service URL that points nowhere.
// - Without --client-id/--client-secret it sends activities to the bot with no Authorization
//   header (the bot must run without MicrosoftAppId, i.e. local mode) and its connector at
//   `<url>/_connector` accepts the bot's replies without a token.
// - Its service URL defaults to http://localhost:<port>/_connector; we pass 127.0.0.1 so that the
//   bot never depends on how `localhost` resolves.
// - It listens on every interface and starts an Application Insights client even with
//   --disable-telemetry; loopback-only.cjs (preloaded) pins servers to 127.0.0.1 and refuses
//   every non-loopback connection. TEAMSAPPTESTER_BROWSER=none stops it opening a browser.
// - exit-with-parent.cjs (preloaded) ends the child when the parent dies, even by SIGKILL.
// - It logs every message to a file (default ./devTools/…); the launcher points that file into a
//   private temporary folder and removes it on stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PlaygroundTenant, playgroundConfigYaml } from './playground-config';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the playground's UI and API; default 56150; 0 picks a free port. */
  port?: number;
  /** How long to wait for the playground to listen (ms); default 30000. */
  startTimeoutMs?: number;
  /** The mock tenant's people: the seeded directory's (playground-config.ts). Default: the playground's own sample users. */
  tenant?: PlaygroundTenant;
}

export interface RunningPlayground {
  /** Where a person opens the playground, and the base of its HTTP API. */
  url: string;
  /** The service URL the bot receives in activities and posts its replies to. */
  serviceUrl: string;
  pid: number;
  /** Hosts the child tried to reach off loopback (refused by loopback-only.cjs); [] in a clean run. */
  refusedHosts(): string[];
  /** Stops the child (SIGTERM, then SIGKILL after 5 s) and removes its log folder. */
  stop(): Promise<void>;
}

export class PlaygroundError extends Error {
  constructor(
    readonly code:
      | 'PLAYGROUND.START_TIMEOUT'
      | 'PLAYGROUND.EXITED'
      | 'PLAYGROUND.PORT_IN_USE'
      | 'PLAYGROUND.BAD_ENDPOINT'
      | 'PLAYGROUND.NOT_INSTALLED',
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PlaygroundError';
  }
}

export const DEFAULT_PLAYGROUND_PORT = 56150;
const STOP_GRACE_MS = 5000;
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy'];

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  assertLoopbackEndpoint(options.botEndpoint);
  const cli = resolvePlaygroundCli();
  const port = options.port === 0 ? await freeLoopbackPort() : (options.port ?? DEFAULT_PLAYGROUND_PORT);
  const url = `http://127.0.0.1:${port}`;
  const serviceUrl = `${url}/_connector`;
  const logDir = mkdtempSync(join(tmpdir(), 'cpc-playground-'));

  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.tenant) {
    const configPath = join(logDir, 'm365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(options.tenant));
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = configPath;
  }
  // The playground routes its calls to the bot through HTTP(S)_PROXY when one is set.
  for (const name of PROXY_VARIABLES) delete env[name];
  Object.assign(env, {
    NO_PROXY: '*',
    CPC_PARENT_PID: String(process.pid), // for exit-with-parent.cjs
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: join(logDir, 'playground.log'),
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL: 'true',
  });

  const args = [
    '--require',
    join(__dirname, 'loopback-only.cjs'),
    '--require',
    join(__dirname, 'exit-with-parent.cjs'),
    cli,
    'start',
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(port),
    '--service-url',
    serviceUrl,
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, { env, cwd: logDir, stdio: ['ignore', 'pipe', 'pipe'] });

  // If the parent exits without calling stop() (a crashed test run), take the child with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const refused: string[] = [];
  let stderrLine = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (stderrLine + chunk.toString('utf8')).split('\n');
    stderrLine = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^LOOPBACK_ONLY refused (.+)$/.exec(line);
      if (match?.[1] && !refused.includes(match[1])) refused.push(match[1]);
    }
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return exited;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(logDir, { recursive: true, force: true });
  };

  try {
    const listeningPort = await waitForListening(child, options.startTimeoutMs ?? 30_000);
    if (listeningPort !== port) {
      throw new PlaygroundError('PLAYGROUND.PORT_IN_USE', `port ${port} is taken (the playground chose ${listeningPort})`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, serviceUrl, pid: child.pid ?? -1, refusedHosts: () => [...refused], stop };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const done = (finish: () => void) => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onStdout);
      child.removeListener('exit', onExit);
      finish();
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(stdout);
      if (match) done(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(() =>
        reject(new PlaygroundError('PLAYGROUND.EXITED', `exited (${code ?? signal}) before listening: ${tail(stderr)}`)),
      );
    const timer = setTimeout(
      () => done(() => reject(new PlaygroundError('PLAYGROUND.START_TIMEOUT', `not listening after ${timeoutMs} ms`))),
      timeoutMs,
    );
    child.stdout?.on('data', onStdout);
    // Keep draining both pipes for the child's whole life so that it never blocks on a full pipe.
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = tail(stderr + chunk.toString('utf8'));
    });
    child.once('exit', onExit);
  });
}

function resolvePlaygroundCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    // A dev dependency: absent from a production install (npm ci --omit=dev), where PLAYGROUND=0.
    throw new PlaygroundError('PLAYGROUND.NOT_INSTALLED', '@microsoft/m365agentsplayground is not installed (npm install, or set PLAYGROUND=0)');
  }
}

const tail = (text: string) => text.slice(-2000);

function assertLoopbackEndpoint(endpoint: string): void {
  let parsed: URL;
  try {
    parsed = new URL(endpoint);
  } catch {
    throw new PlaygroundError('PLAYGROUND.BAD_ENDPOINT', 'the bot endpoint is not a URL');
  }
  if (parsed.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new PlaygroundError('PLAYGROUND.BAD_ENDPOINT', 'the bot endpoint must be http on a loopback address');
  }
}

/** A port free on 127.0.0.1 now (the playground binds it a moment later). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
