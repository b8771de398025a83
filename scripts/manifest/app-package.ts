// The Teams app package: settings → the filled template (calling added only when removal is on)
// → offline validation → icons (pngjs) → a zip (fflate) with manifest.json, color.png and
// outline.png at its root. Nothing is written unless there is nothing to report, and a package
// left by an earlier run is deleted then, so a stale one is never uploaded by mistake.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Zippable, type ZippableFile, zipSync } from 'fflate';
import { renderIcons } from './app-icons';
import { type CallingSettings, fillTemplate, ManifestSettingsError, readPackageSettings } from './manifest-settings';
import { validateTeamsManifest } from './manifest-validation';
import { CALLING_RSC } from './rsc-catalog';

export const REPO_ROOT = resolve(__dirname, '../..');

type Json = Record<string, unknown>;

export interface BuildOptions {
  /** Where the package goes. */
  outFile: string;
  /** Where the template lives (default manifest/manifest.template.json). */
  templateFile?: string;
  /** Version used when APP_VERSION is unset (default: package.json's). */
  packageVersion?: string;
}

export type BuildOutcome =
  | { ok: true; manifest: Json; zip: Buffer; outFile: string; calling: CallingSettings }
  | { ok: false; errors: string[] };

/**
 * Removal on: the bot supports calling and the manifest asks for the calling permission. The
 * template is the default (off), so the common package has no calling in it at all.
 */
export function withCalling(manifest: Json, calling: CallingSettings): Json {
  if (!calling.enabled) return manifest;
  const bots = (manifest.bots as Json[]).map((bot) => ({ ...bot, supportsCalling: true }));
  const authorization = manifest.authorization as { permissions: { resourceSpecific: { name: string; type: string }[] } };
  const resourceSpecific = [...authorization.permissions.resourceSpecific, ...CALLING_RSC.map(({ name, type }) => ({ name, type }))];
  return { ...manifest, bots, authorization: { ...authorization, permissions: { ...authorization.permissions, resourceSpecific } } };
}

/**
 * Deflated entries with one fixed timestamp, so the same settings give the same bytes. fflate
 * writes DOS times from the Date's local-time fields, so the date is made in local time: the
 * stored 1980-01-01 00:00 is then the same in every time zone.
 */
export function zipPackage(files: Record<string, Uint8Array>): Buffer {
  const mtime = new Date(1980, 0, 1);
  const entries: Zippable = Object.fromEntries(Object.entries(files).map(([name, data]): [string, ZippableFile] => [name, [data, { mtime, level: 9 }]]));
  return Buffer.from(zipSync(entries));
}

/** Fills, validates and packages; writes the zip only when there is nothing to report. */
export async function buildAppPackage(env: Record<string, string | undefined>, options: BuildOptions): Promise<BuildOutcome> {
  const templateFile = options.templateFile ?? join(REPO_ROOT, 'manifest', 'manifest.template.json');
  const outFile = resolve(options.outFile);
  const packageVersion = options.packageVersion ?? (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const refuse = (errors: string[]): BuildOutcome => {
    rmSync(outFile, { force: true });
    return { ok: false, errors };
  };

  let manifest: Json;
  let calling: CallingSettings;
  try {
    const settings = readPackageSettings(env, packageVersion);
    calling = settings.calling;
    manifest = withCalling(fillTemplate(JSON.parse(readFileSync(templateFile, 'utf8')), settings.values) as Json, calling);
  } catch (error) {
    if (error instanceof ManifestSettingsError) return refuse([...error.problems]);
    throw error;
  }

  const errors = await validateTeamsManifest(manifest);
  if (errors.length > 0) return refuse(errors);

  const icons = renderIcons(String(manifest.accentColor));
  const iconNames = manifest.icons as { color: string; outline: string };
  const zip = zipPackage({
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    [iconNames.color]: icons.color,
    [iconNames.outline]: icons.outline,
  });
  mkdirSync(dirname(outFile), { recursive: true });
  // Write then rename, so that a reader never sees half a package.
  const partial = `${outFile}.partial`;
  writeFileSync(partial, zip);
  renameSync(partial, outFile);
  return { ok: true, manifest, zip, outFile, calling };
}
