// The booking API: checks, conferences (create, read, reschedule), confirming the booking,
// stand-down and rebooking (docs/api.md "Booking"). Each route is one use-case call; the
// conference's `version` is its ETag and changes need it back as If-Match.
import { approvalSummary, conferenceSummary } from '../../../app/api/booking-api';
import {
  bookedConferenceSchema, bookingCheckResponseSchema, bookingRequestSchema, changedConferenceSchema, conferenceParamsSchema,
  conferenceReadingSchema, createdConferenceSchema, rebookedSchema, rebookRequestSchema, rescheduleRequestSchema,
  standDownRequestSchema, standDownResponseSchema,
} from '../../../app/api/booking.schema';
import { checkBooking } from '../../../app/booking/check-booking.use-case';
import { confirmBooking } from '../../../app/booking/confirm-booking.use-case';
import { createConference } from '../../../app/booking/create-conference.use-case';
import { readConference } from '../../../app/booking/read-conference.use-case';
import { rebookConference } from '../../../app/booking/rebook-conference.use-case';
import { rescheduleConference } from '../../../app/booking/reschedule-conference.use-case';
import { requestStandDown } from '../../../app/booking/stand-down.use-case';
import { BOOKING_RULE_CODES } from '../../../domain/booking/booking-rule-codes';
import type { ErrorCode } from '../../../app/errors/error-codes';
import { defineRoute } from './api-route';

const ACCESS: readonly ErrorCode[] = ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED'];
const ON_CONFERENCE: readonly ErrorCode[] = [...ACCESS, 'ACCESS.NOT_PART_OF_CONFERENCE', 'CONFERENCE.NOT_FOUND'];
const CHANGE: readonly ErrorCode[] = [...ON_CONFERENCE, 'API.VERSION_STALE', 'BOOKING.CONFERENCE_STOOD_DOWN', 'BOOKING.IN_PROGRESS', 'STORE.VERSION_CONFLICT'];
const GRAPH: readonly ErrorCode[] = ['GRAPH.UNAVAILABLE', 'GRAPH.THROTTLED', 'GRAPH.REJECTED', 'GRAPH.AUTH_FAILED'];

export const bookingCheckRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/booking-checks',
  operationId: 'checkBooking',
  summary: 'The statutory latest date, every derived deadline and the misses for a proposed booking, with field errors; saves nothing.',
  auth: 'bearer',
  body: bookingRequestSchema,
  response: bookingCheckResponseSchema,
  errors: ACCESS,
  handle: async ({ body, caller }, { app }) => {
    const r = await checkBooking(app, caller.objectId, body);
    return { ok: r.ok, fieldErrors: r.fieldErrors, answer: r.answer };
  },
});

export const createConferenceRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences',
  operationId: 'createConference',
  summary: 'Creates a draft conference from a booking request (clerk or social worker); a late date or a repeat plan waits for the named manager.',
  auth: 'bearer',
  body: bookingRequestSchema,
  response: createdConferenceSchema,
  status: 201,
  version: (a) => a.version,
  errors: [...ACCESS, ...BOOKING_RULE_CODES],
  handle: async ({ body, caller }, { app }) => {
    const r = await createConference(app, caller.objectId, body);
    return {
      conference: conferenceSummary(r.conference),
      version: r.conference.version,
      answer: r.answer,
      pendingApprovals: r.pendingApprovals.map(approvalSummary),
      approvalCardsSent: r.notices.filter((n) => n.sent).length,
    };
  },
});

export const getConferenceRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/conferences/:conferenceId',
  operationId: 'getConference',
  summary: 'One conference as the caller may see it; for staff also its deadlines, approvals and stand-down.',
  auth: 'bearer',
  params: conferenceParamsSchema,
  response: conferenceReadingSchema,
  version: (a) => a.version,
  errors: ON_CONFERENCE,
  handle: async ({ params, caller }, { app }) => {
    const r = await readConference(app, caller.objectId, params.conferenceId);
    return { conference: { ...r.view }, version: r.version, ...(r.staff && { deadlines: r.staff.deadlines, approvals: r.staff.approvals, ...(r.staff.standDown && { standDown: r.staff.standDown }), ...(r.staff.rebookingOf && { rebookingOf: r.staff.rebookingOf }) }) };
  },
});

export const rescheduleConferenceRoute = defineRoute({
  method: 'PATCH',
  path: '/api/v1/conferences/:conferenceId',
  operationId: 'rescheduleConference',
  summary: 'A new date and time, checked again against the statutory latest date; a booked meeting moves and each family member is told.',
  auth: 'bearer',
  params: conferenceParamsSchema,
  body: rescheduleRequestSchema,
  response: changedConferenceSchema,
  version: (a) => a.version,
  requiresIfMatch: true,
  errors: [...CHANGE, ...BOOKING_RULE_CODES, 'BOOKING.RESCHEDULE_PAST_LATEST', 'BOOKING.NOT_CHANGEABLE', ...GRAPH],
  handle: async ({ params, body, caller, ifMatch }, { app }) => {
    const r = await rescheduleConference(app, caller.objectId, params.conferenceId, body, ifMatch);
    return { conference: conferenceSummary(r.conference), version: r.conference.version, meetingUpdated: r.sync !== undefined, familyTold: r.sync?.family.sent ?? [] };
  },
});

export const confirmBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/booking',
  operationId: 'confirmBooking',
  summary: "Books the conference: the Teams meeting in the chair's calendar with the invitees, locked down and read back. Refused while an approval is pending.",
  auth: 'bearer',
  params: conferenceParamsSchema,
  response: bookedConferenceSchema,
  version: (a) => a.version,
  requiresIfMatch: true,
  errors: [...CHANGE, 'BOOKING.APPROVAL_PENDING', 'BOOKING.APPROVAL_REFUSED', 'BOOKING.NOT_CHANGEABLE', 'MEETING.NOT_BOOKABLE', ...GRAPH],
  handle: async ({ params, caller, ifMatch }, { app }) => {
    const r = await confirmBooking(app, caller.objectId, params.conferenceId, ifMatch);
    return { conference: conferenceSummary(r.conference), version: r.conference.version, optionsVerified: r.optionsVerified, optionMismatches: r.optionMismatches, familyHeld: r.familyHeld, family: r.family };
  },
});

export const standDownRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/stand-down',
  operationId: 'standDownConference',
  summary: "Asks the named safeguarding manager to approve a stand-down (reason and rationale); on approval the meeting is cancelled and everyone told. 202: it waits for the approval.",
  auth: 'bearer',
  params: conferenceParamsSchema,
  body: standDownRequestSchema,
  response: standDownResponseSchema,
  status: 202,
  version: (a) => a.version,
  requiresIfMatch: true,
  errors: [...CHANGE, 'BOOKING.STAND_DOWN_PENDING', 'BOOKING.RATIONALE_REQUIRED', 'BOOKING.PERSON_NOT_FOUND', 'BOOKING.MANAGER_NOT_SAFEGUARDING', 'MEETING.NOT_BOOKED', ...GRAPH],
  handle: async ({ params, body, caller, ifMatch }, { app }) => {
    const r = await requestStandDown(app, caller.objectId, params.conferenceId, body, ifMatch);
    if (r.kind === 'resumed') return { state: 'resumed' as const, conference: conferenceSummary(r.conference), version: r.conference.version };
    return {
      state: 'requested' as const,
      conference: conferenceSummary(r.conference),
      version: r.conference.version,
      approval: approvalSummary(r.approval),
      ...(r.conference.standDown?.reconveneBy && { reconveneBy: r.conference.standDown.reconveneBy }),
    };
  },
});

export const rebookRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/rebooking',
  operationId: 'rebookConference',
  summary: 'A new draft conference in place of a stood-down one; past the last date it waits for a named service manager.',
  auth: 'bearer',
  params: conferenceParamsSchema,
  body: rebookRequestSchema,
  response: rebookedSchema,
  status: 201,
  version: (a) => a.version,
  errors: [...ON_CONFERENCE, ...BOOKING_RULE_CODES, 'BOOKING.NOT_STOOD_DOWN', 'BOOKING.ALREADY_REBOOKED', 'STORE.VERSION_CONFLICT'],
  handle: async ({ params, body, caller }, { app }) => {
    const r = await rebookConference(app, caller.objectId, params.conferenceId, body);
    return {
      conference: conferenceSummary(r.conference),
      version: r.conference.version,
      original: { id: r.original.id, version: r.original.version },
      answer: r.answer,
      pendingApprovals: (r.conference.approvals ?? []).map(approvalSummary),
    };
  },
});
