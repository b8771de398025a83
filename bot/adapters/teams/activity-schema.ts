// The shape an inbound activity must have before authentication or any handler sees it.
import { z } from 'zod';

const account = z.looseObject({ id: z.string().min(1), aadObjectId: z.string().optional() });

export const inboundActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional() }),
  from: account,
  recipient: account,
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().optional() }).optional() }).optional(),
});

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** Paths and zod's messages only: never the offending values, which may be personal data. */
export function describeActivityIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}

/**
 * Teams puts the tenant in channelData.tenant.id and conversation.tenantId. When both are given
 * and disagree the activity has no trustworthy tenant (null, so it is refused).
 */
export function activityTenantId(activity: InboundActivity): string | null {
  const fromChannelData = activity.channelData?.tenant?.id;
  const fromConversation = activity.conversation.tenantId;
  if (fromChannelData && fromConversation && fromChannelData !== fromConversation) return null;
  return fromChannelData ?? fromConversation ?? null;
}

/** Redelivery of one activity (the channel's retry) maps to one key. A card press has a key of
 *  its own, per person, verb and card (cardActionKey in card-action-router.ts). */
export function idempotencyKey(activity: InboundActivity): string | null {
  return activity.id ? `activity:${activity.conversation.id}:${activity.id}` : null;
}

/**
 * An Action.Execute carrying an actionId is answered from its press key alone: a redelivery has
 * the same verb, person and actionId, so the press key catches it too, and its answer is the
 * invoke response (no reply is sent). One claim per invoke instead of two. A Submit keeps its
 * activity key as well: its answer is a chat reply, which a redelivery must not post again.
 */
export function isKeyedAsCardPress(activity: InboundActivity): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const actionId = (activity as { value?: { action?: { data?: { actionId?: unknown } } } }).value?.action?.data?.actionId;
  return typeof actionId === 'string';
}

/**
 * A typeahead search (application/search) changes nothing, so it is not keyed: a redelivery
 * simply searches again, and its answer (people's names) is never stored with the keys. Opening
 * or closing a dialog (task/fetch, task/submit) changes nothing either: the page saves through the API.
 */
export function isReadOnlyInvoke(activity: InboundActivity): boolean {
  return activity.type === 'invoke' && (activity.name === 'application/search' || activity.name === 'task/fetch' || activity.name === 'task/submit');
}
