// npm run sandbox as a process: prints its URLs, serves HTTPS with the CA file it wrote, honours
// GRAPH_SANDBOX_FAULTS and GRAPH_SANDBOX_LOG, and stops on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpsCall } from './helpers/sandbox-test-kit';

let dir: string;
let child: ChildProcess | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'graph-sandbox-standalone-'));
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function waitForLine(proc: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no match for ${pattern} in: ${out}`)), timeoutMs);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

test('starts, prints URLs, serves with its CA, applies env faults and log, stops on SIGTERM', async () => {
  const logFile = join(dir, 'log.jsonl');
  child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/graph-sandbox/run-sandbox.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      GRAPH_SANDBOX_PORT: '0',
      GRAPH_SANDBOX_DATA_DIR: join(dir, 'db'),
      GRAPH_SANDBOX_LOG: logFile,
      GRAPH_SANDBOX_CA_FILE: join(dir, 'ca.pem'),
      GRAPH_SANDBOX_FAULTS: JSON.stringify({ rules: [{ kind: 'unavailable', path: '^/v1\\.0/users/', nth: [1] }] }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const graphUrl = await waitForLine(child, /GRAPH_BASE_URL\s+(https:\/\/127\.0\.0\.1:\d+\/v1\.0)\n/, 60_000);
  const caFile = join(dir, 'ca.pem');
  expect(existsSync(caFile)).toBe(true);
  const ca = readFileSync(caFile, 'utf8');
  const r = await httpsCall(`${graphUrl}/users/clerk@example.org/sendMail`, ca, 'POST', '{}', { 'content-type': 'application/json' });
  expect(r.status).toBe(503); // the env fault comes before authentication
  const again = await httpsCall(`${graphUrl}/users/clerk@example.org/sendMail`, ca, 'POST', '{}', { 'content-type': 'application/json' });
  expect(again.status).toBe(401);
  const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.status, l.fault ?? null])).toEqual([
    [503, 'unavailable'],
    [401, null],
  ]);
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 120_000);
