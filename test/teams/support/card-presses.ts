// Card presses as Teams sends them, for the card-action tests (invented people and ids only):
// the Action.Submit fallback (a message whose `value` is the action's data, no text) and a
// second person in the same chat.
import { type ActivityOptions, cardActionInvoke, messageActivity } from '../../http/support/activities';

export const JORDAN = { id: '29:user-jordan', aadObjectId: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff', name: 'Jordan Sample' };
/** The default sender of test/http/support/activities.ts. */
export const ALEX_OBJECT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

export function submitActivity(value: Record<string, unknown>, o: ActivityOptions) {
  const { text: _text, textFormat: _format, ...message } = messageActivity('', o);
  return { ...message, value };
}

/** The same press made by someone else (Jordan) in the same conversation. */
export function byJordan<T extends object>(activity: T): T {
  return { ...activity, from: JORDAN };
}

export function groupChat(serviceUrl: string, conversationId: string, id?: string): ActivityOptions {
  return { serviceUrl, conversationId, conversationType: 'groupChat', ...(id ? { id } : {}) };
}

export { cardActionInvoke };
