import { fillTemplate, ManifestSettingsError, readCallingSettings, readManifestValues, readPackageSettings } from '../../scripts/manifest/manifest-settings';
import { BOT_ID, CALLING_ENV, VALID_ENV } from './fixtures';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ManifestSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestSettingsError');
}

describe('readManifestValues', () => {
  it('derives every placeholder value from the environment', () => {
    expect(readManifestValues(VALID_ENV, '0.1.0')).toEqual({
      BOT_ID,
      TEAMS_APP_ID: BOT_ID,
      APP_VERSION: '0.1.0',
      TAB_BASE_URL: 'https://cpc.example-council.gov.uk',
      TAB_DOMAIN: 'cpc.example-council.gov.uk',
      SSO_RESOURCE: `api://cpc.example-council.gov.uk/${BOT_ID}`,
      DEVELOPER_NAME: 'Example Borough Council',
      DEVELOPER_WEBSITE_URL: 'https://www.example-council.gov.uk',
      DEVELOPER_PRIVACY_URL: 'https://www.example-council.gov.uk/privacy',
      DEVELOPER_TERMS_URL: 'https://www.example-council.gov.uk/terms',
    });
  });

  it('names a missing MicrosoftAppId (blank counts as missing)', () => {
    expect(problemsOf(() => readManifestValues({ ...VALID_ENV, MicrosoftAppId: '  ' }, '0.1.0'))).toEqual(['MicrosoftAppId is required']);
  });

  it('reports every missing required variable at once', () => {
    expect(problemsOf(() => readManifestValues({}, '0.1.0'))).toEqual([
      'MicrosoftAppId is required',
      'TAB_BASE_URL (or PUBLIC_BASE_URL) is required',
      'TEAMS_APP_DEVELOPER_NAME is required',
      'TEAMS_APP_WEBSITE_URL is required',
      'TEAMS_APP_PRIVACY_URL is required',
      'TEAMS_APP_TERMS_URL is required',
    ]);
  });

  it('rejects malformed values, naming each variable', () => {
    expect(
      problemsOf(() =>
        readManifestValues({ ...VALID_ENV, MicrosoftAppId: 'not-a-guid', TAB_BASE_URL: 'http://cpc.example-council.gov.uk', APP_VERSION: '1.0' }, '0.1.0'),
      ),
    ).toEqual([
      'MicrosoftAppId is invalid: must be a GUID',
      'TAB_BASE_URL is invalid: must start with https://',
      'APP_VERSION is invalid: must be MAJOR.MINOR.PATCH (digits only)',
    ]);
    expect(problemsOf(() => readManifestValues({ ...VALID_ENV, TAB_BASE_URL: 'https://cpc.example-council.gov.uk/?x=1' }, '0.1.0'))).toEqual([
      'TAB_BASE_URL is invalid: must not carry a query or fragment',
    ]);
    expect(problemsOf(() => readManifestValues({ ...VALID_ENV, TEAMS_APP_DEVELOPER_NAME: 'x'.repeat(33) }, '0.1.0'))).toEqual([
      'TEAMS_APP_DEVELOPER_NAME is invalid: must be at most 32 characters',
    ]);
  });

  it('refuses a package.json version Teams would not accept when APP_VERSION is unset', () => {
    expect(problemsOf(() => readManifestValues(VALID_ENV, '0.2.0-beta.1'))).toEqual([
      "APP_VERSION is not set and package.json's version '0.2.0-beta.1' is not MAJOR.MINOR.PATCH",
    ]);
    expect(readManifestValues({ ...VALID_ENV, APP_VERSION: '2.4.10' }, '0.2.0-beta.1').APP_VERSION).toBe('2.4.10');
  });

  it('keeps a base path and port, lower-cases ids and honours the optional overrides', () => {
    const values = readManifestValues(
      {
        ...VALID_ENV,
        MicrosoftAppId: BOT_ID.toUpperCase(),
        TAB_BASE_URL: 'https://apps.example-council.gov.uk:8443/cpc//',
        TEAMS_APP_ID: 'A1B2C3D4-0000-4000-8000-000000000042',
        TEAMS_SSO_RESOURCE: 'api://sso.example-council.gov.uk/cpc',
      },
      '0.1.0',
    );
    expect(values.BOT_ID).toBe(BOT_ID);
    expect(values.TEAMS_APP_ID).toBe('a1b2c3d4-0000-4000-8000-000000000042');
    expect(values.TAB_BASE_URL).toBe('https://apps.example-council.gov.uk:8443/cpc');
    expect(values.TAB_DOMAIN).toBe('apps.example-council.gov.uk:8443');
    expect(values.SSO_RESOURCE).toBe('api://sso.example-council.gov.uk/cpc');
  });
});

describe('the tab base', () => {
  it("defaults to PUBLIC_BASE_URL, the bot's own address, which TAB_BASE_URL overrides", () => {
    const { TAB_BASE_URL: _, ...withoutTabBase } = VALID_ENV;
    const fromPublic = readManifestValues({ ...withoutTabBase, PUBLIC_BASE_URL: 'https://bot.example-council.gov.uk/' }, '0.1.0');
    expect([fromPublic.TAB_BASE_URL, fromPublic.TAB_DOMAIN]).toEqual(['https://bot.example-council.gov.uk', 'bot.example-council.gov.uk']);
    const both = readManifestValues({ ...VALID_ENV, PUBLIC_BASE_URL: 'https://bot.example-council.gov.uk' }, '0.1.0');
    expect(both.TAB_BASE_URL).toBe('https://cpc.example-council.gov.uk');
    expect(problemsOf(() => readManifestValues({ ...withoutTabBase, PUBLIC_BASE_URL: 'http://bot.example-council.gov.uk' }, '0.1.0'))).toEqual([
      'PUBLIC_BASE_URL is invalid: must start with https://',
    ]);
  });
});

describe('calling settings (read with the bot\'s own schema)', () => {
  it('are off unless CALLS_REMOVE_ENABLED is true or 1', () => {
    for (const value of [undefined, '', 'false', '0']) expect(readCallingSettings({ CALLS_REMOVE_ENABLED: value }, 'https://cpc.example-council.gov.uk')).toEqual({ enabled: false });
    for (const value of ['true', '1']) expect(readCallingSettings({ CALLS_REMOVE_ENABLED: value }, 'https://cpc.example-council.gov.uk').enabled).toBe(true);
  });

  it('give the webhook as the bot defaults its callback: CALLS_CALLBACK_URL, else PUBLIC_BASE_URL, else the tab base, + /api/calls', () => {
    const base = 'https://cpc.example-council.gov.uk';
    expect(readCallingSettings({ CALLS_REMOVE_ENABLED: '1' }, base).webhookUrl).toBe(`${base}/api/calls`);
    expect(readCallingSettings({ CALLS_REMOVE_ENABLED: '1', PUBLIC_BASE_URL: 'https://bot.example-council.gov.uk/' }, base).webhookUrl).toBe('https://bot.example-council.gov.uk/api/calls');
    expect(readCallingSettings({ CALLS_REMOVE_ENABLED: '1', CALLS_CALLBACK_URL: 'https://calls.example-council.gov.uk/cb' }, base).webhookUrl).toBe('https://calls.example-council.gov.uk/cb');
  });

  it('name a malformed value, together with every other problem', () => {
    const { MicrosoftAppId: _, ...withoutAppId } = CALLING_ENV;
    expect(problemsOf(() => readPackageSettings({ ...withoutAppId, CALLS_REMOVE_ENABLED: 'on', CALLS_CALLBACK_URL: 'http://calls.example-council.gov.uk' }, '0.1.0'))).toEqual([
      'MicrosoftAppId is required',
      expect.stringMatching(/^CALLS_REMOVE_ENABLED is invalid: /),
      'CALLS_CALLBACK_URL is invalid: Graph posts call notifications to https only',
    ]);
    expect(readPackageSettings(CALLING_ENV, '0.1.0').calling).toEqual({ enabled: true, webhookUrl: 'https://cpc.example-council.gov.uk/api/calls' });
  });
});

describe('fillTemplate', () => {
  const values = readManifestValues(VALID_ENV, '0.1.0');

  it('replaces placeholders inside strings only, so values cannot change the JSON shape', () => {
    const tricky = { ...values, DEVELOPER_NAME: 'A "quoted", {{BOT_ID}} name' };
    expect(fillTemplate({ a: ['{{DEVELOPER_NAME}}', 7, null], b: { c: '{{TAB_BASE_URL}}/tab/config' }, d: true }, tricky)).toEqual({
      a: ['A "quoted", {{BOT_ID}} name', 7, null],
      b: { c: 'https://cpc.example-council.gov.uk/tab/config' },
      d: true,
    });
  });

  it('stops on a placeholder it has no value for', () => {
    expect(problemsOf(() => fillTemplate({ x: '{{BOT_ID}}', y: '{{TENANT_LOGO}}' }, values))).toEqual([
      expect.stringMatching(/^template placeholder \{\{TENANT_LOGO\}\} has no value \(known: BOT_ID, /),
    ]);
  });
});
