// The Teams app package is filled from the environment, like the bot itself: the same template
// serves every council and every environment. Each value is checked here, at the edge, so that
// a mistake names the variable instead of surfacing later as a Teams upload error.
import { z } from 'zod';
import { callsSettingsSchema } from '../../bot/config/graph-config';

export class ManifestSettingsError extends Error {
  readonly code = 'MANIFEST.SETTINGS_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Teams app manifest settings: ${problems.join('; ')}`);
    this.name = 'ManifestSettingsError';
  }
}

/** The values the template's {{PLACEHOLDERS}} are filled with. */
export interface ManifestValues {
  BOT_ID: string;
  TEAMS_APP_ID: string;
  APP_VERSION: string;
  TAB_BASE_URL: string;
  TAB_DOMAIN: string;
  SSO_RESOURCE: string;
  DEVELOPER_NAME: string;
  DEVELOPER_WEBSITE_URL: string;
  DEVELOPER_PRIVACY_URL: string;
  DEVELOPER_TERMS_URL: string;
}

type Env = Record<string, string | undefined>;

const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID');
// Teams loads tabs and links only over https; no query or fragment so that paths can be appended.
const httpsUrl = z
  .string()
  .max(1900)
  .refine((s) => URL.canParse(s), 'must be an absolute URL')
  .refine((s) => new URL(s).protocol === 'https:', 'must start with https://')
  .refine((s) => new URL(s).search === '' && new URL(s).hash === '', 'must not carry a query or fragment');
// Teams accepts only numeric major.minor.patch for an app version.
const version = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be MAJOR.MINOR.PATCH (digits only)');

/** Environment variable → how it is checked, and whether it may be left out. */
const VARIABLES = {
  MicrosoftAppId: { schema: guid, required: true },
  // Defaults to PUBLIC_BASE_URL, the bot's own address (the bot serves the tab).
  TAB_BASE_URL: { schema: httpsUrl, required: true, orElse: 'PUBLIC_BASE_URL' },
  PUBLIC_BASE_URL: { schema: httpsUrl, required: false },
  TEAMS_APP_DEVELOPER_NAME: { schema: z.string().min(1).max(32, 'must be at most 32 characters'), required: true },
  TEAMS_APP_WEBSITE_URL: { schema: httpsUrl, required: true },
  TEAMS_APP_PRIVACY_URL: { schema: httpsUrl, required: true },
  TEAMS_APP_TERMS_URL: { schema: httpsUrl, required: true },
  TEAMS_APP_ID: { schema: guid, required: false },
  APP_VERSION: { schema: version, required: false },
  TEAMS_SSO_RESOURCE: { schema: z.string().min(1).max(2048), required: false },
} as const;

export type ManifestVariable = keyof typeof VARIABLES;
export const MANIFEST_VARIABLES = Object.keys(VARIABLES) as ManifestVariable[];

/** Blank counts as unset, as in the bot's own configuration. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Reads and checks every variable, reporting all problems at once (an admin fixing a .env file
 * should not have to run the build once per mistake).
 */
export function readManifestValues(env: Env, packageVersion: string): ManifestValues {
  const problems: string[] = [];
  const got: Partial<Record<ManifestVariable, string>> = {};
  for (const name of MANIFEST_VARIABLES) {
    const variable: { schema: z.ZodType<string>; required: boolean; orElse?: string } = VARIABLES[name];
    const raw = read(env, name);
    if (raw === undefined) {
      if (variable.required && (variable.orElse === undefined || read(env, variable.orElse) === undefined)) {
        problems.push(variable.orElse ? `${name} (or ${variable.orElse}) is required` : `${name} is required`);
      }
      continue;
    }
    const { schema } = variable;
    const parsed = schema.safeParse(raw);
    if (parsed.success) got[name] = parsed.data;
    else problems.push(`${name} is invalid: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
  }
  const appVersion = got.APP_VERSION ?? packageVersion;
  if (got.APP_VERSION === undefined && !version.safeParse(packageVersion).success) {
    problems.push(`APP_VERSION is not set and package.json's version '${packageVersion}' is not MAJOR.MINOR.PATCH`);
  }
  if (problems.length > 0) throw new ManifestSettingsError(problems);

  const botId = got.MicrosoftAppId!.toLowerCase();
  // No trailing slash: the template appends "/tab/…".
  const tabBase = (got.TAB_BASE_URL ?? got.PUBLIC_BASE_URL)!.replace(/\/+$/, '');
  const tabDomain = new URL(tabBase).host; // host[:port], which is what validDomains lists
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: (got.TEAMS_APP_ID ?? botId).toLowerCase(),
    APP_VERSION: appVersion,
    TAB_BASE_URL: tabBase,
    TAB_DOMAIN: tabDomain,
    // Teams tab SSO expects the Entra app's Application ID URI in this form unless told otherwise.
    SSO_RESOURCE: got.TEAMS_SSO_RESOURCE ?? `api://${tabDomain}/${botId}`,
    DEVELOPER_NAME: got.TEAMS_APP_DEVELOPER_NAME!,
    DEVELOPER_WEBSITE_URL: got.TEAMS_APP_WEBSITE_URL!,
    DEVELOPER_PRIVACY_URL: got.TEAMS_APP_PRIVACY_URL!,
    DEVELOPER_TERMS_URL: got.TEAMS_APP_TERMS_URL!,
  };
}

/** Removal through the calling bot (docs/meeting/stages.md): the manifest declares calling only when it is on. */
export interface CallingSettings {
  enabled: boolean;
  /** Where the Azure Bot's Teams channel sends calling notifications (set there, not in the manifest). */
  webhookUrl?: string;
}

/**
 * CALLS_REMOVE_ENABLED and CALLS_CALLBACK_URL, parsed by the bot's own schema; the webhook
 * defaults as the bot's callback does, to <PUBLIC_BASE_URL, else the tab base>/api/calls.
 */
export function readCallingSettings(env: Env, tabBaseUrl: string): CallingSettings {
  const parsed = callsSettingsSchema.safeParse({ CALLS_REMOVE_ENABLED: env.CALLS_REMOVE_ENABLED, CALLS_CALLBACK_URL: env.CALLS_CALLBACK_URL });
  if (!parsed.success) {
    throw new ManifestSettingsError(parsed.error.issues.map((i) => `${i.path.join('.')} is invalid: ${i.message}`));
  }
  if (parsed.data.CALLS_REMOVE_ENABLED !== true) return { enabled: false };
  const base = (read(env, 'PUBLIC_BASE_URL') ?? tabBaseUrl).replace(/\/+$/, '');
  return { enabled: true, webhookUrl: parsed.data.CALLS_CALLBACK_URL ?? `${base}/api/calls` };
}

/** Everything the package is built from; every problem in either part reported at once. */
export function readPackageSettings(env: Env, packageVersion: string): { values: ManifestValues; calling: CallingSettings } {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ManifestSettingsError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const values = attempt(() => readManifestValues(env, packageVersion));
  const calling = attempt(() => readCallingSettings(env, values?.TAB_BASE_URL ?? ''));
  if (!values || !calling) throw new ManifestSettingsError(problems);
  return { values, calling };
}

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

/**
 * Replaces {{NAME}} inside the template's string values. The template is parsed first and only
 * strings are touched, so a value containing quotes or braces cannot change the JSON's shape.
 */
export function fillTemplate(template: unknown, values: ManifestValues): unknown {
  const table: Record<string, string> = { ...values };
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const value = table[name];
        if (value === undefined) {
          unknown.add(name);
          return whole;
        }
        return value;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  const filled = fill(template);
  if (unknown.size > 0) {
    throw new ManifestSettingsError([...unknown].map((n) => `template placeholder {{${n}}} has no value (known: ${Object.keys(table).join(', ')})`));
  }
  return filled;
}
