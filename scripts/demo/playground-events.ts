// Meeting events through the Agents Playground: its custom-activity API
// (POST /_internal/v1/customActivities, "Mock an activity" → custom activity in its UI) forwards
// the activity to the bot as it is given, the way the Playground delivers everything it sends.
// It answers before the bot has the activity, so the demo waits for the bot's own record of the
// turn: the idempotency key the endpoint completes for every activity id (with the answer it
// gave), in the product's database.
import type { Database } from '../../bot/adapters/store/database';

export interface RelayedActivity {
  /** The bot's answer to the activity, as its endpoint recorded it. */
  status: number;
}

export async function sendThroughPlayground(playgroundUrl: string, database: Database, activity: Record<string, unknown>, timeoutMs = 15_000): Promise<RelayedActivity> {
  const res = await fetch(`${playgroundUrl}/_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  if (!res.ok) throw new Error(`DEMO.PLAYGROUND_REFUSED: customActivities answered ${res.status}`);
  const key = `activity:${(activity.conversation as { id: string }).id}:${String(activity.id)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await database.query<{ state: string; response: { status?: number } | null }>('SELECT state, response FROM idempotency_keys WHERE key = $1', [key]);
    if (rows[0]?.state === 'done') return { status: rows[0].response?.status ?? 200 };
    if (Date.now() > deadline) throw new Error(`DEMO.EVENT_NOT_HANDLED: the bot did not finish ${String(activity.name)} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
