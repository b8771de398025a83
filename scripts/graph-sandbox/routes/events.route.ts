// /users/{id}/events: create (transactionId idempotency, Teams meeting), get, patch, cancel.
// Exchange's side effects are modelled: each attendee's mailbox receives the request, update or
// cancellation, showing only themselves when hideAttendees is set.
import {
  actionParameters,
  type GraphReply,
  type GraphRequest,
  isEmail,
  JSON_CONTENT_TYPE,
  preferences,
  requireObjectBody,
  requireRole,
  resolveUser,
  type SandboxEnv,
  type SandboxUser,
} from '../graph-context';
import { GraphError, invalidRequest, itemNotFound, methodNotAllowed } from '../graph-errors';
import { applySelect, validateBody } from '../graph-metadata';
import { fromUtcMs, newChangeKey, newEventId, newICalUid, newMessageId, toUtcMs } from '../graph-values';
import type { StoredEvent } from '../sandbox-store';
import { createMeetingForEvent, syncMeetingWithEvent } from './online-meetings.route';

const OUTLOOK_CODE = 'RequestBodyRead';
/** Set by the service: accepted in a body (they are in the metadata) but ignored, as Outlook does. */
const READ_ONLY = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'webLink', 'onlineMeeting', 'isOrganizer', 'organizer',
  'seriesMasterId', 'type', 'isCancelled', 'onlineMeetingUrl', 'responseStatus', 'bodyPreview', 'hasAttachments', '@odata.type',
];

export async function handleEvents(env: SandboxEnv, req: GraphRequest, user: SandboxUser, rest: string[]): Promise<GraphReply> {
  requireRole(req, req.method === 'GET' ? ['Calendars.ReadWrite', 'Calendars.Read', 'Calendars.ReadBasic'] : ['Calendars.ReadWrite'], 'outlook');
  const [eventId, action, ...extra] = rest;
  if (eventId === undefined) {
    if (req.method === 'POST') return createEvent(env, req, user);
    throw methodNotAllowed(req.method);
  }
  if (extra.length > 0 || (action !== undefined && action !== 'cancel')) {
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${extra[0] ?? action}'.`);
  }
  if (action === 'cancel') {
    if (req.method !== 'POST') throw methodNotAllowed(req.method);
    return cancelEvent(env, req, user, eventId);
  }
  if (req.method === 'GET') return getEvent(env, req, user, eventId);
  if (req.method === 'PATCH') return patchEvent(env, req, user, eventId);
  throw methodNotAllowed(req.method);
}

function checkEventBody(body: Record<string, unknown>, req: GraphRequest): void {
  validateBody(body, 'event', { includeUnknownEnumMembers: preferences(req.headers).includeUnknownEnumMembers, code: OUTLOOK_CODE });
  const attendees = (body.attendees ?? []) as { emailAddress?: { address?: unknown } }[];
  for (const a of attendees) {
    if (!isEmail(a.emailAddress?.address)) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid. Each attendee needs emailAddress.address.');
  }
}

async function createEvent(env: SandboxEnv, req: GraphRequest, user: SandboxUser): Promise<GraphReply> {
  const body = requireObjectBody(req.body, OUTLOOK_CODE);
  checkEventBody(body, req);
  for (const required of ['subject', 'start', 'end']) {
    if (body[required] === undefined || body[required] === null) throw invalidRequest(`Your request can't be completed. The property '${required}' is required.`);
  }
  const startMs = toUtcMs(body.start as object, 'start');
  const endMs = toUtcMs(body.end as object, 'end');
  if (endMs < startMs) throw invalidRequest("Your request can't be completed. The end time must be later than the start time.");

  const now = env.now().toISOString();
  const id = newEventId();
  const online = body.isOnlineMeeting === true && (body.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
  const attendees = ((body.attendees ?? []) as Record<string, unknown>[]).map((a) => ({
    type: 'required',
    ...a,
    status: { response: 'none', time: '0001-01-01T00:00:00Z' },
  }));
  const event: Record<string, unknown> = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newChangeKey(),
    categories: [],
    transactionId: body.transactionId ?? null,
    originalStartTimeZone: (body.start as { timeZone: string }).timeZone,
    originalEndTimeZone: (body.end as { timeZone: string }).timeZone,
    iCalUId: newICalUid(),
    uid: undefined,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: body.subject,
    bodyPreview: typeof (body.body as { content?: unknown })?.content === 'string' ? String((body.body as { content: string }).content).slice(0, 255) : '',
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: online,
    onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    recurrence: null,
    onlineMeeting: null,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: [],
    organizer: { emailAddress: { name: user.displayName, address: user.mail } },
    ...stripUndefined(body),
    body: body.body ?? { contentType: 'html', content: '' },
    attendees,
    sequence: 0,
  };
  delete event.uid;
  const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
  const { event: stored, created } = await env.store.insertEvent({ id, userKey: user.key, body: event, cancelled: false }, transactionId, now);
  if (created) {
    if (online) {
      const meeting = await createMeetingForEvent(env, user, stored, startMs, endMs);
      stored.body.onlineMeeting = { joinUrl: meeting.body.joinWebUrl };
      await env.store.updateEvent(stored.id, stored.body, false, now);
    }
    await deliverToAttendees(env, user, stored.body, 'meetingRequest', (stored.body.attendees ?? []) as Attendee[]);
  }
  const location = `${env.graphUrl}/users('${user.key}')/events('${stored.id}')`;
  return { status: 201, headers: { 'Content-Type': JSON_CONTENT_TYPE, Location: location }, body: eventResource(env, req, user, stored) };
}

/**
 * Cancel moves the event to Deleted Items (Graph docs, event-cancel), and an Outlook item's
 * regular id changes when it moves to another folder (Graph docs, outlook-immutable-id): so the
 * old id no longer resolves — GET, PATCH and a second cancel answer 404 ErrorItemNotFound, as
 * reported for GET after cancel (microsoftgraph/microsoft-graph-docs issue 1332). The sandbox
 * keeps the row (isCancelled: true) for its own page and tests.
 */
async function loadEvent(env: SandboxEnv, user: SandboxUser, id: string): Promise<StoredEvent> {
  const e = await env.store.getEvent(user.key, id);
  if (!e || e.cancelled) throw itemNotFound();
  return e;
}

async function getEvent(env: SandboxEnv, req: GraphRequest, user: SandboxUser, id: string): Promise<GraphReply> {
  const e = await loadEvent(env, user, id);
  const body = applySelect(eventResource(env, req, user, e), req.query.get('$select'), 'event', 'RequestBroker--ParseUri');
  return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body };
}

async function patchEvent(env: SandboxEnv, req: GraphRequest, user: SandboxUser, id: string): Promise<GraphReply> {
  const patch = requireObjectBody(req.body, OUTLOOK_CODE);
  checkEventBody(patch, req);
  const e = await loadEvent(env, user, id);
  const next = { ...e.body, ...stripUndefined(patch) };
  if (patch.start !== undefined) next.originalStartTimeZone = (patch.start as { timeZone?: string })?.timeZone ?? next.originalStartTimeZone;
  if (patch.end !== undefined) next.originalEndTimeZone = (patch.end as { timeZone?: string })?.timeZone ?? next.originalEndTimeZone;
  const startMs = toUtcMs(next.start as object, 'start');
  const endMs = toUtcMs(next.end as object, 'end');
  if (endMs < startMs) throw invalidRequest("Your request can't be completed. The end time must be later than the start time.");

  const before = new Set(((e.body.attendees ?? []) as Attendee[]).map(addressOf));
  const after = ((next.attendees ?? []) as Attendee[]).map((a) => ({ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, ...a }));
  next.attendees = after;
  const meetingChanged = ['start', 'end', 'subject', 'body', 'location', 'locations'].some((k) => k in patch);
  next.sequence = Number(e.body.sequence ?? 0) + (meetingChanged ? 1 : 0);
  const now = env.now().toISOString();
  next.lastModifiedDateTime = now;
  next.changeKey = newChangeKey();
  await env.store.updateEvent(e.id, next, false, now);
  await syncMeetingWithEvent(env, e.id, next, startMs, endMs);

  const added = after.filter((a) => !before.has(addressOf(a)));
  const kept = after.filter((a) => before.has(addressOf(a)));
  const removedAddresses = [...before].filter((addr) => !after.some((a) => addressOf(a) === addr));
  await deliverToAttendees(env, user, next, 'meetingRequest', added);
  if (meetingChanged) await deliverToAttendees(env, user, next, 'meetingUpdate', kept);
  await deliverToAttendees(env, user, next, 'meetingCancel', removedAddresses.map((address) => ({ emailAddress: { address } })));
  return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: eventResource(env, req, user, { ...e, body: next }) };
}

async function cancelEvent(env: SandboxEnv, req: GraphRequest, user: SandboxUser, id: string): Promise<GraphReply> {
  const body = req.body === undefined ? {} : actionParameters(requireObjectBody(req.body, OUTLOOK_CODE), ['comment'], 'cancel', OUTLOOK_CODE);
  if (body.comment !== undefined && typeof body.comment !== 'string') throw new GraphError(400, OUTLOOK_CODE, "Cannot convert a value to the expected type 'Edm.String'.");
  const e = await loadEvent(env, user, id);
  const now = env.now().toISOString();
  const next: Record<string, unknown> = { ...e.body, isCancelled: true, lastModifiedDateTime: now, sequence: Number(e.body.sequence ?? 0) + 1, cancelComment: body.comment ?? null };
  await env.store.updateEvent(e.id, next, true, now);
  await deliverToAttendees(env, user, next, 'meetingCancel', (next.attendees ?? []) as Attendee[]);
  return { status: 202, headers: {} };
}

type Attendee = { emailAddress?: { address?: string; name?: string } };
const addressOf = (a: Attendee) => String(a.emailAddress?.address ?? '').toLowerCase();

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && !READ_ONLY.includes(k)));
}

/** The event as Graph shows it: start/end in UTC unless Prefer: outlook.timezone="…" (Graph's own create sample uses that header). */
function eventResource(env: SandboxEnv, req: GraphRequest, user: SandboxUser, e: StoredEvent): Record<string, unknown> {
  const { sequence: _sequence, cancelComment: _comment, ...body } = e.body;
  const zone = preferences(req.headers).outlookTimeZone;
  const shape = (v: unknown) => fromUtcMs(toUtcMs(v as object, 'start'), zone ?? 'UTC');
  return {
    '@odata.context': `${env.graphUrl}/$metadata#users('${user.key}')/events/$entity`,
    '@odata.etag': `W/"${String(body.changeKey)}"`,
    ...body,
    start: shape(body.start),
    end: shape(body.end),
  };
}

/** Exchange sends meeting requests, updates and cancellations; the sandbox files them in each mailbox. */
async function deliverToAttendees(env: SandboxEnv, organizer: SandboxUser, event: Record<string, unknown>, kind: string, attendees: Attendee[]): Promise<void> {
  const method = kind === 'meetingCancel' ? 'CANCEL' : 'REQUEST';
  const start = event.start as { dateTime: string; timeZone: string };
  const prefix = kind === 'meetingCancel' ? 'Canceled: ' : kind === 'meetingUpdate' ? 'Updated: ' : '';
  const now = env.now().toISOString();
  for (const a of attendees) {
    const address = addressOf(a);
    if (!address) continue;
    const visible = event.hideAttendees === true ? [{ emailAddress: a.emailAddress }] : ((event.attendees ?? []) as Attendee[]);
    await env.store.insertMessage({
      id: newMessageId(),
      mailbox: resolveUser(env, address).mail,
      folder: 'inbox',
      kind,
      sender: organizer.mail,
      subject: `${prefix}${String(event.subject ?? '')}`,
      receivedAt: now,
      attachments: [
        {
          name: 'meeting.ics',
          contentType: 'text/calendar',
          ics: { method, sequence: String(event.sequence ?? 0), dtstart: `${start.dateTime} (${start.timeZone})`, summary: String(event.subject ?? '') },
        },
      ],
      body: { eventId: event.id, iCalUId: event.iCalUId, attendeesVisible: visible, comment: event.cancelComment ?? null, joinUrl: (event.onlineMeeting as { joinUrl?: string } | null)?.joinUrl ?? null },
    });
  }
}
