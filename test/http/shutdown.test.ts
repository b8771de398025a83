// Graceful shutdown: stop accepting, let turns in flight finish (bounded), close the database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeLoopbackPort } from '../../scripts/local/playground-launcher';
import { startConnectorStub } from './support/connector-stub';
import { cardActionInvoke } from './support/activities';
import { startTestServer } from './support/test-server';
import { anyDataCardActions } from './support/test-card-actions';


it('finishes a turn in flight, then refuses new connections and closes the database', async () => {
  const connector = await startConnectorStub();
  let entered!: () => void;
  const inHandler = new Promise<void>((r) => {
    entered = r;
  });
  const bot = await startTestServer({
    deps: {
      cardActions: anyDataCardActions({
        'slow.work': async () => {
          entered();
          await new Promise((r) => setTimeout(r, 400));
          return { kind: 'message', text: 'finished' };
        },
      }),
    },
  });
  try {
    const inFlight = bot.post('/api/messages', cardActionInvoke('slow.work', {}, { serviceUrl: connector.url }));
    await inHandler;
    const closing = bot.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'finished' });
    await closing;
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
    await expect(bot.db.query('SELECT 1')).rejects.toThrow();
  } finally {
    await connector.close();
  }
});

it('does not wait for a stuck turn longer than the grace period', async () => {
  const connector = await startConnectorStub();
  let entered!: () => void;
  const inHandler = new Promise<void>((r) => {
    entered = r;
  });
  const bot = await startTestServer({
    deps: {
      shutdownGraceMs: 300,
      cardActions: anyDataCardActions({
        'stuck.work': () => {
          entered();
          return new Promise(() => undefined);
        },
      }),
    },
  });
  try {
    const inFlight = bot.post('/api/messages', cardActionInvoke('stuck.work', {}, { serviceUrl: connector.url })).then(
      () => 'answered',
      () => 'dropped',
    );
    await inHandler;
    const started = Date.now();
    await bot.close();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(3000);
    expect(await inFlight).toBe('dropped');
  } finally {
    await connector.close();
  }
});

it('the local launcher (`npm start`) starts local mode with an embedded database and the Graph sandbox, and stops cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cpc-main-'));
  const root = resolve(__dirname, '../..');
  // The sandbox listens where the local Graph settings point: a free port of this test's own.
  const graphPort = await freeLoopbackPort();
  const graphOrigin = `https://127.0.0.1:${graphPort}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/local/start-local.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', PLAYGROUND: '0', LOG_LEVEL: 'info', TZ: 'UTC',
      GRAPH_BASE_URL: `${graphOrigin}/v1.0`, GRAPH_CA_FILE: join(dataDir, 'graph-ca.pem'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no 'bot listening' line; stderr: ${stderr}`)), 100_000);
      child.stdout.on('data', (c: Buffer) => {
        for (const line of c.toString().split('\n').filter(Boolean)) {
          lines.push(line);
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'bot listening' && entry.url) {
            clearTimeout(timer);
            resolveUrl(entry.url);
          }
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}; stderr: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['migrations applied', 'bot listening', 'local Graph sandbox ready', 'shutting down', 'bot stopped']));
    // stdout is a pipe here: JSON lines on stdout (parsed above), the banner on stderr.
    expect(stderr).toContain('LOCAL MODE');
    expect(stderr).toContain(`Mailboxes  ${graphOrigin}/_sandbox`);
    expect(stderr).toContain(`Ready?     ${url}/readyz`);
    // One warning line on Node 20 (past end of life), none on a supported Node.
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: Node.js'));
    expect(warnings).toHaveLength(process.versions.node.startsWith('20.') ? 1 : 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 130_000);
