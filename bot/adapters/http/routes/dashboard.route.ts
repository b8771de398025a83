// The clerk's dashboard (docs/api.md "Dashboard"): conferences by date with their deadlines'
// statuses, and the same for one conference.
import { approvalSummary, conferenceSummary } from '../../../app/api/booking-api';
import { conferenceParamsSchema } from '../../../app/api/booking.schema';
import { conferenceListingSchema, conferenceListQuerySchema, conferenceListSchema } from '../../../app/api/dashboard.schema';
import { type ConferenceListing, conferenceDeadlineStatuses, listConferences } from '../../../app/booking/list-conferences.use-case';
import { defineRoute } from './api-route';

const listing = (l: ConferenceListing) => ({ conference: conferenceSummary(l.conference), version: l.conference.version, deadlines: l.deadlines, pendingApprovals: l.pendingApprovals.map(approvalSummary) });

export const listConferencesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/conferences',
  operationId: 'listConferences',
  summary: 'Conferences starting from `from` to `to` (at most 366 days; default today and the next 56 days) that the caller may read, by start, each with its deadlines and their status.',
  auth: 'bearer',
  query: conferenceListQuerySchema,
  response: conferenceListSchema,
  errors: ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED'],
  handle: async ({ query, caller }, { app }) => {
    const r = await listConferences(app, caller.objectId, query);
    return { from: r.from, to: r.to, today: r.today, conferences: r.conferences.map(listing) };
  },
});

export const conferenceDeadlinesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/conferences/:conferenceId/deadlines',
  operationId: 'getConferenceDeadlines',
  summary: "One conference's deadlines with their status (staff and managers).",
  auth: 'bearer',
  params: conferenceParamsSchema,
  response: conferenceListingSchema,
  version: (a) => a.version,
  errors: ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.NOT_PART_OF_CONFERENCE', 'CONFERENCE.NOT_FOUND'],
  handle: async ({ params, caller }, { app }) => listing(await conferenceDeadlineStatuses(app, caller.objectId, params.conferenceId)),
});

export const dashboardRoutes = [listConferencesRoute, conferenceDeadlinesRoute];
