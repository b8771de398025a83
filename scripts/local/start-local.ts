// `npm start`: the local launcher. Local mode is chosen here and only here: loadConfig(…,
// { mode: 'local' }) with the Graph sandbox's identity, which refuses any production setting in
// the environment. It composes the production startServer with the doubles: the in-process Graph
// sandbox and Microsoft's Agents Playground (start-local-extras.ts), then prints a banner.
import { errorFields } from '../../bot/adapters/logging/logger';
import { ensureTabBuilt } from '../build-tab';
import { ConfigError, type Config, loadConfig } from '../../bot/config/load-config';
import { checkRuntimeOrExit, openMigratedDatabase, startServer } from '../../bot/main';
import { localBanner } from './local-banner';
import { createLocalLogger } from './local-logger';
import { LOCAL_MODE, SANDBOX_DEFAULTS } from './sandbox-defaults';
import { startLocalExtras } from './start-local-extras';

async function main(): Promise<void> {
  checkRuntimeOrExit();
  let config: Config;
  try {
    config = loadConfig(process.env, LOCAL_MODE);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLocalLogger(config.logLevel, process.stdout);
  // The tab (docs/tab.md) is built before the server starts, unless tab/ is unchanged since the
  // last build. A failed build does not stop the bot: its pages answer 503 until a build succeeds.
  let tabBuilt = false;
  try {
    const started = Date.now();
    const tab = await ensureTabBuilt(config.tab.distDir);
    tabBuilt = true;
    logger.info({ distDir: config.tab.distDir, built: tab.built, ms: Date.now() - started }, tab.built ? 'tab built' : 'tab up to date');
  } catch (err) {
    logger.warn(errorFields(err), 'tab build failed: its pages answer 503 (npm run build:tab shows why)');
  }
  const database = await openMigratedDatabase(config, logger);
  const server = await startServer(config, { database, logger });
  const stops: (() => Promise<void>)[] = [];
  // Started after the signal handlers are in place, so that a Ctrl-C or SIGTERM while the
  // extras are still starting still shuts everything down cleanly.
  let extrasStarting: Promise<unknown> = Promise.resolve();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void (async () => {
      await extrasStarting.catch(() => undefined);
      for (const stop of stops.reverse()) await stop().catch((err) => logger.warn(errorFields(err), 'local extra failed to stop'));
      await server.close();
      process.exit(0);
    })().catch((err) => {
      logger.error(errorFields(err), 'shutdown failed');
      process.exit(1);
    });
  };
  // `on`, not `once`: a second signal (tsx relays the terminal's Ctrl-C once more) must not kill
  // the process half-way through its graceful shutdown.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const starting = startLocalExtras({
    config,
    database,
    botUrl: server.url,
    logger,
    sandboxCaFile: SANDBOX_DEFAULTS.caFile,
    ...(process.env.GRAPH_SANDBOX_LOG ? { sandboxLogFile: process.env.GRAPH_SANDBOX_LOG } : {}),
  });
  extrasStarting = starting;
  const extras = await starting;
  stops.push(...extras.stops);
  logger.info({ messagingEndpoint: `${server.url}/api/messages`, playground: config.playground }, 'local mode: authentication off, loopback only');
  // On the terminal beside the pretty logs; on stderr when stdout is a pipe of JSON lines.
  const banner = localBanner({
    botUrl: server.url,
    ...(tabBuilt ? { tabUrl: `${server.url}/tab/dashboard` } : {}),
    ...(extras.playgroundUrl ? { playgroundUrl: extras.playgroundUrl } : {}),
    ...(extras.sandboxUrl ? { mailboxesUrl: `${extras.sandboxUrl}/_sandbox` } : {}),
  });
  (process.stdout.isTTY ? process.stdout : process.stderr).write(`${banner}\n`);
}

main().catch((err) => {
  console.error('Cannot start:', err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
