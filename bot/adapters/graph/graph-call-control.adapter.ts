// CallControl on Microsoft Graph v1.0 cloud communications: the calling bot joins the meeting's
// call (POST /communications/calls with the meeting's chatInfo and its organizer, service-hosted
// media: the bot never handles audio), lists the participants and removes one. Application
// permission Calls.JoinGroupCall.All; removal also needs the tenant's
// Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds (a 403 otherwise).
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { type CallControl, CallControlError, type CallParticipant } from '../../app/ports/call-control.port';
import { TransportError } from './https-transport';
import { GraphAuthError } from './msal-token-provider';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const seg = (value: string) => encodeURIComponent(value);

const callSchema = z.object({ id: z.string().min(1) });
const participantsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      info: z.object({ identity: z.object({ user: z.object({ id: z.string().nullable().optional() }).nullable().optional() }).passthrough().nullable().optional() }).nullable().optional(),
      isInLobby: z.boolean().nullable().optional(),
    }),
  ),
});

/**
 * The join URL's parts Graph's join needs (Graph's own note on the call resource): the thread and
 * message ids from its path, the tenant and organizer (Tid, Oid) from its context parameter.
 */
export function meetingOfJoinUrl(joinUrl: string): { threadId: string; messageId: string; tenantId?: string; organizerId?: string } | null {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return null;
  }
  const m = /\/l\/meetup-join\/([^/]+)\/([^/?]+)/.exec(url.pathname);
  if (!m) return null;
  const threadId = decodeURIComponent(m[1]!);
  const messageId = decodeURIComponent(m[2]!);
  let context: { Tid?: unknown; Oid?: unknown } = {};
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '{}') as typeof context;
  } catch {
    context = {};
  }
  return {
    threadId,
    messageId,
    ...(typeof context.Tid === 'string' ? { tenantId: context.Tid } : {}),
    ...(typeof context.Oid === 'string' ? { organizerId: context.Oid } : {}),
  };
}

export class GraphCallControlAdapter implements CallControl {
  constructor(
    private readonly client: Client,
    /** Where Graph posts the call's notifications (https; the bot's calling webhook). */
    private readonly callbackUri: string,
  ) {}

  async joinMeeting(input: { joinUrl: string; chatThreadId: string; organizerId: string; tenantId: string }): Promise<string> {
    const parts = meetingOfJoinUrl(input.joinUrl);
    // The organizer must be an Entra object id: the join URL's Oid, or the conference's own if it is one.
    const organizerId = parts?.organizerId ?? (GUID.test(input.organizerId) ? input.organizerId : undefined);
    if (!organizerId) throw new CallControlError('GRAPH.REJECTED', 'the meeting organizer has no Entra object id to join with');
    const tenantId = input.tenantId || parts?.tenantId;
    if (!tenantId) throw new CallControlError('GRAPH.REJECTED', 'the meeting has no tenant id to join with');
    const body = {
      '@odata.type': '#microsoft.graph.call',
      callbackUri: this.callbackUri,
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: input.chatThreadId || parts?.threadId, messageId: parts?.messageId ?? '0' },
      meetingInfo: {
        '@odata.type': '#microsoft.graph.organizerMeetingInfo',
        organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: organizerId, tenantId } },
      },
      tenantId,
    };
    // Not idempotent in Graph: a retried join is a second bot in the call. The caller keeps the id.
    const raw = await this.call('join the meeting call', 'call', () => this.client.api('/communications/calls').post(body));
    const parsed = callSchema.safeParse(raw);
    if (!parsed.success) throw new CallControlError('GRAPH.REJECTED', 'unexpected call response from Graph');
    return parsed.data.id;
  }

  async listParticipants(callId: string): Promise<CallParticipant[]> {
    const raw = await this.call('list the call participants', 'call', () => this.client.api(`/communications/calls/${seg(callId)}/participants`).get());
    const parsed = participantsSchema.safeParse(raw);
    if (!parsed.success) throw new CallControlError('GRAPH.REJECTED', 'unexpected participants response from Graph');
    return parsed.data.value.map((p) => {
      const aadObjectId = p.info?.identity?.user?.id ?? undefined;
      return { id: p.id, ...(aadObjectId ? { aadObjectId } : {}), ...(typeof p.isInLobby === 'boolean' ? { isInLobby: p.isInLobby } : {}) };
    });
  }

  async removeParticipant(callId: string, participantId: string): Promise<void> {
    await this.call('remove the participant', 'participant', () => this.client.api(`/communications/calls/${seg(callId)}/participants/${seg(participantId)}`).delete());
  }

  private async call<T>(what: string, target: 'call' | 'participant', fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toCallControlError(err, what, target);
    }
  }
}

/** Graph's answers as the port's codes (like toMeetingsError): ids and statuses only in messages. */
export function toCallControlError(err: unknown, what: string, target: 'call' | 'participant'): unknown {
  if (err instanceof CallControlError) return err;
  if (err instanceof GraphAuthError) return new CallControlError('GRAPH.AUTH_FAILED', `${what}: no token from the identity platform`);
  if (err instanceof TransportError) return new CallControlError('GRAPH.UNAVAILABLE', `${what}: no answer from Graph`, { transport: err.code });
  if (err instanceof GraphError) {
    const status = err.statusCode;
    if (status <= 0 && err.code === 'GraphAuthError') return new CallControlError('GRAPH.AUTH_FAILED', `${what}: no token from the identity platform`);
    if (status <= 0) return new CallControlError('GRAPH.UNAVAILABLE', `${what}: no answer from Graph`, { transport: err.code ?? null });
    const details = { graphStatus: status, graphCode: err.code ?? null };
    const message = `${what}: Graph answered ${status}`;
    if (status === 401) return new CallControlError('GRAPH.AUTH_FAILED', message, details);
    // The permission or the tenant's AllowRemoveParticipantAppIds is missing.
    if (status === 403) return new CallControlError('CALL.NOT_ALLOWED', message, details);
    // A call that ended (or never was) vs a participant no longer in it.
    if (status === 404) return new CallControlError(target === 'call' ? 'CALL.NOT_JOINED' : 'CALL.PARTICIPANT_NOT_FOUND', message, details);
    if (status === 429) return new CallControlError('GRAPH.THROTTLED', `${what}: still throttled after retries`, details);
    if (status >= 500) return new CallControlError('GRAPH.UNAVAILABLE', message, details);
    return new CallControlError('GRAPH.REJECTED', message, details);
  }
  return err;
}
