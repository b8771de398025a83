// Meetings port on Microsoft Graph v1.0: the organiser's calendar event (with a Teams meeting,
// attendees hidden, idempotent by transactionId) and the onlineMeeting's lock-down options.
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { Attendee, DateTimeTimeZone, Event, LobbyBypassScope, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  type CreatedMeetingEvent, type EventAttendee, type EventChange, type FoundOnlineMeeting, type MeetingEventInput, type MeetingOptions,
  type Meetings, MeetingsError, type ReadBackOptions,
} from '../../app/ports/meetings.port';
import { IdempotentRequest, TransportFailureProbe } from './graph-client.factory';
import { toMeetingsError } from './graph-errors';

const TIME_ZONE = 'Europe/London';
/** lobbyBypassScope members Graph only accepts with Prefer: include-unknown-enum-members. */
const EVOLVABLE_SCOPES = new Set(['invited', 'organizationExcludingGuests']);

const createdEventSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().url() }).nullable().optional(),
});
const meetingListSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), joinWebUrl: z.string().nullable().optional(), chatInfo: z.object({ threadId: z.string().min(1).nullable().optional() }).nullable().optional() })),
});
const optionsSchema = z.object({
  lobbyBypassSettings: z.unknown(), allowedLobbyAdmitters: z.unknown(), allowMeetingChat: z.unknown(), allowedPresenters: z.unknown(),
  allowRecording: z.unknown(), allowTranscription: z.unknown(), recordAutomatically: z.unknown(), isEntryExitAnnounced: z.unknown(),
  allowParticipantsToChangeName: z.unknown(), watermarkProtection: z.unknown(),
}).partial();

const seg = (value: string) => encodeURIComponent(value);
const londonTime = (local: string): DateTimeTimeZone => ({ dateTime: `${local}:00`, timeZone: TIME_ZONE });
const attendee = (a: EventAttendee): Attendee => ({ emailAddress: { address: a.email, name: a.name }, type: 'required' });

export class GraphMeetingsAdapter implements Meetings {
  constructor(
    private readonly client: Client,
    private readonly appId: string,
    /** Repeats of a cancel whose answer was lost (GRAPH_MAX_RETRIES). */
    private readonly lostAnswerRetries = 3,
  ) {}

  async createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent> {
    const body: Event = {
      subject: input.subject,
      body: { contentType: 'text', content: input.bodyText },
      start: londonTime(input.start),
      end: londonTime(input.end),
      attendees: input.attendees.map(attendee),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      hideAttendees: true,
      allowNewTimeProposals: false,
      responseRequested: true,
      transactionId: input.transactionId,
    };
    const path = `/users/${seg(input.organizerId)}/events`;
    const raw = await this.call('create the meeting event', input.organizerId, false, () =>
      this.client.api(path).middlewareOptions([new IdempotentRequest()]).post(body),
    );
    const created = parse(createdEventSchema, raw, 'event');
    let joinUrl = created.onlineMeeting?.joinUrl;
    if (!joinUrl) {
      // Exchange can fill the Teams details a moment after the create: read them once.
      const again = await this.call('read the meeting event', input.organizerId, false, () =>
        this.client.api(`${path}/${seg(created.id)}`).select(['id', 'onlineMeeting']).get(),
      );
      joinUrl = parse(createdEventSchema, again, 'event').onlineMeeting?.joinUrl;
    }
    if (!joinUrl) throw new MeetingsError('GRAPH.MEETING_NOT_FOUND', 'the event has no Teams join URL');
    return { eventId: created.id, joinUrl };
  }

  async findOnlineMeetingId(organizerId: string, joinUrl: string): Promise<FoundOnlineMeeting> {
    const filter = `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`;
    const raw = await this.call('find the online meeting', organizerId, true, () =>
      // The client puts $filter into the URL as given: encode it, so the join URL's own %xx survive.
      this.client.api(`/users/${seg(organizerId)}/onlineMeetings`).filter(encodeURIComponent(filter)).get(),
    );
    const found = parse(meetingListSchema, raw, 'onlineMeeting list').value[0];
    if (!found) throw new MeetingsError('GRAPH.MEETING_NOT_FOUND', 'no online meeting has the event join URL');
    const threadId = found.chatInfo?.threadId;
    return { id: found.id, ...(threadId ? { chatThreadId: threadId } : {}) };
  }

  async setMeetingOptions(organizerId: string, onlineMeetingId: string, options: MeetingOptions): Promise<void> {
    const body: OnlineMeeting = {
      lobbyBypassSettings: { scope: options.lobbyBypassSettings.scope as LobbyBypassScope, isDialInBypassEnabled: options.lobbyBypassSettings.isDialInBypassEnabled },
      allowedLobbyAdmitters: options.allowedLobbyAdmitters as OnlineMeeting['allowedLobbyAdmitters'],
      allowMeetingChat: options.allowMeetingChat as OnlineMeeting['allowMeetingChat'],
      allowedPresenters: options.allowedPresenters as OnlineMeeting['allowedPresenters'],
      allowRecording: options.allowRecording,
      allowTranscription: options.allowTranscription,
      recordAutomatically: options.recordAutomatically,
      isEntryExitAnnounced: options.isEntryExitAnnounced,
      allowParticipantsToChangeName: options.allowParticipantsToChangeName,
      ...(options.watermarkProtection ? { watermarkProtection: options.watermarkProtection } : {}),
    };
    let request = this.client.api(`/users/${seg(organizerId)}/onlineMeetings/${seg(onlineMeetingId)}`).middlewareOptions([new IdempotentRequest()]);
    if (EVOLVABLE_SCOPES.has(options.lobbyBypassSettings.scope)) request = request.header('Prefer', 'include-unknown-enum-members');
    await this.call('set the meeting options', organizerId, true, () => request.patch(body));
  }

  async getMeetingOptions(organizerId: string, onlineMeetingId: string): Promise<ReadBackOptions> {
    const raw = await this.call('read the meeting options', organizerId, true, () =>
      this.client.api(`/users/${seg(organizerId)}/onlineMeetings/${seg(onlineMeetingId)}`).header('Prefer', 'include-unknown-enum-members').get(),
    );
    return parse(optionsSchema, raw, 'onlineMeeting');
  }

  async updateEvent(organizerId: string, eventId: string, change: EventChange): Promise<void> {
    const body: Event = {};
    if (change.start) body.start = londonTime(change.start);
    if (change.end) body.end = londonTime(change.end);
    if (change.attendees) body.attendees = change.attendees.map(attendee);
    await this.call('update the meeting event', organizerId, false, () =>
      this.client.api(`/users/${seg(organizerId)}/events/${seg(eventId)}`).middlewareOptions([new IdempotentRequest()]).patch(body),
    );
  }

  async cancelEvent(organizerId: string, eventId: string, comment: string): Promise<'cancelled' | 'already-gone'> {
    // Graph moves a cancelled event to Deleted Items, where its id no longer resolves: a second
    // cancel is a 404 ErrorItemNotFound (docs: event-cancel; outlook-immutable-id). So a 404 is
    // "already gone", and after a lost answer (connection reset or timeout once the request was
    // written) a retry that meets the 404 means our first cancel took.
    const notFound = (err: unknown) => err instanceof GraphError && err.statusCode === 404;
    const fail = (err: unknown) => toMeetingsError(err, this.context('cancel the meeting event', organizerId, false));
    for (let attempt = 0; ; attempt++) {
      const probe = new TransportFailureProbe();
      try {
        await this.client.api(`/users/${seg(organizerId)}/events/${seg(eventId)}/cancel`).middlewareOptions([probe]).post({ comment });
        return 'cancelled';
      } catch (err) {
        if (notFound(err)) return attempt === 0 ? 'already-gone' : 'cancelled';
        // Not delivered, or out of retries: the caller's rerun asks again (and meets the 404).
        if (!probe.failure?.maybeDelivered && attempt === 0) throw fail(err);
        if (!probe.failure || attempt >= this.lostAnswerRetries) throw fail(err);
      }
    }
  }

  private context(what: string, organizerId: string, onlineMeetings: boolean) {
    return { what, appId: this.appId, organizerId, onlineMeetings };
  }

  private async call<T>(what: string, organizerId: string, onlineMeetings: boolean, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toMeetingsError(err, this.context(what, organizerId, onlineMeetings));
    }
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new MeetingsError('GRAPH.REJECTED', `unexpected ${what} response from Graph`);
  return r.data;
}
