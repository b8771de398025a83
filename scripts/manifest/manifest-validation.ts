// Offline validation of a filled manifest: Microsoft's JSON schema (shipped inside
// @microsoft/app-manifest, passed in explicitly so nothing is ever fetched), then the checks
// the schema cannot express: RSC permission names and types, exactly the permissions the
// product uses (the calling one only with supportsCalling), and that every tab URL lies inside
// validDomains.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { CALLING_RSC, REQUIRED_RSC, RSC_CATALOG } from './rsc-catalog';

export const MANIFEST_VERSION = '1.30';
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

type Json = Record<string, unknown>;
type ValidateArgs = Parameters<typeof AppManifestUtils.validateAgainstSchema>;

let cachedSchema: Json | undefined;

/** The v1.30 schema file from the installed package (no network, whatever $schema says). */
export function loadTeamsSchema(): Json {
  if (cachedSchema) return cachedSchema;
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(packageDir, 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json');
  // The package applies the same clean-up before parsing: Microsoft's schemas contain "\a" and
  // "\v" escapes, which JSON does not allow.
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  cachedSchema = JSON.parse(raw) as Json;
  return cachedSchema;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export async function schemaErrors(manifest: unknown): Promise<string[]> {
  const schema = loadTeamsSchema() as unknown as NonNullable<ValidateArgs[1]>;
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as ValidateArgs[0], schema);
  return errors.map((e) => `schema: ${e}`);
}

const same = (a: Json, b: { name: string; type: string }) => a.name === b.name && a.type === b.type;

function rscErrors(manifest: Json): string[] {
  const errors: string[] = [];
  const authorization = isObject(manifest.authorization) ? manifest.authorization : {};
  const permissions = isObject(authorization.permissions) ? authorization.permissions : {};
  const declared = asArray(permissions.resourceSpecific).filter(isObject);
  for (const p of declared) {
    const name = String(p.name);
    const supported = RSC_CATALOG[name];
    if (!supported) errors.push(`rsc: '${name}' is not a known resource-specific permission`);
    else if (!supported.includes(p.type as never)) {
      errors.push(`rsc: '${name}' cannot be granted as ${String(p.type)} (supported: ${supported.join(', ')})`);
    } else if (![...REQUIRED_RSC, ...CALLING_RSC].some((used) => same(p, used))) {
      // Exactly what the product uses: an admin consents to every line, per meeting chat.
      errors.push(`rsc: '${name}' (${String(p.type)}) is not used by the product (scripts/manifest/rsc-catalog.ts lists what is)`);
    }
  }
  for (const need of REQUIRED_RSC) {
    if (!declared.some((p) => same(p, need))) errors.push(`rsc: ${need.name} (${need.type}) is required for ${need.why}`);
  }
  const calling = asArray(manifest.bots).filter(isObject).some((bot) => bot.supportsCalling === true);
  for (const need of CALLING_RSC) {
    const has = declared.some((p) => same(p, need));
    if (calling && !has) errors.push(`rsc: ${need.name} (${need.type}) is required with supportsCalling, for ${need.why}`);
    if (!calling && has) errors.push(`rsc: ${need.name} is declared but no bot supportsCalling (declare it only when removal is enabled)`);
  }
  return errors;
}

function consistencyErrors(manifest: Json): string[] {
  const errors: string[] = [];
  if (manifest.$schema !== SCHEMA_URL) errors.push(`manifest: $schema must be ${SCHEMA_URL} (the schema this build validates against)`);
  const appInfo = isObject(manifest.webApplicationInfo) ? manifest.webApplicationInfo : undefined;
  if (!appInfo) errors.push('manifest: webApplicationInfo is required (RSC grants and tab SSO belong to that Entra app)');
  for (const bot of asArray(manifest.bots).filter(isObject)) {
    // RSC is granted to webApplicationInfo.id; meeting events reach the bot only if they match.
    if (appInfo && bot.botId !== appInfo.id) errors.push(`manifest: bots[].botId ${String(bot.botId)} differs from webApplicationInfo.id`);
  }
  const domains = asArray(manifest.validDomains).map(String);
  const urls: [string, unknown][] = [];
  for (const [i, tab] of asArray(manifest.configurableTabs).filter(isObject).entries()) urls.push([`configurableTabs[${i}].configurationUrl`, tab.configurationUrl]);
  for (const [i, tab] of asArray(manifest.staticTabs).filter(isObject).entries()) {
    if (tab.contentUrl !== undefined) urls.push([`staticTabs[${i}].contentUrl`, tab.contentUrl]);
    if (tab.websiteUrl !== undefined) urls.push([`staticTabs[${i}].websiteUrl`, tab.websiteUrl]);
  }
  for (const [where, url] of urls) {
    if (typeof url !== 'string' || !URL.canParse(url)) continue; // the schema reports these
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') errors.push(`manifest: ${where} must use https (Teams does not load http tabs)`);
    if (!domains.includes(parsed.host)) errors.push(`manifest: ${where} host ${parsed.host} is not in validDomains`);
  }
  return errors;
}

/** The checks beyond the schema (RSC, calling, URLs, ids): cheap, no schema compiled. */
export function ruleErrors(manifest: Json): string[] {
  return [...rscErrors(manifest), ...consistencyErrors(manifest)];
}

/** Every problem found, each prefixed with where it comes from; empty means valid. */
export async function validateTeamsManifest(manifest: unknown): Promise<string[]> {
  if (!isObject(manifest)) return ['manifest: must be a JSON object'];
  return [...(await schemaErrors(manifest)), ...ruleErrors(manifest)];
}
