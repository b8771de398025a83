// GET /api/v1/me: who the token says the caller is (ids), and their role, agency and own name from
// the directory and staff roster (`staff`, null when not in the directory).
import { describeMe } from '../../../app/api/describe-caller.use-case';
import { meSchema } from '../../../app/api/me.schema';
import { defineRoute } from './api-route';

export const meRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/me',
  operationId: 'getMe',
  summary: "The caller's object id, tenant id, roles and scopes, from the bearer token; `staff`: their product role, agency and name (null when not in the directory).",
  auth: 'bearer',
  response: meSchema,
  errors: [],
  handle: ({ caller }, { app }) => describeMe(app, caller),
});
