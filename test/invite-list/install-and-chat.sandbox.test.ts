// A professional the bot has never talked to: the notifier installs the app for them through the
// strict Graph sandbox (POST /users/{id}/teamwork/installedApps, checked against the metadata),
// creates the 1:1 conversation on the Bot Framework connector (a stub on loopback), records it,
// and posts the card there; the next card reuses the conversation and installs nothing.
// The machine is shared: starting servers can take a while under load.
jest.setTimeout(120_000);

import { createTeamsConnection } from '../../bot/adapters/teams/teams-endpoint';
import { TeamsChatNotifier } from '../../bot/adapters/teams/teams-chat-notifier';
import type { Database } from '../../bot/adapters/store/database';
import { SqlConversationRefs } from '../../bot/adapters/store/sql-conversation-refs';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { migratedMemoryDatabase } from '../support/template-databases';

const APP = '7a1c0000-0000-4000-8000-00000000c0de';
const PROBATION = seedPerson('professional', 3);
const TENANT = '11111111-2222-4333-8444-555555555555';
const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: 'CP-2027-0001' }] };

let harness: Harness;
let connector: ConnectorStub;
let db: Database;
let notifier: TeamsChatNotifier;

beforeAll(async () => {
  harness = await startHarness({}, { teamsAppId: APP });
  connector = await startConnectorStub();
  db = await migratedMemoryDatabase();
  const refs = new SqlConversationRefs(db, systemClock);
  // Someone else's chat tells the notifier where the connector is (the region's service URL).
  await refs.record({ personId: seedPerson('clerk').id, conversationId: 'a:clerk-chat', serviceUrl: connector.url, tenantId: TENANT, botId: '28:bot-local', channelId: 'msteams' });
  const teams = createTeamsConnection({ bot: null, botEndpoints: null, allowedTenantIds: [], localMode: true });
  notifier = new TeamsChatNotifier(teams.adapter, { botAppId: '', refs, tenantId: TENANT, installer: harness.graph.installer! });
});
afterAll(async () => {
  await harness.stop();
  await connector.close();
  await db.close();
});

it('installs the app, creates the 1:1 conversation, records it and posts the card; then reuses it', async () => {
  const sent = await notifier.sendCard(PROBATION.id, card);
  const installs = await new SandboxStore(harness.sandbox.db).listInstalledApps();
  expect(installs).toEqual([{ userKey: PROBATION.id, teamsAppId: APP }]);
  const install = harness.graphRequests().find((r) => r.path.endsWith('/teamwork/installedApps'))!;
  expect([install.method, install.status]).toEqual(['POST', 201]);

  const [create, post] = connector.calls;
  expect([create!.method, create!.path]).toEqual(['POST', '/v3/conversations']);
  expect(create!.body).toMatchObject({ isGroup: false, members: [{ id: PROBATION.id }], tenantId: TENANT, bot: { id: '28:bot-local' } });
  // botbuilder posts a proactive send as a reply to its continuation activity (Teams ignores that in a 1:1 chat).
  expect(post!.path.startsWith(`/v3/conversations/${sent.conversationId}/activities`)).toBe(true);
  expect((post!.body.attachments as { content: unknown }[])[0]!.content).toEqual(card);
  const { rows } = await db.query<{ conversation_id: string }>('SELECT conversation_id FROM conversation_refs WHERE person_id = $1', [PROBATION.id]);
  expect(rows).toEqual([{ conversation_id: sent.conversationId }]);

  harness.clearLog();
  connector.calls.length = 0;
  await notifier.sendCard(PROBATION.id, card);
  expect(harness.graphRequests().filter((r) => r.path.endsWith('/teamwork/installedApps'))).toHaveLength(0);
  expect(connector.calls).toHaveLength(1);
  expect(connector.calls[0]!.path.startsWith(`/v3/conversations/${sent.conversationId}/activities`)).toBe(true);
});

it('an app already installed (409 from Graph) still opens the chat', async () => {
  const other = seedPerson('professional', 4);
  await new SandboxStore(harness.sandbox.db).installApp(other.id, APP, 'pre-installed', new Date().toISOString());
  connector.calls.length = 0;
  await notifier.sendCard(other.id, card);
  expect(harness.graphRequests().filter((r) => r.path.includes(other.id)).map((r) => r.status)).toEqual([409]);
  expect(connector.calls.map((c) => c.path)[0]).toBe('/v3/conversations');
});
