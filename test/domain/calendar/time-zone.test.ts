// The domain never derives a date from the host's time zone: the same inputs give the same
// outputs under UTC, Europe/London and a zone a day apart at midnight.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { digest } from '../support/print-digest';

const root = join(__dirname, '../../..');

test.each(['UTC', 'Europe/London', 'Pacific/Kiritimati', 'America/Los_Angeles'])('results under TZ=%s equal this process\'s', (tz) => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/domain/support/print-digest.ts')], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const here = digest();
  expect(here.length).toBeGreaterThan(1000);
  expect(child.stdout).toBe(here);
});
