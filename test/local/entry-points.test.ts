// The two entry points. Production (`bot/main.ts`, i.e. `node dist/bot/main.js`) cannot run local
// mode and always logs JSON; the local launcher (`npm start`) refuses production settings, and on
// a terminal prints its banner and pretty logs and stops on Ctrl-C. Both run as `npm start` does,
// `node --import tsx` (no tsx parent process relaying signals).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const PRODUCTION_ENTRY = 'bot/main.ts';
const LAUNCHER = 'scripts/local/start-local.ts';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '0e5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const PRODUCTION = {
  MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT, ALLOWED_TENANT_IDS: TENANT, PUBLIC_BASE_URL: 'https://cpc.council.example',
  GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: APP_ID, GRAPH_CLIENT_SECRET: 'not-a-real-secret', GRAPH_MAIL_SENDER: 'conference-team@council.example',
  AUDIT_HMAC_KEY: `hex:${'5a'.repeat(32)}`,
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(entry: string, env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('refusals (before any database is opened)', () => {
  it('the production entry point without MicrosoftAppId stops, naming it, and never starts local mode', async () => {
    const r = await run(PRODUCTION_ENTRY, { PORT: '0', DATA_DIR: '/nonexistent/never-created' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot start: configuration: MicrosoftAppId is required: the production entry point never runs local mode');
    expect(r.stdout).toBe('');
  }, 30_000);

  it('the production entry point with a blank MicrosoftAppId beside production settings stops, naming it', async () => {
    const r = await run(PRODUCTION_ENTRY, { ...PRODUCTION, MicrosoftAppId: '  ', PORT: '0', DATA_DIR: '/nonexistent/never-created' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot start: configuration: MicrosoftAppId is blank');
    expect(r.stdout).toBe('');
  }, 30_000);

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'postgres://cpc@db.council.example/cpc' }],
    ['MicrosoftAppId', { MicrosoftAppId: ' ', MicrosoftAppPassword: 'not-a-real-secret' }],
    ['GRAPH_CLIENT_SECRET', { GRAPH_CLIENT_SECRET: 'not-a-real-secret' }],
  ])('the local launcher with %s in the environment stops, naming it', async (name, env) => {
    const r = await run(LAUNCHER, { ...env, PORT: '0', PLAYGROUND: '0', DATA_DIR: '/nonexistent/never-created' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Cannot start: configuration: ${name} is set`);
    expect(r.stdout).toBe('');
  }, 30_000);
});

/** Runs `entry` with a terminal as stdout (util-linux `script`), until `ready` shows, then Ctrl-C. */
function runOnTerminal(entry: string, env: Record<string, string>, ready: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn('script', ['-qefc', `exec ${process.execPath} --import tsx ${entry}`, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let interrupted = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no ${ready} within 150 s; output so far:\n${output}`));
    }, 150_000);
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (!interrupted && ready.test(output)) {
        interrupted = true;
        child.stdin?.write('\x03'); // Ctrl-C on the terminal: SIGINT to the bot
      }
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('on a terminal', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cpc-entry-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // One embedded database for both (in turn): PGlite's first start (initdb) is the slow part.
  const common = () => ({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' });

  it('the local launcher prints its banner and pretty logs, and Ctrl-C stops it cleanly', async () => {
    const { code, output } = await runOnTerminal(LAUNCHER, { ...common(), PLAYGROUND: '0' }, /Stop +Ctrl-C/);
    expect(code).toBe(0);
    const text = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '').replace(/\r/g, '');
    expect(text).toContain('LOCAL MODE');
    expect(text).toMatch(/Say +"help"/);
    expect(text).toMatch(/Ready\? +http:\/\/127\.0\.0\.1:\d+\/readyz/);
    // pino-pretty's lines, not JSON
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: bot listening$/m);
    expect(text).toMatch(/INFO: bot stopped/);
    expect(text).not.toMatch(/^\{"level"/m);
  }, 180_000);

  it('the production entry point logs JSON even on a terminal', async () => {
    const { code, output } = await runOnTerminal(PRODUCTION_ENTRY, { ...PRODUCTION, ...common() }, /"msg":"bot listening"/);
    expect(code).toBe(0);
    const lines = output.replace(/\r/g, '').split('\n').filter((l) => l !== '' && !l.startsWith('warning: Node.js') && l !== '^C');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(() => JSON.parse(line.replace(/^\^C/, ''))).not.toThrow();
    const messages = lines.map((l) => (JSON.parse(l.replace(/^\^C/, '')) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['migrations applied', 'bot listening', 'shutting down', 'bot stopped']));
    expect(output).not.toContain('LOCAL MODE');
  }, 180_000);
});
