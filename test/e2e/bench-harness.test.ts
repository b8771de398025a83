// The benchmark's load generator must send activities the product accepts, each with its own id
// (the product answers a repeated id from its idempotency record, which would skew the figures).
import { idempotencyKey, inboundActivitySchema } from '../../bot/adapters/teams/activity-schema';
import { benchActivity } from '../../scripts/bench/load';
import { bucketOf } from '../../scripts/bench/summarize-profile';

describe('bench activities', () => {
  it.each(['message', 'invoke'] as const)('%s activities parse as inbound activities with unique idempotency keys', (kind) => {
    const activities = Array.from({ length: 200 }, (_, i) => benchActivity(kind, 'http://127.0.0.1:9', 'help', i % 50));
    const keys = activities.map((a) => {
      const parsed = inboundActivitySchema.parse(a);
      expect(parsed.serviceUrl).toBe('http://127.0.0.1:9');
      return idempotencyKey(parsed);
    });
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(200);
  });

  it('builds a Teams message and an Action.Execute invoke', () => {
    expect(benchActivity('message', 'http://127.0.0.1:9', 'help', 3)).toMatchObject({
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      conversation: { id: 'a:bench-conversation-3', conversationType: 'personal' },
    });
    expect(benchActivity('invoke', 'http://127.0.0.1:9', 'help', 3)).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'help.show' } },
    });
  });
});

describe('summarize-profile bucketOf', () => {
  it.each([
    ['file:///work/main/node_modules/@electric-sql/pglite/dist/index.cjs', 'f', '@electric-sql/pglite'],
    ['file:///work/main/node_modules/restify/lib/server.js', 'f', 'restify'],
    ['file:///work/main/bot/adapters/store/sql-idempotency.store.ts', 'f', 'bot/adapters/store'],
    ['node:internal/streams/writable', 'f', 'node core'],
    ['', '(garbage collector)', '((garbage collector))'],
  ])('%s (function %s) → %s', (url, fn, bucket) => {
    expect(bucketOf(url, fn)).toBe(bucket);
  });
});
