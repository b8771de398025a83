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
  expect(nodes.filter((n) => n.type?.startsWith('Input.')).map((n) => n.id)).toEqual(['role', 'audience', 'agency', 'displayName', 'email', 'phone', 'interpreterLanguage', 'ageBand', 'advocateOffered', 'policeCheckReason', 'slotFrom', 'slotTo', 'exclusionFrom', 'exclusionTo', 'exclusionGrounds', 'notInvitedReason']);
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

describe('split attendance, an exclusion and a child not invited, on the card', () => {
  beforeAll(async () => {
    await kit.store.create(conference('conf-slots'));
  });
  const version = async () => (await kit.store.get('conf-slots'))!.inviteListVersion ?? 1;

  it('a time that is not one, or a slot without its end, is shown beside its field; nothing saved', async () => {
    const bad = flatten((await press('invite-list.add', { conferenceId: 'conf-slots', version: await version(), actionId: 'slot-bad-1', role: 'parent', displayName: 'Sam Example', email: 'sam@example.org', phone: '07700 900001', slotFrom: '25:00', slotTo: '11:30' })).value);
    expect(bad.find((n) => n.id === 'slotFrom')!.value).toBe('25:00');
    expect(bad.filter((n) => n.color === 'Attention').map((n) => n.text)).toContain('Give a time as HH:mm.');
    const half = flatten((await press('invite-list.add', { conferenceId: 'conf-slots', version: await version(), actionId: 'slot-bad-2', role: 'parent', displayName: 'Sam Example', email: 'sam@example.org', phone: '07700 900001', slotFrom: '11:00' })).value);
    expect(half.filter((n) => n.color === 'Attention').map((n) => n.text)).toContain('Give both the start and the end of the slot.');
    expect((await kit.store.get('conf-slots'))!.invitees).toHaveLength(2);
  });

  it('a father with his own slot and a part he must not hear is added with both, on the conference day', async () => {
    await press('invite-list.add', {
      conferenceId: 'conf-slots', version: await version(), actionId: 'slot-ok', role: 'parent', displayName: 'Sam Example', email: 'sam@example.org', phone: '07700 900001',
      slotFrom: '11:00', slotTo: '11:45', exclusionFrom: '11:15', exclusionTo: '11:30', exclusionGrounds: 'Live police investigation',
    });
    const sam = (await kit.store.get('conf-slots'))!.invitees.find((i) => i.email === 'sam@example.org')!;
    expect(sam.slot).toEqual({ from: '2027-03-01T11:00', to: '2027-03-01T11:45' });
    expect(sam.exclusions).toEqual([{ from: '2027-03-01T11:15', to: '2027-03-01T11:30', grounds: 'Live police investigation' }]);
  });

  it('a child over 12 is listed as not invited when the reason is recorded', async () => {
    await press('invite-list.add', {
      conferenceId: 'conf-slots', version: await version(), actionId: 'child-ok', role: 'child', displayName: 'Kim Example', email: 'kim@example.org', ageBand: 'over-12', advocateOffered: 'declined',
      notInvitedReason: 'Agreed by the chair and social worker: the child is in hospital',
    });
    const kim = (await kit.store.get('conf-slots'))!.invitees.find((i) => i.email === 'kim@example.org')!;
    expect(kim.notInvitedDecision).toMatchObject({ decidedBy: CLERK.id, reason: 'Agreed by the chair and social worker: the child is in hospital' });
    expect(kim.status).toBe('removed');
  });
});

