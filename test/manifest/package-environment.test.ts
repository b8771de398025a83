// Which environment `npm run package` builds for and what it reads: --env, APP_ENV, TEAMSFX_ENV
// (the Agents Toolkit's), else dev; env/.env.<env> when present, the process environment winning.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestSettingsError } from '../../scripts/manifest/manifest-settings';
import { describeSource, environmentName, readPackageEnvironment } from '../../scripts/manifest/package-environment';
import { defaultPackageFile } from '../../scripts/package-app';

let envDir: string;
beforeAll(() => {
  envDir = mkdtempSync(join(tmpdir(), 'package-env-'));
  writeFileSync(join(envDir, '.env.staging'), '# the toolkit writes comments too\nTEAMSFX_ENV=staging\nTAB_BASE_URL=https://cpc-staging.example-council.gov.uk\nAPP_VERSION="1.2.3"\nTEAMS_APP_DEVELOPER_NAME=From the file\n');
});
afterAll(() => rmSync(envDir, { recursive: true, force: true }));

describe('the environment name', () => {
  it('is --env, else APP_ENV, else TEAMSFX_ENV, else dev (blank counts as unset)', () => {
    expect(environmentName(['--env=test'], { APP_ENV: 'prod', TEAMSFX_ENV: 'dev' })).toBe('test');
    expect(environmentName(['--env='], { APP_ENV: 'prod', TEAMSFX_ENV: 'dev' })).toBe('prod');
    expect(environmentName([], { APP_ENV: ' ', TEAMSFX_ENV: 'local' })).toBe('local');
    expect(environmentName([], {})).toBe('dev');
  });

  it('must be safe in a file name', () => {
    expect(() => environmentName(['--env=../prod'], {})).toThrow(ManifestSettingsError);
    expect(() => environmentName([], { APP_ENV: 'prod.zip' })).toThrow("environment name 'prod.zip' must be letters, digits, '-' or '_' (at most 40)");
  });

  it('names the package: dist/appPackage.<env>.zip', () => {
    expect(defaultPackageFile('staging', '/srv/cpc')).toBe('/srv/cpc/dist/appPackage.staging.zip');
  });
});

describe('the values', () => {
  it('come from env/.env.<env> when it exists, a non-blank process variable winning', () => {
    const env = readPackageEnvironment(['--env=staging'], { TEAMS_APP_DEVELOPER_NAME: 'From the process', APP_VERSION: '', PATH: '/usr/bin' }, envDir);
    expect(env.name).toBe('staging');
    expect(env.envFile).toBe(join(envDir, '.env.staging'));
    expect(env.values).toEqual({
      TEAMSFX_ENV: 'staging',
      TAB_BASE_URL: 'https://cpc-staging.example-council.gov.uk',
      APP_VERSION: '1.2.3',
      TEAMS_APP_DEVELOPER_NAME: 'From the process',
      PATH: '/usr/bin',
    });
    expect(describeSource(env, envDir)).toBe('.env.staging + the process environment');
  });

  it('are the process environment alone when there is no env file', () => {
    const env = readPackageEnvironment([], { APP_ENV: 'prod', MicrosoftAppId: 'x' }, envDir);
    expect(env).toEqual({ name: 'prod', values: { APP_ENV: 'prod', MicrosoftAppId: 'x' } });
    expect(describeSource(env, envDir)).toBe('the process environment (no env file)');
  });
});
