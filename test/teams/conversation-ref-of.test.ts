// Which inbound activities record a person's 1:1 conversation for proactive cards, and which forget it.
import { conversationRefOf } from '../../bot/adapters/teams/teams-chat-notifier';

const person = '5eed0000-0000-4000-8000-000000000014';
const base = {
  type: 'message',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  channelId: 'msteams',
  from: { id: '29:user', aadObjectId: person },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:personal', conversationType: 'personal' },
};

it.each<[string, Record<string, unknown>, 'record' | 'forget' | null]>([
  ['a personal message', {}, 'record'],
  ['an installationUpdate add', { type: 'installationUpdate', action: 'add' }, 'record'],
  ['an installationUpdate remove', { type: 'installationUpdate', action: 'remove' }, 'forget'],
  ['a group chat message', { conversation: { id: '19:x@thread.v2', conversationType: 'groupChat' } }, null],
  ['a sender without an Entra id', { from: { id: '29:user' } }, null],
  ['an Entra id that is not a GUID', { from: { id: '29:user', aadObjectId: 'not-a-guid' } }, null],
])('%s', (_n, change, expected) => {
  const seen = conversationRefOf({ ...base, ...change } as Parameters<typeof conversationRefOf>[0], 'tenant-1');
  expect(seen === null ? null : seen.remove ? 'forget' : 'record').toBe(expected);
  if (expected === 'record') expect(seen!.ref).toEqual({ personId: person, conversationId: 'a:personal', serviceUrl: base.serviceUrl, tenantId: 'tenant-1', botId: '28:bot', channelId: 'msteams' });
});
