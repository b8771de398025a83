// GET /api/v1/people: directory search ('people.search'; the caller must be in the directory).
import { peopleQuerySchema, peopleResponseSchema } from '../../../app/api/people.schema';
import { searchPeople } from '../../../app/people/search-people';
import { defineRoute } from './api-route';

export const peopleRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/people',
  operationId: 'searchPeople',
  summary: 'Tenant staff and professionals whose name or e-mail address starts with `q` (Graph /users), with their product role from the staff roster.',
  auth: 'bearer',
  query: peopleQuerySchema,
  response: peopleResponseSchema,
  errors: ['ACCESS.UNKNOWN_PERSON', 'ACCESS.ROLE_NOT_ALLOWED', 'DIRECTORY.QUERY_INVALID', 'DIRECTORY.UNAVAILABLE'],
  handle: async ({ query, caller }, { app }) => {
    const people = await searchPeople(app, caller.objectId, query.q, query.top);
    return { people: people.map((p) => ({ id: p.id, displayName: p.displayName, email: p.email, jobTitle: p.jobTitle ?? null, agency: p.agency ?? null, role: p.role })) };
  },
});
