// Which environment a package is built for, and the values it is built from. The name comes from
// `--env=<name>`, else APP_ENV, else TEAMSFX_ENV (set by the Microsoft 365 Agents Toolkit), else
// `dev`. The values are env/.env.<name> when that file exists (the Agents Toolkit's env file,
// plain KEY=VALUE lines) under the process environment: a variable set in both is the process's,
// so a pipeline can override one value without editing the file.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { ManifestSettingsError } from './manifest-settings';

type Env = Record<string, string | undefined>;

export const DEFAULT_ENVIRONMENT = 'dev';
// Goes into a file name (appPackage.<name>.zip, .env.<name>): no dots, slashes or spaces.
const ENV_NAME = /^[A-Za-z0-9_-]{1,40}$/;

export interface PackageEnvironment {
  name: string;
  /** The env file read, if there was one. */
  envFile?: string;
  values: Env;
}

const blankIsUnset = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function environmentName(argv: readonly string[], processEnv: Env): string {
  const flag = argv.find((a) => a.startsWith('--env='))?.slice('--env='.length);
  const name = blankIsUnset(flag) ?? blankIsUnset(processEnv.APP_ENV) ?? blankIsUnset(processEnv.TEAMSFX_ENV) ?? DEFAULT_ENVIRONMENT;
  if (!ENV_NAME.test(name)) throw new ManifestSettingsError([`environment name '${name}' must be letters, digits, '-' or '_' (at most 40)`]);
  return name;
}

export function readPackageEnvironment(argv: readonly string[], processEnv: Env, envDir: string): PackageEnvironment {
  const name = environmentName(argv, processEnv);
  const envFile = join(envDir, `.env.${name}`);
  if (!existsSync(envFile)) return { name, values: { ...processEnv } };
  const fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Env;
  const values: Env = { ...fromFile };
  for (const [key, value] of Object.entries(processEnv)) if (blankIsUnset(value) !== undefined) values[key] = value;
  return { name, envFile, values };
}

/** For messages: the env file as read (relative to where the command runs when it is inside it). */
export function describeSource(environment: PackageEnvironment, cwd: string): string {
  if (!environment.envFile) return 'the process environment (no env file)';
  const rel = relative(cwd, environment.envFile);
  return `${rel.startsWith('..') || isAbsolute(rel) ? environment.envFile : rel} + the process environment`;
}
