// Posts an activity to the bot's /api/messages as the Teams channel does: JSON, and in the
// production configuration a signed channel→bot token (scripts/bench/production-auth.ts signs it;
// local mode has authentication off, like the Agents Playground, and takes none).
export interface PostedActivity {
  status: number;
  body: unknown;
  /** Epoch ms just before the request was sent. */
  sentAt: number;
}

export async function postActivity(botUrl: string, activity: Record<string, unknown>, token?: string): Promise<PostedActivity> {
  const sentAt = Date.now();
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body, sentAt };
}
