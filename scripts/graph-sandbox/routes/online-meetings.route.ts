// /users/{id}/onlineMeetings: list by $filter=JoinWebUrl eq '…', get, patch (options stored exactly
// as given). App-only calls need the organizer's application access policy (optional Teams rule).
import { randomInt } from 'node:crypto';
import {
  type GraphReply,
  type GraphRequest,
  JSON_CONTENT_TYPE,
  preferences,
  requireAccessPolicy,
  requireObjectBody,
  requireRole,
  type SandboxEnv,
  type SandboxUser,
} from '../graph-context';
import { badRequest, GraphError, methodNotAllowed, notFound } from '../graph-errors';
import { applySelect, maskEvolvable, validateBody } from '../graph-metadata';
import { newMeeting, normalizeJoinUrl } from '../graph-values';
import type { StoredEvent, StoredMeeting } from '../sandbox-store';

const READ_ONLY = ['id', 'joinWebUrl', 'creationDateTime', 'chatInfo', 'joinInformation', 'videoTeleconferenceId', 'audioConferencing', 'meetingOptionsWebUrl', 'attendeeReport', 'externalId'];

export async function handleOnlineMeetings(env: SandboxEnv, req: GraphRequest, user: SandboxUser, rest: string[]): Promise<GraphReply> {
  const [meetingId, ...extra] = rest;
  if (extra.length > 0) throw badRequest(`Resource not found for the segment '${extra[0]}'.`);
  if (req.method === 'GET') requireRole(req, ['OnlineMeetings.ReadWrite.All', 'OnlineMeetings.Read.All'], 'teams');
  else if (req.method === 'PATCH' || req.method === 'POST') requireRole(req, ['OnlineMeetings.ReadWrite.All'], 'teams');
  else throw methodNotAllowed(req.method);

  if (meetingId === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    requireAccessPolicy(user, req, 'Get');
    return listByJoinUrl(env, req, user);
  }
  if (req.method === 'POST') throw methodNotAllowed(req.method);
  requireAccessPolicy(user, req, req.method === 'GET' ? 'Get' : 'Update');
  const meeting = await env.store.getMeeting(user.key, meetingId);
  if (!meeting) throw notFound(`Meeting '${meetingId}' was not found for user ${user.oid}.`);
  if (req.method === 'GET') {
    const body = applySelect(meetingResource(env, req, user, meeting), req.query.get('$select'), 'onlineMeeting', 'RequestBroker--ParseUri');
    return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body };
  }
  return patchMeeting(env, req, user, meeting);
}

async function listByJoinUrl(env: SandboxEnv, req: GraphRequest, user: SandboxUser): Promise<GraphReply> {
  const filter = req.query.get('$filter');
  if (filter === null) throw badRequest("Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'.");
  const m = /^\s*joinWebUrl\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m) throw badRequest(`Invalid filter clause: only JoinWebUrl eq '{joinWebUrl}' is supported. Received: ${filter}`);
  const wanted = normalizeJoinUrl(m[1]!.replace(/''/g, "'"));
  const all = await env.store.listMeetings(user.key);
  const found = all.filter((x) => normalizeJoinUrl(String(x.body.joinWebUrl)) === wanted);
  return {
    status: 200,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: {
      '@odata.context': `${env.graphUrl}/$metadata#users('${user.key}')/onlineMeetings`,
      value: found.map((x) => strip(meetingResource(env, req, user, x))),
    },
  };
}

const strip = (o: Record<string, unknown>) => {
  const { '@odata.context': _ctx, ...rest } = o;
  return rest;
};

async function patchMeeting(env: SandboxEnv, req: GraphRequest, user: SandboxUser, meeting: StoredMeeting): Promise<GraphReply> {
  const patch = requireObjectBody(req.body, 'BadRequest');
  validateBody(patch, 'onlineMeeting', { includeUnknownEnumMembers: preferences(req.headers).includeUnknownEnumMembers, code: 'BadRequest' });
  for (const key of READ_ONLY) {
    if (key in patch) throw new GraphError(400, 'BadRequest', `The property '${key}' is read-only and cannot be updated.`);
  }
  // Exactly as given: each property in the body replaces the stored value, nested objects whole.
  const next = { ...meeting.body, ...patch };
  delete next['@odata.type'];
  await env.store.updateMeeting(meeting.id, next, env.now().toISOString());
  return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: meetingResource(env, req, user, { ...meeting, body: next }) };
}

function meetingResource(env: SandboxEnv, req: GraphRequest, user: SandboxUser, m: StoredMeeting): Record<string, unknown> {
  const include = preferences(req.headers).includeUnknownEnumMembers;
  return { '@odata.context': `${env.graphUrl}/$metadata#users('${user.key}')/onlineMeetings/$entity`, ...maskEvolvable(m.body, 'onlineMeeting', include) };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** The meeting Teams makes for an event created with isOnlineMeeting + teamsForBusiness (tenant defaults). */
export async function createMeetingForEvent(env: SandboxEnv, user: SandboxUser, event: StoredEvent, startMs: number, endMs: number): Promise<StoredMeeting> {
  const { id, threadId, joinWebUrl } = newMeeting(env.tenantId, user.oid);
  const now = env.now().toISOString();
  const attendees = ((event.body.attendees ?? []) as { emailAddress?: { address?: string } }[]).map((a) => ({
    upn: a.emailAddress?.address ?? null,
    role: 'attendee',
    identity: { user: { id: null, displayName: null } },
  }));
  const body: Record<string, unknown> = {
    id,
    creationDateTime: now,
    startDateTime: iso(startMs),
    endDateTime: iso(endMs),
    joinWebUrl,
    subject: event.body.subject ?? null,
    isBroadcast: false,
    meetingTemplateId: null,
    externalId: null,
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowAttendeeToEnableMic: true,
    allowAttendeeToEnableCamera: true,
    allowMeetingChat: 'enabled',
    shareMeetingChatHistoryDefault: 'none',
    allowTeamworkReactions: true,
    allowRecording: true,
    allowTranscription: true,
    recordAutomatically: false,
    allowParticipantsToChangeName: false,
    allowWhiteboard: true,
    allowPowerPointSharing: true,
    allowBreakoutRooms: true,
    allowLiveShare: 'enabled',
    allowCopyingAndSharingMeetingContent: true,
    allowedLobbyAdmitters: 'organizerAndCoOrganizersAndPresenters',
    isEndToEndEncryptionEnabled: false,
    meetingType: null,
    watermarkProtection: null,
    chatRestrictions: null,
    sensitivityLabelAssignment: null,
    videoTeleconferenceId: null,
    audioConferencing: null,
    broadcastSettings: null,
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    joinMeetingIdSettings: { isPasscodeRequired: false, joinMeetingId: String(randomInt(100000, 999999)) + String(randomInt(100000, 999999)), passcode: null },
    chatInfo: { threadId, messageId: '0', replyChainMessageId: null },
    joinInformation: { content: `data:text/html,${encodeURIComponent(`<a href="${joinWebUrl}">Join the meeting now</a>`)}`, contentType: 'html' },
    participants: { organizer: { upn: user.mail, role: 'presenter', identity: { user: { id: user.oid, displayName: null } } }, attendees },
  };
  const meeting: StoredMeeting = { id, userKey: user.key, eventId: event.id, body };
  await env.store.insertMeeting(meeting, now);
  return meeting;
}

/** An event's new time and subject carry to its Teams meeting. */
export async function syncMeetingWithEvent(env: SandboxEnv, eventId: string, event: Record<string, unknown>, startMs: number, endMs: number): Promise<void> {
  const meeting = await env.store.getMeetingByEvent(eventId);
  if (!meeting) return;
  const next = { ...meeting.body, startDateTime: iso(startMs), endDateTime: iso(endMs), subject: event.subject ?? meeting.body.subject };
  await env.store.updateMeeting(meeting.id, next, env.now().toISOString());
}
