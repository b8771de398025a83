// The local Teams loop, end to end: the real server in local mode (as the local launcher runs it, embedded
// PGlite database) and Microsoft's Agents Playground as a child process pointed at it. The test
// talks to the playground's HTTP + WebSocket API exactly as its web UI does; no browser.
import { startPlayground, type RunningPlayground } from '../../scripts/local/playground-launcher';
import { HELP_POINTER, helpCard } from '../../bot/app/help/help';
import { loadConfig } from '../../bot/config/load-config';
import { type RunningServer, startServer } from '../../bot/main';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { PlaygroundClient } from './playground-client';
import { SEED_PEOPLE } from '../../scripts/graph-sandbox/directory/seed-people';
import { migratedMemoryDatabase } from '../support/template-databases';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const TENANT_ID = '0a0a0a0a-1111-4222-8333-444444444444';

let server: RunningServer | undefined;
let playground: RunningPlayground | undefined;
let client: PlaygroundClient | undefined;

beforeAll(async () => {
  // Exactly what the local launcher (`npm start`) reads, except an ephemeral port and quiet logs.
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: '0' }, LOCAL_MODE);
  expect(config.localMode).toBe(true);
  const database = await migratedMemoryDatabase();
  server = await startServer(config, { database });
  playground = await startPlayground({ botEndpoint: `${server.url}/api/messages`, port: 0, tenant: { tenantId: TENANT_ID } });
  client = await PlaygroundClient.connect(playground.url);
}, 60_000);

afterAll(async () => {
  // Each step runs even if an earlier one (or beforeAll) failed, so no child process outlives the test.
  await client?.close().catch(() => undefined);
  await playground?.stop();
  await server?.close();
}, 30_000);

function actionIdOf(card: unknown): string {
  const actions = (card as { actions?: { data?: { actionId?: unknown } }[] }).actions;
  const actionId = actions?.[0]?.data?.actionId;
  if (typeof actionId !== 'string') throw new Error('the help card has no actionId');
  return actionId;
}

describe('the local Teams loop (server + Agents Playground)', () => {
  it("uses the seeded directory's people as the playground's mock tenant (a clerk is the current user)", async () => {
    const { config } = (await (await fetch(`${playground!.url}/_internal/v1/testConfig`)).json()) as {
      config: { tenantId: string; currentUser: { aadObjectId: string }; users: { aadObjectId: string }[] };
    };
    expect(config.tenantId).toBe(TENANT_ID);
    expect(SEED_PEOPLE.find((p) => p.id === config.currentUser.aadObjectId)?.role).toBe('clerk');
    expect(config.users.map((u) => SEED_PEOPLE.find((p) => p.id === u.aadObjectId)?.role)).toEqual(['chair', 'social-worker', 'professional', 'professional', 'professional']);
  });

  it('answers "help" in the personal chat with the help card', async () => {
    await client!.sendText('help');
    const reply = await client!.nextBotMessage();

    expect(reply.attachments).toHaveLength(1);
    const [attachment] = reply.attachments;
    expect(attachment!.contentType).toBe(ADAPTIVE_CARD);
    // The very card the product renders (its actionId is fresh per card).
    expect(attachment!.content).toEqual(helpCard(actionIdOf(attachment!.content)));
    expect(attachment!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('replaces the card when its "Show help again" button is pressed (adaptiveCard/action)', async () => {
    await client!.sendText('Help!');
    const reply = await client!.nextBotMessage();
    const card = reply.attachments[0]!.content;
    const actionId = actionIdOf(card);

    const answer = (await client!.invokeCardAction(reply.messageId, {
      action: { type: 'Action.Execute', verb: 'help.show', data: { actionId } },
      trigger: 'manual',
    })) as { type: string; value: unknown };

    // The playground relays the bot's invoke answer as { type, value } (it drops statusCode).
    expect(Object.keys(answer).sort()).toEqual(['type', 'value']);
    expect(answer.type).toBe(ADAPTIVE_CARD);
    expect(answer.value).toEqual(helpCard(actionIdOf(answer.value)));
    expect(actionIdOf(answer.value)).not.toBe(actionId);
  });

  it('points anything else to "help"', async () => {
    await client!.sendText('what is this?');
    const reply = await client!.nextBotMessage();
    expect(reply.text).toBe(HELP_POINTER);
    expect(reply.attachments).toEqual([]);
  });

  it('keeps the playground off the network', () => {
    expect(playground!.refusedHosts()).toEqual([]);
  });
});
