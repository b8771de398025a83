// Teams dialogs opened from cards, over real HTTP in local mode: the invite list card and the
// decision card carry an "Open the full form" button (Action.Submit, msteams task/fetch); its
// task/fetch invoke is answered with Teams' "continue" response naming the tab page, a dialog the
// bot does not know (or a conference id that is not an id) is refused with a message dialog, and
// task/submit closes the dialog. Nothing is keyed or stored for either: they change nothing.
jest.setTimeout(120_000);

import { CARD_DIALOGS } from '../../bot/cards/card-dialogs';
import { render as renderDecision } from '../../bot/cards/decision/decision.view-model';
import { render as renderInviteList } from '../../bot/cards/invite-list/invite-list.view-model';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { CARD_SAMPLES } from '../cards/card-samples';
import { FakeMailer, FakeMeetings } from '../invitations/booking-fakes';
import { CLERK, conference } from '../invite-list/support/invite-kit';
import { messageActivity, TENANT } from '../http/support/activities';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { type TestServer, startTestServer } from '../http/support/test-server';
import { StaticDirectory } from '../support/static-directory';

const PUBLIC = 'http://127.0.0.1:7443';
let connector: ConnectorStub;
let bot: TestServer;
const from = { id: '29:user-clerk', aadObjectId: CLERK.id, name: 'Clerk' };

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startTestServer({ env: { PUBLIC_BASE_URL: PUBLIC }, deps: { directory: new StaticDirectory(), graph: { meetings: new FakeMeetings(), mailer: new FakeMailer() } } });
  await new SqlConferenceStore(bot.db).create(conference('conf-dialog'));
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

type Node = { type?: string; title?: string; verb?: string; data?: unknown };
function actionsOf(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) actionsOf(n, out);
  else if (node && typeof node === 'object') {
    const n = node as Node & Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) out.push(n);
    for (const [k, v] of Object.entries(n)) if (k !== 'fallback') actionsOf(v, out);
  }
  return out;
}
const dialogButtons = (card: unknown) => actionsOf(card).filter((a) => a.type === 'Action.Submit' && (a.data as { msteams?: { type?: string } } | undefined)?.msteams?.type === 'task/fetch');

let activityCounter = 0;
function invoke(name: string, value: unknown) {
  activityCounter += 1;
  return {
    type: 'invoke',
    name,
    id: `dialog-${activityCounter}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from,
    recipient: { id: '28:bot-local', name: 'Conference Bot' },
    conversation: { id: 'a:personal-chat-dialog', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value,
  };
}
const taskFetch = (data: unknown) => bot.post('/api/messages', invoke('task/fetch', { data, context: { theme: 'default' } }));

describe('the dialog buttons on the cards', () => {
  it('the invite list card in chat has "Open the full form" for this conference', async () => {
    const caseReference = conference('conf-dialog').caseReference;
    await bot.post('/api/messages', { ...messageActivity(`invite ${caseReference}`, { serviceUrl: connector.url }), from });
    const [reply] = await connector.waitFor(1);
    const card = (reply!.body.attachments as { content: unknown }[])[0]!.content;
    expect(dialogButtons(card)).toEqual([{ type: 'Action.Submit', title: 'Open the full form', data: { msteams: { type: 'task/fetch' }, dialog: 'invite-list', conferenceId: 'conf-dialog' } }]);
  });

  it('the decision card has it while the decision is not recorded, and not once it is', () => {
    const sample = CARD_SAMPLES.decision!.viewModel as Parameters<typeof renderDecision>[0];
    expect(dialogButtons(renderDecision(sample)).map((a) => a.data)).toEqual([{ msteams: { type: 'task/fetch' }, dialog: 'decision', conferenceId: sample.conferenceId }]);
    expect(dialogButtons(renderDecision({ ...sample, recorded: true }))).toEqual([]);
    const list = CARD_SAMPLES['invite-list']!.viewModel as Parameters<typeof renderInviteList>[0];
    expect(dialogButtons(renderInviteList(list))).toHaveLength(1);
  });
});

describe('task/fetch', () => {
  it.each(Object.entries(CARD_DIALOGS))('opens the %s page in a large dialog', async (dialog, spec) => {
    const res = await taskFetch({ msteams: { type: 'task/fetch' }, dialog, conferenceId: 'conf-dialog' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      task: { type: 'continue', value: { url: `${PUBLIC}${spec.page}?conference=conf-dialog`, fallbackUrl: `${PUBLIC}${spec.page}?conference=conf-dialog`, title: spec.title, width: 'large', height: 'large' } },
    });
  });

  it.each([
    ['an unknown dialog', { dialog: 'delete-everything', conferenceId: 'conf-dialog' }],
    ['an inherited property name', { dialog: 'constructor', conferenceId: 'conf-dialog' }],
    ['a conference id that is not an id', { dialog: 'invite-list', conferenceId: '../../api/v1/me?x=' }],
    ['no conference', { dialog: 'invite-list' }],
    ['no data at all', undefined],
  ])('refuses %s with a message dialog, HTTP 200, and says why in words', async (_what, data) => {
    const res = await taskFetch(data);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ task: { type: 'message', value: 'This form cannot be opened (the card may be from an older version). Say "help" to start again.' } });
  });

  it('logs the outcome code only, never the conference id', async () => {
    const before = bot.logs.length;
    await taskFetch({ dialog: 'nope', conferenceId: 'conf-secret-id' });
    const lines = bot.logs.slice(before).filter((l) => l.includes('/api/messages'));
    expect(lines.some((l) => l.includes('CARD.UNKNOWN_DIALOG'))).toBe(true);
    expect(bot.logs.slice(before).join('\n')).not.toContain('conf-secret-id');
  });

  it('a redelivery (same activity id) is answered again, not from a stored answer', async () => {
    const activity = invoke('task/fetch', { data: { dialog: 'invite-list', conferenceId: 'conf-dialog' } });
    const first = await bot.post('/api/messages', activity);
    const again = await bot.post('/api/messages', activity);
    expect(again.json).toEqual(first.json);
    const stored = await bot.db.query<{ n: number }>("SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'activity:a:personal-chat-dialog:%'");
    expect(stored.rows[0]!.n).toBe(0);
  });
});

describe('task/submit', () => {
  it('closes the dialog: HTTP 200 with no task', async () => {
    const res = await bot.post('/api/messages', invoke('task/submit', { data: { done: true } }));
    expect(res.status).toBe(200);
    expect(res.json).toBeNull();
  });
});
