// The process contract with real spawns: exit code, stdout and stderr exactly as another tool sees them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const env = { ...process.env, NO_COLOR: '1' };

const node = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/cpc.cjs'), ...args], { cwd: root, env, encoding: 'utf8' });

test('scripts/cpc.cjs (the package bin): JSON on stdout, exit 0, nothing on stderr', () => {
  const r = node('workdays', 'add', '2026-12-24', '1');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('{"date":"2026-12-29"}\n');
});

test('bad input: exit 2, one stderr line, empty stdout', () => {
  const r = node('workdays', 'add', '2026-02-30', '1');
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe("cpc: <date>: '2026-02-30' is not a valid YYYY-MM-DD date\n");
});

test('unknown profile through the process', () => {
  const r = node('timescales', '--profile', 'yorkshire', '--anchor', 'icpc=2026-11-30');
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^cpc: unknown profile 'yorkshire'.*\n$/);
});

test('npm run --silent cpc -- … from the repo root', () => {
  const r = spawnSync('npm', ['run', '--silent', 'cpc', '--', 'workdays', 'count', '2026-12-24', '2026-12-31'], { cwd: root, env, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('{"workingDays":3}\n');
});

test('npx cpc … from the repo root (the package bin)', () => {
  const r = spawnSync('npx', ['cpc', 'workdays', 'add', '2027-01-04', '-1', '--calendar', 'scotland'], { cwd: root, env, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('{"date":"2026-12-31"}\n');
});
