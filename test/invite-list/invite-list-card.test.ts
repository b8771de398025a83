// The invite list card in chat over real HTTP: "invite <case reference>" shows the list with who
// is missing; adding one invitee with a mistake answers with the same card, the error beside its
// field and every value kept; a card showing an old version never overwrites a newer list.
// The machine is shared: starting a server can take a while under load.
jest.setTimeout(120_000);

import { cardActionInvoke, messageActivity } from '../http/support/activities';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { CLERK, conference, type InviteKit, startInviteKit } from './support/invite-kit';

let connector: ConnectorStub;
let kit: InviteKit;
const from = { id: '29:user-clerk', aadObjectId: CLERK.id, name: 'Clerk' };

beforeAll(async () => {
  connector = await startConnectorStub();
  kit = await startInviteKit();
  await kit.store.create(conference('conf-chat'));
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

type Node = { id?: string; type?: string; text?: string; value?: unknown; color?: string; verb?: string; data?: Record<string, unknown> };
function flatten(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) flatten(n, out);
  else if (node && typeof node === 'object') {
    out.push(node as Node);
    for (const [k, v] of Object.entries(node)) if (k !== 'fallback') flatten(v, out);
  }
  return out;
}
const press = async (verb: string, data: Record<string, unknown>) => (await kit.bot.post('/api/messages', { ...cardActionInvoke(verb, data, { serviceUrl: connector.url }), from })).json as { statusCode: number; value: unknown };

it('"invite <case reference>" answers with the list card: who is missing, the add form, the version', async () => {
  const caseReference = (await kit.store.get('conf-chat'))!.caseReference;
  await kit.bot.post('/api/messages', { ...messageActivity(`invite ${caseReference}`, { serviceUrl: connector.url }), from });
  const [reply] = await connector.waitFor(1);
  const card = (reply!.body.attachments as { content: unknown }[])[0]!.content;
  const nodes = flatten(card);
  expect(nodes.some((n) => n.text?.startsWith('Health is always invited'))).toBe(true);
  expect(nodes.some((n) => n.text?.startsWith('Police are always invited'))).toBe(true);
  expect(nodes.filter((n) => n.type?.startsWith('Input.')).map((n) => n.id)).toEqual(['role', 'audience', 'agency', 'displayName', 'email', 'phone', 'interpreterLanguage', 'ageBand', 'advocateOffered', 'policeCheckReason']);
  expect(nodes.find((n) => n.verb === 'invite-list.add')!.data).toMatchObject({ conferenceId: 'conf-chat', version: 1 });
  // Unknown references and bad input are answered in words.
  connector.calls.length = 0;
  await kit.bot.post('/api/messages', { ...messageActivity('invite CP-0000-0000', { serviceUrl: connector.url }), from });
  expect((await connector.waitFor(1))[0]!.body.text).toBe('This conference could not be found. It may have been closed or removed.');
});

it('a mistake is shown beside its field with the values kept; nothing is saved', async () => {
  const r = await press('invite-list.add', { conferenceId: 'conf-chat', version: 1, actionId: 'add-1', role: 'parent', displayName: 'Parent Example', email: 'parent at example', phone: '' });
  expect(r.statusCode).toBe(200);
  const nodes = flatten(r.value);
  expect(nodes.find((n) => n.id === 'email')!.value).toBe('parent at example');
  expect(nodes.find((n) => n.id === 'displayName')!.value).toBe('Parent Example');
  const errors = nodes.filter((n) => n.color === 'Attention').map((n) => n.text);
  expect(errors).toEqual(expect.arrayContaining(['This is not an e-mail address (for example name@council.gov.uk).', 'Enter a phone number: family members are invited by e-mail and phone.']));
  expect((await kit.store.get('conf-chat'))!.invitees).toHaveLength(2);
});

it('adds one invitee; a card still showing version 1 is answered with the current list and the entry kept', async () => {
  const ok = await press('invite-list.add', { conferenceId: 'conf-chat', version: 1, actionId: 'add-2', role: 'professional', agency: 'police', displayName: 'Officer Example', email: 'officer@force.example' });
  const nodes = flatten(ok.value);
  expect(nodes.some((n) => n.text === 'Officer Example')).toBe(true);
  expect(nodes.find((n) => n.verb === 'invite-list.add')!.data).toMatchObject({ version: 2 });
  expect(nodes.some((n) => n.text?.startsWith('Police are always invited'))).toBe(false);
  const stale = await press('invite-list.add', { conferenceId: 'conf-chat', version: 1, actionId: 'add-3', role: 'professional', agency: 'health', displayName: 'Nurse Example', email: 'nurse@nhs.example' });
  const staleNodes = flatten(stale.value);
  expect(staleNodes.some((n) => n.text?.startsWith('Someone changed the list since this card was shown'))).toBe(true);
  expect(staleNodes.find((n) => n.id === 'email')!.value).toBe('nurse@nhs.example');
  expect((await kit.store.get('conf-chat'))!.invitees).toHaveLength(3);
  // Remove, from the row's own button.
  const row = nodes.find((n) => n.verb === 'invite-list.remove' && n.data?.inviteeId !== 'inv-chair' && n.data?.inviteeId !== 'inv-sw')!;
  const removed = await press('invite-list.remove', { ...row.data });
  expect(flatten(removed.value).some((n) => n.text === 'Removed from the list.')).toBe(true);
  expect((await kit.store.get('conf-chat'))!.invitees).toHaveLength(2);
});
