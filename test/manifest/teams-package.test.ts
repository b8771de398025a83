import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildTeamsAppPackage, main } from '../../scripts/build-manifest';
import { readPngSize } from '../../scripts/manifest/png-writer';
import { writeZip } from '../../scripts/manifest/zip-writer';
import { VALID_ENV } from './fixtures';
import { decodePng, readZip } from './package-readers';

const ROOT = resolve(__dirname, '../..');
let dir: string;
// One build shared by the read-only checks: each build compiles the whole schema (slow on a busy machine).
let shared: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  shared = await build('shared.zip');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(name: string, env: Record<string, string> = VALID_ENV) {
  const outFile = join(dir, name);
  const outcome = await buildTeamsAppPackage(env, { outFile, packageVersion: '0.1.0' });
  if (!outcome.ok) throw new Error(`build failed: ${outcome.errors.join('; ')}`);
  return { outcome, zip: readFileSync(outFile) };
}

describe('dist/teams-app.zip', () => {
  it('holds exactly manifest.json, color.png and outline.png at the root, deflated, CRCs intact', async () => {
    const { outcome, zip } = shared;
    expect(zip.equals(outcome.zip)).toBe(true);
    const files = readZip(zip);
    expect(files.map((f) => f.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(files.map((f) => f.method)).toEqual([8, 8, 8]);
    expect(JSON.parse(files[0]!.data.toString('utf8'))).toEqual(outcome.manifest);
  });

  it('carries a 192x192 colour icon and a 32x32 outline icon (IHDR)', async () => {
    const files = readZip(shared.zip);
    const color = files.find((f) => f.name === 'color.png')!.data;
    const outline = files.find((f) => f.name === 'outline.png')!.data;
    expect(readPngSize(color)).toEqual({ width: 192, height: 192 });
    expect(readPngSize(outline)).toEqual({ width: 32, height: 32 });
    // The independent reader agrees, and checks chunk CRCs and the pixel data length too.
    expect(decodePng(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(decodePng(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('draws the outline icon white on transparent, and the colour icon opaque on the accent colour', async () => {
    const files = readZip(shared.zip);
    const outline = decodePng(files.find((f) => f.name === 'outline.png')!.data).pixels;
    let inked = 0;
    for (let i = 0; i < outline.length; i += 4) {
      const [r, g, b, a] = [outline[i], outline[i + 1], outline[i + 2], outline[i + 3]];
      if (a === 0) continue;
      inked++;
      expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(Array.from(outline.subarray(0, 4))).toEqual([0, 0, 0, 0]); // corner: transparent
    expect(inked).toBeGreaterThan(100); // a glyph, not a blank square
    expect(inked).toBeLessThan(32 * 32 / 2);

    const color = decodePng(files.find((f) => f.name === 'color.png')!.data).pixels;
    for (let i = 3; i < color.length; i += 4) if (color[i] !== 255) throw new Error(`colour icon pixel ${(i - 3) / 4} is not opaque`);
    expect(Array.from(color.subarray(0, 4))).toEqual([0x1f, 0x5c, 0x99, 255]); // accentColor #1F5C99
    const centreRow = 96 * 192 * 4;
    const whites = Array.from({ length: 192 }, (_, x) => color.subarray(centreRow + x * 4, centreRow + x * 4 + 3)).filter((p) => p.every((c) => c === 255));
    expect(whites.length).toBeGreaterThan(10);
  });

  it('is byte-for-byte reproducible from the same settings', async () => {
    const first = shared.zip;
    const second = (await build('d2.zip')).zip;
    expect(first.equals(second)).toBe(true);
    const other = (await build('d3.zip', { ...VALID_ENV, APP_VERSION: '0.1.1' })).zip;
    expect(other.equals(first)).toBe(false);
  });

  it('removes a stale package and reports, exit 1, when a setting is missing', async () => {
    const outFile = join(dir, 'stale.zip');
    writeFileSync(outFile, 'an older package');
    const lines: string[] = [];
    const { MicrosoftAppId: _, ...withoutAppId } = VALID_ENV;
    const code = await main([`--out=${outFile}`], withoutAppId, (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines).toEqual(['Teams app package NOT built: 1 problem(s) (manifest schema v1.30, validated offline)', '  - MicrosoftAppId is required']);
    expect(existsSync(outFile)).toBe(false);
  });

  it('exits 1 listing schema errors when the template is broken', async () => {
    const template = JSON.parse(readFileSync(join(ROOT, 'manifest/manifest.template.json'), 'utf8'));
    delete template.accentColor;
    template.authorization.permissions.resourceSpecific.push({ name: 'OnlineMeeting.ReadBasic.Chats', type: 'Application' });
    const templateFile = join(dir, 'broken.template.json');
    writeFileSync(templateFile, JSON.stringify(template));
    const outcome = await buildTeamsAppPackage(VALID_ENV, { templateFile, outFile: join(dir, 'broken.zip'), packageVersion: '0.1.0' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      expect.stringMatching(/^schema: {2}must have required property 'accentColor'/),
      "rsc: 'OnlineMeeting.ReadBasic.Chats' is not a known resource-specific permission",
    ]);
    expect(existsSync(join(dir, 'broken.zip'))).toBe(false);
  });

  it('runs from the command line (tsx), printing where it wrote', async () => {
    const outFile = join(dir, 'cli.zip');
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-manifest.ts', `--out=${outFile}`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...VALID_ENV },
    });
    expect(stdout).toContain('Manifest valid against the Teams app manifest schema v1.30 (offline): 0 errors');
    expect(stdout).toContain(`Teams app package written to ${outFile}`);
    expect(readZip(readFileSync(outFile)).map((f) => f.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
  });
});

describe('zip writer', () => {
  it('refuses folders and duplicate names (Teams wants a flat package)', () => {
    expect(() => writeZip([{ name: 'icons/color.png', data: Buffer.from('x') }])).toThrow("ZIP.BAD_NAME: 'icons/color.png'");
    expect(() => writeZip([{ name: 'a.json', data: Buffer.alloc(1) }, { name: 'a.json', data: Buffer.alloc(1) }])).toThrow("ZIP.DUPLICATE_NAME: 'a.json'");
  });

  it('round-trips empty and incompressible data', () => {
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251));
    const files = readZip(writeZip([{ name: 'empty.txt', data: Buffer.alloc(0) }, { name: 'noise.bin', data: noise }]));
    expect(files.map((f) => [f.name, f.data.length])).toEqual([['empty.txt', 0], ['noise.bin', 5000]]);
    expect(files[1]!.data.equals(noise)).toBe(true);
  });
});

describe('png size reader', () => {
  it('refuses what is not a PNG', () => {
    expect(() => readPngSize(Buffer.from('GIF89a-not-a-png-at-all-padding-padding'))).toThrow('PNG.NOT_A_PNG');
  });
});
