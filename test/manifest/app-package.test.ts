// The package as Teams receives it: built, unzipped with fflate, validated offline with
// @microsoft/app-manifest (with the network shut, so a download would fail the test), icons
// decoded with pngjs; calling only with removal on; the same settings give the same bytes (from
// the command line, in another process and time zone); a missing setting is named and no package
// is left.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { buildAppPackage } from '../../scripts/manifest/app-package';
import { validateTeamsManifest } from '../../scripts/manifest/manifest-validation';
import { main } from '../../scripts/package-app';
import { CALLING_ENV, VALID_ENV } from './fixtures';

const ROOT = resolve(__dirname, '../..');
let dir: string;
// Each build compiles the whole schema (about a second on a busy machine): one build per setting.
let plain: Awaited<ReturnType<typeof build>>;
let calling: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  plain = await build('plain.zip');
  calling = await build('calling.zip', CALLING_ENV);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(name: string, env: Record<string, string> = VALID_ENV) {
  const outFile = join(dir, name);
  const outcome = await buildAppPackage(env, { outFile, packageVersion: '0.1.0' });
  if (!outcome.ok) throw new Error(`build failed: ${outcome.errors.join('; ')}`);
  const files = unzipSync(new Uint8Array(readFileSync(outFile)));
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Record<string, unknown> & {
    bots: { supportsCalling: boolean }[];
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  };
  return { outcome, outFile, files, manifest, bytes: readFileSync(outFile) };
}

/** Any request leaving the process fails the test instead (fetch, http, https). */
async function withoutNetwork<T>(fn: () => Promise<T>): Promise<T> {
  const refuse = () => {
    throw new Error('network use during offline validation');
  };
  const spies = [jest.spyOn(globalThis, 'fetch').mockImplementation(refuse), jest.spyOn(http, 'request').mockImplementation(refuse), jest.spyOn(https, 'request').mockImplementation(refuse), jest.spyOn(https, 'get').mockImplementation(refuse)];
  try {
    return await fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

describe('the package (unzipped with fflate)', () => {
  it('holds exactly manifest.json, color.png and outline.png at its root, and the manifest it validated', () => {
    expect(Object.keys(plain.files)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(plain.outcome.ok && plain.outcome.zip.equals(plain.bytes)).toBe(true);
    expect(plain.manifest).toEqual(plain.outcome.ok ? plain.outcome.manifest : undefined);
  });

  it('validates offline against the v1.30 schema with @microsoft/app-manifest, with zero errors', async () => {
    for (const { manifest } of [plain, calling]) expect(await withoutNetwork(() => validateTeamsManifest(manifest))).toEqual([]);
  });

  it('carries a 192x192 colour icon on the accent colour and a 32x32 white-on-transparent outline (pngjs)', () => {
    const color = PNG.sync.read(Buffer.from(plain.files['color.png']!));
    const outline = PNG.sync.read(Buffer.from(plain.files['outline.png']!));
    expect([color.width, color.height, color.colorType, color.depth]).toEqual([192, 192, 6, 8]);
    expect([outline.width, outline.height, outline.colorType, outline.depth]).toEqual([32, 32, 6, 8]);

    let inked = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      inked++;
      expect(Array.from(outline.data.subarray(i, i + 3))).toEqual([255, 255, 255]);
    }
    expect(Array.from(outline.data.subarray(0, 4))).toEqual([0, 0, 0, 0]); // corner: transparent
    expect(inked).toBeGreaterThan(100); // a glyph, not a blank square
    expect(inked).toBeLessThan((32 * 32) / 2);

    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) throw new Error(`colour icon pixel ${(i - 3) / 4} is not opaque`);
    expect(Array.from(color.data.subarray(0, 4))).toEqual([0x1f, 0x5c, 0x99, 255]); // accentColor #1F5C99
    const centreRow = 96 * 192 * 4;
    const whites = Array.from({ length: 192 }, (_, x) => color.data.subarray(centreRow + x * 4, centreRow + x * 4 + 3)).filter((p) => p.every((c) => c === 255));
    expect(whites.length).toBeGreaterThan(10);
  });
});

describe('calling', () => {
  it('is absent by default: supportsCalling false and no calling permission', () => {
    expect(plain.manifest.bots[0]!.supportsCalling).toBe(false);
    expect(plain.manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toEqual([
      'OnlineMeeting.ReadBasic.Chat',
      'OnlineMeetingParticipant.Read.Chat',
      'OnlineMeetingNotification.Send.Chat',
      'MeetingStage.Write.Chat',
    ]);
    expect(JSON.stringify(plain.manifest)).not.toMatch(/Calls\./);
    expect(plain.outcome.ok && plain.outcome.calling).toEqual({ enabled: false });
  });

  it('with CALLS_REMOVE_ENABLED adds supportsCalling and Calls.JoinGroupCalls.Chat, and changes nothing else', () => {
    expect(calling.manifest.bots[0]!.supportsCalling).toBe(true);
    const rsc = calling.manifest.authorization.permissions.resourceSpecific;
    expect(rsc.slice(4)).toEqual([{ name: 'Calls.JoinGroupCalls.Chat', type: 'Application' }]);
    const back = structuredClone(calling.manifest);
    back.bots[0]!.supportsCalling = false;
    back.authorization.permissions.resourceSpecific = rsc.slice(0, 4);
    expect(back).toEqual(plain.manifest);
    // The webhook the Azure Bot's Teams channel is given, as the bot's own callback defaults.
    expect(calling.outcome.ok && calling.outcome.calling).toEqual({ enabled: true, webhookUrl: 'https://cpc.example-council.gov.uk/api/calls' });
  });

  it('names a malformed CALLS_REMOVE_ENABLED and writes no package', async () => {
    const bad = await buildAppPackage({ ...VALID_ENV, CALLS_REMOVE_ENABLED: 'yes' }, { outFile: join(dir, 'bad.zip'), packageVersion: '0.1.0' });
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^CALLS_REMOVE_ENABLED is invalid: /)]);
    expect(existsSync(join(dir, 'bad.zip'))).toBe(false);
  });
});

describe('the build', () => {
  it('names a missing setting, exits 1 and writes no package (removing a stale one)', async () => {
    const outFile = join(dir, 'stale.zip');
    writeFileSync(outFile, 'an older package');
    const lines: string[] = [];
    const { MicrosoftAppId: _, ...withoutAppId } = VALID_ENV;
    const code = await main([`--out=${outFile}`, `--env-dir=${dir}`, '--env=test'], withoutAppId, (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines).toEqual([
      "Teams app package NOT built for 'test' (from the process environment (no env file)): 1 problem(s) (manifest schema v1.30, validated offline)",
      '  - MicrosoftAppId is required',
    ]);
    expect(existsSync(outFile)).toBe(false);
  });

  it('lists schema and permission errors when the template is broken, and writes nothing', async () => {
    const template = JSON.parse(readFileSync(join(ROOT, 'manifest/manifest.template.json'), 'utf8'));
    delete template.accentColor;
    template.authorization.permissions.resourceSpecific.push({ name: 'ChatMessage.Read.Chat', type: 'Application' });
    const templateFile = join(dir, 'broken.template.json');
    writeFileSync(templateFile, JSON.stringify(template));
    const outcome = await buildAppPackage(VALID_ENV, { templateFile, outFile: join(dir, 'broken.zip'), packageVersion: '0.1.0' });
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      expect.stringMatching(/^schema: {2}must have required property 'accentColor'/),
      "rsc: 'ChatMessage.Read.Chat' (Application) is not used by the product (scripts/manifest/rsc-catalog.ts lists what is)",
    ]);
    expect(existsSync(join(dir, 'broken.zip'))).toBe(false);
  });

  it('is `npm run package`: from env/.env.<env> in another process and time zone, the same settings give the same bytes', async () => {
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.package).toBe('tsx scripts/package-app.ts');
    const envDir = mkdtempSync(join(dir, 'env-'));
    writeFileSync(join(envDir, '.env.staging'), `${Object.entries(VALID_ENV).map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
    const outFile = join(dir, 'cli', 'appPackage.staging.zip');
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package-app.ts', `--env-dir=${envDir}`, `--out=${outFile}`], {
      cwd: ROOT,
      // Another zone than the build above (TZ=UTC): the zip's timestamps must not move with it.
      env: { PATH: process.env.PATH ?? '', APP_ENV: 'staging', APP_VERSION: '0.1.0', TZ: 'Pacific/Auckland' },
    });
    expect(stdout).toContain('Manifest valid against the Teams app manifest schema v1.30 (offline): 0 errors');
    expect(stdout).toContain(`Teams app package for 'staging' (from ${join(envDir, '.env.staging')} + the process environment) written to ${outFile}`);
    expect(stdout).toContain('calling off');
    expect(readFileSync(outFile).equals(plain.bytes)).toBe(true);
    expect(calling.bytes.equals(plain.bytes)).toBe(false); // and other settings, other bytes
  });
});
