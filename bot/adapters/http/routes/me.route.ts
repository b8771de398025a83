// GET /api/v1/me: who the token says the caller is (ids only).
import { callerSchema } from '../../../app/api/caller.schema';
import { describeCaller } from '../../../app/api/describe-caller.use-case';
import { defineRoute } from './api-route';

export const meRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/me',
  operationId: 'getMe',
  summary: "The caller's object id, tenant id, roles and scopes, from the bearer token.",
  auth: 'bearer',
  response: callerSchema,
  errors: [],
  handle: ({ caller }) => describeCaller(caller),
});
