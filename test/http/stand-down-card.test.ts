// "stand-down <case reference>" in chat, over real HTTP in local mode: the clerk gets the request
// card; pressing it without a reason or a manager is answered on the card (values kept, nothing
// recorded); with both, the named safeguarding manager gets the approval card and the stand-down
// waits for them. A professional is refused in words.
jest.setTimeout(120_000);

import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { bookedConference, CLERK, type InviteKit, POLICE, RecordingNotifier, SAFEGUARDING, startInviteKit } from '../invite-list/support/invite-kit';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';

type Node = Record<string, unknown>;
const notifier = new RecordingNotifier();
let kit: InviteKit;
let connector: ConnectorStub;

beforeAll(async () => {
  kit = await startInviteKit({ notifier });
  connector = await startConnectorStub();
  await kit.store.create(bookedConference('sd-1', { caseReference: 'MOS5550001' }));
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

const as = (p: { id: string }, activity: Node): Node => ({ ...activity, from: { id: `29:${p.id}`, aadObjectId: p.id, name: 'Invented Person' } });
const texts = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Node;
      if (o.type === 'TextBlock') out.push(String(o.text));
      for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
    }
  };
  walk(card);
  return out;
};
async function press(data: Node) {
  const res = await kit.bot.post('/api/messages', as(CLERK, cardActionInvoke('stand-down.request', { actionId: `sd-${Math.random()}`, conferenceId: 'sd-1', ...data }, { serviceUrl: connector.url })));
  expect(res.status).toBe(200);
  return (res.json as { value: Node }).value;
}

it('the clerk gets the stand-down card for the conference', async () => {
  await kit.bot.post('/api/messages', as(CLERK, messageActivity('stand-down MOS5550001', { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  const card = (reply!.body.attachments as { content: Node }[])[0]!.content;
  expect(texts(card)[0]).toBe('Stand down MOS5550001');
  connector.calls.length = 0;
});

it('a professional is refused in words', async () => {
  await kit.bot.post('/api/messages', as(POLICE, messageActivity('stand-down MOS5550001', { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  expect(reply!.body.attachments).toBeUndefined();
  expect(String(reply!.body.text)).toMatch(/could not be found|does not allow/);
  connector.calls.length = 0;
});

it('without a reason or a manager it is answered on the card, nothing recorded', async () => {
  expect(texts(await press({ rationale: 'The chair is ill' })).join(' ')).toContain('Choose the reason');
  expect(texts(await press({ reason: 'unforeseen', rationale: 'The chair is ill' })).join(' ')).toContain('Choose the safeguarding manager');
  expect(texts(await press({ reason: 'unforeseen', rationale: 'The chair is ill', managerId: seedPerson('team-manager').id })).join(' ')).toContain('Choose a safeguarding manager');
  expect((await kit.store.get('sd-1'))!.approvals ?? []).toEqual([]);
  expect(notifier.sent).toHaveLength(0);
});

it('with both, the safeguarding manager gets the approval card; nothing is cancelled yet', async () => {
  const card = await press({ reason: 'unforeseen', rationale: 'The chair is ill', managerId: SAFEGUARDING.id });
  expect(texts(card).join(' ')).toContain('Sent for approval.');
  const c = (await kit.store.get('sd-1'))!;
  expect(c.status).toBe('booked');
  expect(c.approvals).toEqual([expect.objectContaining({ kind: 'stand-down', approverId: SAFEGUARDING.id, status: 'pending' })]);
  expect(notifier.sent.map((s) => s.personId)).toEqual([SAFEGUARDING.id]);
  expect(texts(await press({ reason: 'unforeseen', rationale: 'Again', managerId: SAFEGUARDING.id })).join(' ')).toContain('already waiting for approval');
});
