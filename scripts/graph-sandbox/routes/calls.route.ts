// /communications/calls: the calling bot joins a meeting's call (POST, service-hosted media only),
// lists its participants (GET …/participants) and removes one (DELETE …/participants/{id});
// GET and DELETE of the call itself (hang up). Bodies are checked against the v1.0 metadata like
// every other route, and what Graph refuses is refused: a join without chatInfo/meetingInfo, a
// meeting the tenant does not have, an organizer other than the meeting's, app-hosted media.
import { randomUUID } from 'node:crypto';
import { type GraphReply, type GraphRequest, JSON_CONTENT_TYPE, requireObjectBody, requireRole, type SandboxEnv } from '../graph-context';
import { badRequest, GraphError, methodNotAllowed, notFound, segmentNotFound } from '../graph-errors';
import { validateBody } from '../graph-metadata';
import type { CallParticipantRow } from '../sandbox-store';

/** Application permissions that let a bot join a group call (Graph's permission reference). */
const JOIN_ROLES = ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All'];

export async function handleCalls(env: SandboxEnv, req: GraphRequest, rest: string[]): Promise<GraphReply> {
  const [callId, participants, participantId, ...tail] = rest;
  if (tail.length > 0) throw segmentNotFound(tail[0]!);
  requireRole(req, JOIN_ROLES, 'teams');
  if (callId === undefined || callId === '') {
    if (req.method !== 'POST') throw methodNotAllowed(req.method);
    return createCall(env, req);
  }
  if (participants === undefined) {
    if (req.method === 'GET') return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: callResource(env, await liveCall(env, callId)) };
    if (req.method === 'DELETE') {
      await liveCall(env, callId);
      await env.store.endCall(callId, env.now().toISOString());
      return { status: 204, headers: {} };
    }
    throw methodNotAllowed(req.method);
  }
  if (participants !== 'participants') throw segmentNotFound(participants);
  if (participantId === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    await liveCall(env, callId);
    const value = (await env.store.presentCallParticipants(callId)).map(participantResource);
    return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: { '@odata.context': `${env.graphUrl}/$metadata#communications/calls('${callId}')/participants`, value } };
  }
  if (req.method !== 'DELETE') throw methodNotAllowed(req.method);
  // A call the sandbox made must still be live; a participant seeded on a bare call id (older tests) needs no call.
  const call = await env.store.getCall(callId);
  if (call?.endedAt) throw callNotFound(callId);
  const removed = await env.store.removeCallParticipant(callId, participantId, env.now().toISOString());
  if (!removed) throw new GraphError(404, 'NotFound', `Participant '${participantId}' was not found in call '${callId}'.`);
  return { status: 204, headers: {} };
}

const callNotFound = (callId: string) => notFound(`Call '${callId}' was not found.`);

async function liveCall(env: SandboxEnv, callId: string) {
  const call = await env.store.getCall(callId);
  if (!call || call.endedAt) throw callNotFound(callId);
  return call;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

async function createCall(env: SandboxEnv, req: GraphRequest): Promise<GraphReply> {
  const body = requireObjectBody(req.body, 'BadRequest');
  validateBody(body, 'call', { includeUnknownEnumMembers: false, code: 'BadRequest' });
  const callbackUri = str(body.callbackUri);
  if (!callbackUri) throw badRequest('callbackUri is required.');
  if (!/^https:\/\//i.test(callbackUri)) throw badRequest('callbackUri must be an https URI.');
  const modalities = body.requestedModalities;
  if (!Array.isArray(modalities) || modalities.length === 0) throw badRequest('requestedModalities must contain at least one modality.');
  const media = obj(body.mediaConfig);
  if (!media) throw badRequest('mediaConfig is required.');
  // App-hosted media needs Calls.AccessMedia.All and a media platform: the sandbox has neither.
  if (media['@odata.type'] !== '#microsoft.graph.serviceHostedMediaConfig') throw badRequest('The sandbox supports serviceHostedMediaConfig only.');
  const chatInfo = obj(body.chatInfo);
  const meetingInfo = obj(body.meetingInfo);
  // Without them Graph would start a new group call: the product only ever joins its meetings.
  if (!chatInfo || !meetingInfo) throw badRequest('chatInfo and meetingInfo are required to join a meeting (the sandbox does not create ad hoc group calls).');
  const threadId = str(chatInfo.threadId);
  if (!threadId) throw badRequest('chatInfo.threadId is required.');
  if (str(body.tenantId) && str(body.tenantId)!.toLowerCase() !== env.tenantId.toLowerCase()) {
    throw new GraphError(403, 'Forbidden', `Tenant '${str(body.tenantId)}' is not the tenant of the application.`);
  }
  const meeting = (await env.store.listAllMeetings()).find((m) => obj(m.body.chatInfo)?.threadId === threadId);
  if (!meeting) throw notFound(`No meeting has the chat thread '${threadId}'.`);
  if (meetingInfo['@odata.type'] !== '#microsoft.graph.organizerMeetingInfo') throw badRequest('meetingInfo must be an organizerMeetingInfo with the meeting organizer.');
  const organizerId = str(obj(obj(meetingInfo.organizer)?.user)?.id)?.toLowerCase();
  const meetingOrganizer = str(obj(obj(obj(obj(meeting.body.participants)?.organizer)?.identity)?.user)?.id);
  if (!organizerId || organizerId !== meetingOrganizer?.toLowerCase()) throw new GraphError(403, 'Forbidden', 'meetingInfo.organizer is not the organizer of this meeting.');

  const id = randomUUID();
  const now = env.now().toISOString();
  const { '@odata.type': _type, ...given } = body;
  const stored = { ...given, myParticipantId: randomUUID(), direction: 'outgoing' };
  await env.store.insertCall(id, threadId, stored, now);
  const call = (await env.store.getCall(id))!;
  return {
    status: 201,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, Location: `${env.graphUrl}/communications/calls/${id}` },
    body: { ...callResource(env, call), state: 'establishing' },
  };
}

function callResource(env: SandboxEnv, call: { id: string; body: Record<string, unknown> }): Record<string, unknown> {
  return {
    '@odata.context': `${env.graphUrl}/$metadata#communications/calls/$entity`,
    '@odata.type': '#microsoft.graph.call',
    id: call.id,
    state: 'established',
    ...call.body,
  };
}

function participantResource(p: CallParticipantRow): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.participant',
    id: p.participantId,
    // An anonymous joiner has no Entra user: nothing the product can match them by.
    info: { identity: p.aadObjectId ? { user: { id: p.aadObjectId, displayName: null } } : {} },
    isInLobby: p.isInLobby ?? false,
    isMuted: false,
    mediaStreams: [],
  };
}
