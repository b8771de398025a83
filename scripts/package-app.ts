// `npm run package [-- --env=<name>] [--out=<file>] [--env-dir=<dir>]`: the Teams app package
// for one environment, dist/appPackage.<env>.zip, from env/.env.<env> and the process environment
// (docs/manifest.md). A contract other tools call (the Agents Toolkit's m365agents.yml, the
// deployment): exit 0 and the package written, or exit 1 listing every problem with no package.
import { join, resolve } from 'node:path';
import { buildAppPackage, REPO_ROOT } from './manifest/app-package';
import { ManifestSettingsError } from './manifest/manifest-settings';
import { MANIFEST_VERSION } from './manifest/manifest-validation';
import { describeSource, readPackageEnvironment } from './manifest/package-environment';
import { CALLING_RSC } from './manifest/rsc-catalog';

type Env = Record<string, string | undefined>;

const option = (argv: readonly string[], name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Where `npm run package` writes the package for an environment. */
export function defaultPackageFile(envName: string, root = REPO_ROOT): string {
  return join(root, 'dist', `appPackage.${envName}.zip`);
}

/** The command line: prints the outcome, returns the exit code. */
export async function main(argv: string[], processEnv: Env, print: (line: string) => void, root = REPO_ROOT): Promise<number> {
  let environment: ReturnType<typeof readPackageEnvironment>;
  try {
    environment = readPackageEnvironment(argv, processEnv, resolve(option(argv, 'env-dir') ?? join(root, 'env')));
  } catch (error) {
    if (!(error instanceof ManifestSettingsError)) throw error;
    for (const p of error.problems) print(`Teams app package NOT built: ${p}`);
    return 1;
  }
  const outFile = resolve(option(argv, 'out') ?? defaultPackageFile(environment.name, root));
  const outcome = await buildAppPackage(environment.values, { outFile });
  const source = describeSource(environment, process.cwd());
  if (!outcome.ok) {
    print(`Teams app package NOT built for '${environment.name}' (from ${source}): ${outcome.errors.length} problem(s) (manifest schema v${MANIFEST_VERSION}, validated offline)`);
    for (const e of outcome.errors) print(`  - ${e}`);
    return 1;
  }
  const m = outcome.manifest;
  print(`Manifest valid against the Teams app manifest schema v${MANIFEST_VERSION} (offline): 0 errors`);
  print(`Teams app package for '${environment.name}' (from ${source}) written to ${outcome.outFile} (${outcome.zip.length} bytes: manifest.json, color.png, outline.png)`);
  print(`  app id ${String(m.id)}, version ${String(m.version)}, valid domains ${JSON.stringify(m.validDomains)}`);
  print(
    outcome.calling.enabled
      ? `  calling on (CALLS_REMOVE_ENABLED): supportsCalling, ${CALLING_RSC.map((p) => p.name).join(', ')}; enable calling on the Azure Bot's Teams channel with the webhook ${outcome.calling.webhookUrl}`
      : '  calling off (CALLS_REMOVE_ENABLED unset or false): no calling permission, supportsCalling false',
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`npm run package failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
