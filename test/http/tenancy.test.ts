// Tenancy: an activity from a tenant not in ALLOWED_TENANT_IDS is refused with 403 before any
// handler runs, and the refusal is in the audit log.
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { OTHER_TENANT, TENANT, cardActionInvoke, messageActivity } from './support/activities';
import { type TestServer, startTestServer } from './support/test-server';
import { anyDataCardActions } from './support/test-card-actions';

let connector: ConnectorStub;
let bot: TestServer;
const handled: string[] = [];

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({
    allowedTenantIds: [TENANT],
    deps: { cardActions: anyDataCardActions({ 'test.effect': async (r) => { handled.push(r.verb); return { kind: 'message', text: 'done' }; } }) },
  });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

async function auditRows() {
  const { rows } = await bot.db.query<{ action: string; actor_id: string; actor_role: string; conference_id: string | null; detail: unknown }>(
    'SELECT action, actor_id, actor_role, conference_id, detail FROM audit_log ORDER BY seq',
  );
  return rows.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }));
}

describe('tenancy', () => {
  it('an allowed tenant is served', async () => {
    const res = await bot.post('/api/messages', cardActionInvoke('test.effect', {}, { serviceUrl: connector.url, tenantId: TENANT }));
    expect(res.status).toBe(200);
    expect(handled).toEqual(['test.effect']);
    expect(await auditRows()).toEqual([]);
  });

  it('another tenant gets 403, no handler runs, nothing is sent, and the refusal is audited', async () => {
    handled.length = 0;
    const res = await bot.post('/api/messages', cardActionInvoke('test.effect', {}, { serviceUrl: connector.url, tenantId: OTHER_TENANT }));
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ code: 'TENANT.NOT_ALLOWED', message: 'This tenant is not allowed to use this bot.' });
    expect(handled).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(await auditRows()).toEqual([
      {
        action: 'tenant.refused',
        actor_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        actor_role: 'unknown',
        conference_id: null,
        detail: { tenantId: OTHER_TENANT, activityType: 'invoke', channelId: 'msteams' },
      },
    ]);
  });

  it('an activity with no tenant at all is refused too', async () => {
    const res = await bot.post('/api/messages', messageActivity('help', { serviceUrl: connector.url, tenantId: null }));
    expect(res.status).toBe(403);
    const rows = await auditRows();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.detail).toEqual({ tenantId: null, activityType: 'message', channelId: 'msteams' });
    expect(connector.calls).toEqual([]);
  });

  it.each([
    ['channelData says another tenant', OTHER_TENANT, TENANT],
    ['conversation says another tenant', TENANT, OTHER_TENANT],
  ])('a tenant mismatch between channelData and conversation is refused (%s)', async (_case, inChannelData, inConversation) => {
    const activity = messageActivity('help', { serviceUrl: connector.url, tenantId: inChannelData });
    (activity.conversation as { tenantId?: string }).tenantId = inConversation;
    const res = await bot.post('/api/messages', activity);
    expect(res.status).toBe(403);
    expect(connector.calls).toEqual([]);
  });
});
