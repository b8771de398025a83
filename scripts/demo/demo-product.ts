// The local product for the meeting demo, composed as the local launcher (`npm start`) composes
// it: loadConfig in local mode (authentication off, loopback only), the embedded database, the
// production startServer, the strict Graph sandbox on the bot's database (start-local-extras.ts)
// and Microsoft's Agents Playground pointed at the bot. Three differences, each for the story:
// - the clock is the demo's (DemoClock): real time from booking day, moved to the conference
//   morning when the meeting starts;
// - the Playground's "you" is the chair (the launcher's is a clerk): the chair's 1:1 chat with the
//   bot is the Playground's personal chat, so the alerts and cards the chair gets are read from the
//   Playground's own conversation stream;
// - a recording connector stands for the meeting chat's connector (the Playground relays meeting
//   events but has no meeting behind them): the events carry its serviceUrl, so what the bot sends
//   into the meeting (targeted notifications) is recorded there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/adapters/logging/logger';
import type { Database } from '../../bot/adapters/store/database';
import { migrate } from '../../bot/adapters/store/migrate';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { type Config, loadConfig } from '../../bot/config/load-config';
import { type RunningServer, startServer } from '../../bot/main';
import { type RecordingConnector, startRecordingConnector } from '../bench/recording-connector';
import { seedPerson, SEED_PEOPLE } from '../graph-sandbox/directory/seed-people';
import { DEFAULT_TENANT_ID } from '../graph-sandbox/start-graph-sandbox';
import { freeLoopbackPort, type RunningPlayground, startPlayground } from '../local/playground-launcher';
import { LOCAL_MODE } from '../local/sandbox-defaults';
import { startLocalExtras } from '../local/start-local-extras';
import type { DemoClock } from './demo-clock';

export interface DemoProduct {
  botUrl: string;
  /** '' when started without the Playground. */
  playgroundUrl: string;
  sandboxUrl: string;
  /** The meeting chat's connector stand-in. */
  meetingConnector: RecordingConnector;
  database: Database;
  config: Config;
  clock: DemoClock;
  tenantId: string;
  /** The bot's channel account id as the Playground gives it. */
  botId: string;
  /** How meeting events reach the bot: through the Playground's custom-activity API, or posted to /api/messages. */
  events: 'playground' | 'direct';
  stop(): Promise<void>;
}

export interface DemoProductOptions {
  profile: string;
  clock: DemoClock;
  /** pino level for the bot (default 'silent': the story is the output). */
  logLevel?: string;
  /** Default 'playground'. */
  events?: 'playground' | 'direct';
  /** Start the Agents Playground (default true). The tab's browser tests post events directly and need none. */
  playground?: boolean;
  /** More settings for loadConfig (e.g. TAB_DIST_DIR for the tab's browser tests). */
  env?: Record<string, string>;
  /** An already migrated database (tests pass one made from their template); default a new in-memory one. */
  database?: Database;
}

const CHAIR = seedPerson('chair');
/** The Playground's other people (at most five): the clerk, the social worker, police, health, school. */
const PLAYGROUND_OTHERS = [
  seedPerson('clerk').id,
  seedPerson('social-worker').id,
  SEED_PEOPLE.find((p) => p.agency === 'police')!.id,
  SEED_PEOPLE.find((p) => p.jobTitle === 'Health Visitor')!.id,
  SEED_PEOPLE.find((p) => p.agency === 'education')!.id,
];
/** The bot id in the Playground's mock tenant (playground-config.ts). */
const PLAYGROUND_BOT_ID = '00000000-0000-4000-8000-00000000b07a';

export async function startDemoProduct(options: DemoProductOptions): Promise<DemoProduct> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-demo-'));
    stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    const sandboxPort = await freeLoopbackPort();
    const config = loadConfig(
      {
        PORT: '0',
        LOG_LEVEL: options.logLevel ?? 'silent',
        PROFILE: options.profile,
        // The launcher's extras start the Playground with a clerk as "you"; the demo starts its own.
        PLAYGROUND: '0',
        GRAPH_BASE_URL: `https://127.0.0.1:${sandboxPort}/v1.0`,
        GRAPH_CA_FILE: join(dir, 'sandbox-ca.pem'),
        JOB_POLL_MS: '200',
        ...options.env,
      },
      LOCAL_MODE,
    );
    const database = options.database ?? (await openDatabase({ dataDir: ':memory:' }));
    if (!options.database) await migrate(database);
    const server: RunningServer = await startServer(config, { database, clock: options.clock });
    stops.push(() => server.close());
    const extras = await startLocalExtras({ config, database, botUrl: server.url, logger: createLogger('silent'), sandboxCaFile: join(dir, 'sandbox-ca.pem') });
    stops.push(...extras.stops);
    const tenantId = config.graph.tenantId || DEFAULT_TENANT_ID;
    let playground: RunningPlayground | null = null;
    if (options.playground !== false) {
      const started = await startPlayground({
        botEndpoint: `${server.url}/api/messages`,
        port: 0,
        tenant: { tenantId, currentUserId: CHAIR.id, otherUserIds: PLAYGROUND_OTHERS },
      });
      playground = started;
      stops.push(() => started.stop());
    }
    const meetingConnector = await startRecordingConnector();
    stops.push(() => meetingConnector.stop());
    return {
      botUrl: server.url,
      playgroundUrl: playground?.url ?? '',
      sandboxUrl: extras.sandboxUrl ?? '',
      meetingConnector,
      database,
      config,
      clock: options.clock,
      tenantId,
      botId: `28:${PLAYGROUND_BOT_ID}`,
      events: options.events ?? 'playground',
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
