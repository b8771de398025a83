// Activities as Teams sends them (invented people and ids only).
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const BOT_ID = '28:bot-local';

let counter = 0;
const nextId = () => `act-${Date.now()}-${++counter}`;

export interface ActivityOptions {
  serviceUrl: string;
  id?: string;
  conversationId?: string;
  tenantId?: string | null;
  conversationType?: 'personal' | 'groupChat';
  fromName?: string;
  /** The sender's Entra object id (default: an invented one outside the seeded directory). */
  aadObjectId?: string;
}

function base(o: ActivityOptions) {
  const tenantId = o.tenantId === undefined ? TENANT : o.tenantId;
  return {
    id: o.id ?? nextId(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: '2026-11-22T10:00:00.000Z',
    from: { id: '29:user-alex', aadObjectId: o.aadObjectId ?? 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', name: o.fromName ?? 'Alex Example' },
    recipient: { id: BOT_ID, name: 'Conference Bot' },
    conversation: { id: o.conversationId ?? 'a:personal-chat-1', conversationType: o.conversationType ?? 'personal', ...(tenantId ? { tenantId } : {}) },
    channelData: tenantId ? { tenant: { id: tenantId } } : {},
  };
}

export function messageActivity(text: string, o: ActivityOptions) {
  return { ...base(o), type: 'message', text, textFormat: 'plain', locale: 'en-GB' };
}

/** "@Conference Bot help" in a group chat or meeting. */
export function mentionActivity(text: string, o: ActivityOptions) {
  const mention = '<at>Conference Bot</at>';
  return {
    ...base({ ...o, conversationType: 'groupChat', conversationId: o.conversationId ?? '19:meeting_abc@thread.v2' }),
    type: 'message',
    text: `${mention} ${text}`,
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'Conference Bot' } }],
  };
}

export function cardActionInvoke(verb: string, data: Record<string, unknown>, o: ActivityOptions) {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A typeahead keystroke on a Data.Query picker (Teams' application/search invoke). */
export function searchInvoke(queryText: string, dataset: string, o: ActivityOptions, queryOptions: { skip?: number; top?: number } = { skip: 0, top: 15 }) {
  return { ...base(o), type: 'invoke', name: 'application/search', value: { queryText, queryOptions, dataset }, locale: 'en-GB' };
}
