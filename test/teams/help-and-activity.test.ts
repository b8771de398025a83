// Unit checks of the pieces between an activity and the app: mention stripping, the help
// trigger, invoke answers, tenant and idempotency keys, and the rendered help card.
import { chatResponder } from '../../bot/app/chat/chat-commands';
import { HELP_POINTER, helpCard, isHelpRequest } from '../../bot/app/help/help';
import { activityTenantId, idempotencyKey, inboundActivitySchema, isKeyedAsCardPress } from '../../bot/adapters/teams/activity-schema';
import { cardActionKey } from '../../bot/adapters/teams/card-action-router';
import { messageText, toInvokeBody } from '../../bot/adapters/teams/conference-bot';
import { render as renderHelpCard } from '../../bot/cards/help/help.view-model';

const BOT = { id: '28:bot', name: 'Conference Bot' };

describe('messageText', () => {
  it('removes the bot mention in a group chat', () => {
    const activity = {
      type: 'message', text: '<at>Conference Bot</at> help', recipient: BOT,
      entities: [{ type: 'mention', text: '<at>Conference Bot</at>', mentioned: BOT }],
    };
    expect(messageText(activity as never)).toBe('help');
  });

  it('removes <at> markup even without a mention entity, and &nbsp;', () => {
    expect(messageText({ type: 'message', text: '<at>Bot</at>&nbsp;Help', recipient: BOT } as never)).toBe('Help');
  });

  it('keeps text with no mention as it is (trimmed)', () => {
    expect(messageText({ type: 'message', text: '  what can you do ', recipient: BOT } as never)).toBe('what can you do');
  });
});

describe('isHelpRequest', () => {
  it.each(['help', 'HELP', 'Help!', ' help? ', 'help.'])('%p is a help request', (t) => expect(isHelpRequest(t)).toBe(true));
  it.each(['helpful', 'help me book', 'no help', '', 'hel p'])('%p is not', (t) => expect(isHelpRequest(t)).toBe(false));

  it('unknown text gets the pointer to help', async () => {
    const respond = chatResponder([]);
    const actor = { id: 'teams-user', tenantId: null, conversationId: 'c1' };
    await expect(respond({ text: 'schedule the review', actor })).resolves.toEqual({ kind: 'text', text: HELP_POINTER });
  });
});

describe('the help card', () => {
  it('is an Adaptive Card 1.5 listing the capabilities with an Action.Execute and Submit fallback', () => {
    const card = helpCard('action-123') as unknown as {
      version: string;
      body: { type: string; text?: string; items?: { columns: { items: { text: string }[] }[] }[] }[];
      actions: { type: string; verb: string; data: { actionId: string }; fallback: { type: string; data: { verb: string } } }[];
    };
    expect(card.version).toBe('1.5');
    const headings = card.body[2]!.items!.map((row) => row.columns[0]!.items[0]!.text);
    expect(headings).toEqual(['Book a conference', 'Create a locked-down meeting', 'Invite and confirm attendance', 'Run the conference', 'Record the decision', 'Afterwards']);
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'help.show', data: { actionId: 'action-123' }, fallback: { type: 'Action.Submit', data: { verb: 'help.show' } } });
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('treats view-model text as data, not template source', () => {
    // Template expressions typed by a user, e.g. ${footer}, built here without a template literal.
    const expr = (name: string) => ['$', '{', name, '}'].join('');
    const card = renderHelpCard({ title: expr('footer'), intro: 'i', capabilities: [{ heading: expr('title'), description: 'd', status: 's' }], footer: 'SECRET', refreshTitle: 'r', showVerb: 'help.show', actionId: 'a' });
    expect((card.body as { text?: string }[])[0]!.text).toBe(expr('footer'));
    expect(JSON.stringify(card)).toContain(`"${expr('title')}"`);
  });
});

describe('toInvokeBody', () => {
  it('maps outcomes to Teams universal-action answers, errors through the code table', () => {
    expect(toInvokeBody({ kind: 'card', card: { type: 'AdaptiveCard', version: '1.5' } })).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    expect(toInvokeBody({ kind: 'message', text: 'Saved' })).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Saved' });
    expect(toInvokeBody({ kind: 'error', code: 'INVITEE.EXISTS' })).toEqual({
      statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'INVITEE.EXISTS', message: 'This person is already invited to the conference.' },
    });
    expect(toInvokeBody({ kind: 'error', code: 'STORE.VERSION_CONFLICT' })).toMatchObject({
      statusCode: 412, type: 'application/vnd.microsoft.error.preconditionFailed', value: { code: 'STORE.VERSION_CONFLICT' },
    });
    expect(toInvokeBody({ kind: 'error', code: 'GRAPH.UNAVAILABLE' })).toMatchObject({ statusCode: 500, type: 'application/vnd.microsoft.error' });
  });
});

describe('activity keys', () => {
  const base = { type: 'message', id: 'm1', channelId: 'msteams', serviceUrl: 'https://smba.example/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c1' } };
  const parse = (o: unknown) => inboundActivitySchema.parse(o);

  it('keys every activity by conversation and activity id (redelivery)', () => {
    expect(idempotencyKey(parse(base))).toBe('activity:c1:m1');
    expect(idempotencyKey(parse({ ...base, id: undefined }))).toBeNull();
    const invoke = { ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'v', data: { actionId: 'card-9' } } } };
    expect(idempotencyKey(parse(invoke))).toBe('activity:c1:m1');
  });

  it('leaves an Action.Execute with an actionId to its press key alone (a Submit keeps its activity key too)', () => {
    const invoke = { ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'v', data: { actionId: 'card-9' } } } };
    expect(isKeyedAsCardPress(parse(invoke))).toBe(true);
    expect(isKeyedAsCardPress(parse({ ...invoke, value: { action: { type: 'Action.Execute', verb: 'v', data: {} } } }))).toBe(false);
    expect(isKeyedAsCardPress(parse({ ...base, value: { verb: 'v', actionId: 'card-9' } }))).toBe(false);
  });

  it('keys a card press by conversation, verb, person and card, with no part running into the next', () => {
    const press = { conversationId: '19:meeting_x@thread.v2', verb: 'help.show', actorId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', actionId: 'card-9' };
    expect(cardActionKey(press)).toBe('card:19%3Ameeting_x%40thread.v2:help.show:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee:card-9');
    expect(cardActionKey({ ...press, actorId: '29:user-jordan' })).not.toBe(cardActionKey(press));
    expect(cardActionKey({ ...press, verb: 'other.verb' })).not.toBe(cardActionKey(press));
    // A ':' in one part cannot imitate another split.
    expect(cardActionKey({ ...press, actorId: '29:a', actionId: 'b' })).not.toBe(cardActionKey({ ...press, actorId: '29', actionId: 'a:b' }));
  });

  it('reads the tenant from channelData or the conversation, and distrusts a mismatch', () => {
    expect(activityTenantId(parse({ ...base, channelData: { tenant: { id: 't1' } } }))).toBe('t1');
    expect(activityTenantId(parse({ ...base, conversation: { id: 'c1', tenantId: 't2' } }))).toBe('t2');
    expect(activityTenantId(parse({ ...base, conversation: { id: 'c1', tenantId: 't2' }, channelData: { tenant: { id: 't1' } } }))).toBeNull();
    expect(activityTenantId(parse(base))).toBeNull();
  });
});
