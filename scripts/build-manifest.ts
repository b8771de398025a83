// `npm run manifest:build`: fills manifest/manifest.template.json from the environment, validates
// the result offline against the Teams v1.30 schema (plus RSC and URL checks), draws the icons
// and writes dist/teams-app.zip for a Teams admin to upload. Exit 1, listing every problem, when
// a setting is missing or the manifest is invalid; no package is left behind then.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderIcons } from './manifest/app-icons';
import { fillTemplate, ManifestSettingsError, readManifestValues } from './manifest/manifest-settings';
import { MANIFEST_VERSION, validateTeamsManifest } from './manifest/manifest-validation';
import { writeZip } from './manifest/zip-writer';

const ROOT = resolve(__dirname, '..');

export interface BuildOptions {
  /** Where the template lives (default manifest/manifest.template.json). */
  templateFile?: string;
  /** Where the package goes (default dist/teams-app.zip). */
  outFile?: string;
  /** Version used when APP_VERSION is unset (default: package.json's). */
  packageVersion?: string;
}

export type BuildOutcome =
  | { ok: true; manifest: Record<string, unknown>; zip: Buffer; outFile: string }
  | { ok: false; errors: string[] };

/** Fills, validates and packages; writes the zip only when there is nothing to report. */
export async function buildTeamsAppPackage(env: Record<string, string | undefined>, options: BuildOptions = {}): Promise<BuildOutcome> {
  const templateFile = options.templateFile ?? join(ROOT, 'manifest', 'manifest.template.json');
  const outFile = resolve(options.outFile ?? join(ROOT, 'dist', 'teams-app.zip'));
  const packageVersion = options.packageVersion ?? (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  let manifest: Record<string, unknown>;
  try {
    const values = readManifestValues(env, packageVersion);
    manifest = fillTemplate(JSON.parse(readFileSync(templateFile, 'utf8')), values) as Record<string, unknown>;
  } catch (error) {
    rmSync(outFile, { force: true });
    if (error instanceof ManifestSettingsError) return { ok: false, errors: [...error.problems] };
    throw error;
  }

  const errors = await validateTeamsManifest(manifest);
  if (errors.length > 0) {
    // A stale package from an earlier run must not be mistaken for this one.
    rmSync(outFile, { force: true });
    return { ok: false, errors };
  }

  const icons = renderIcons(String(manifest.accentColor));
  const iconNames = manifest.icons as { color: string; outline: string };
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: iconNames.color, data: icons.color },
    { name: iconNames.outline, data: icons.outline },
  ]);
  mkdirSync(dirname(outFile), { recursive: true });
  // Write then rename, so that a reader never sees half a package.
  const partial = `${outFile}.partial`;
  writeFileSync(partial, zip);
  renameSync(partial, outFile);
  return { ok: true, manifest, zip, outFile };
}

/** The command line: prints the outcome, returns the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  const outArg = argv.find((a) => a.startsWith('--out='));
  const options: BuildOptions = outArg ? { outFile: outArg.slice('--out='.length) } : {};
  const outcome = await buildTeamsAppPackage(env, options);
  if (!outcome.ok) {
    print(`Teams app package NOT built: ${outcome.errors.length} problem(s) (manifest schema v${MANIFEST_VERSION}, validated offline)`);
    for (const e of outcome.errors) print(`  - ${e}`);
    return 1;
  }
  const m = outcome.manifest;
  print(`Manifest valid against the Teams app manifest schema v${MANIFEST_VERSION} (offline): 0 errors`);
  print(`Teams app package written to ${outcome.outFile} (${outcome.zip.length} bytes: manifest.json, color.png, outline.png)`);
  print(`  app id ${String(m.id)}, version ${String(m.version)}, valid domains ${JSON.stringify(m.validDomains)}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`manifest:build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
