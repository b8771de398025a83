// POST /api/v1/dev/sign-in (local mode only; not registered in production, so 404 there).
import { devSignInRequestSchema, devSignInResponseSchema } from '../../../app/api/dev-sign-in.schema';
import { defineRoute } from './api-route';

export const devSignInRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/dev/sign-in',
  operationId: 'devSignIn',
  summary: 'Local mode only: a bearer token for any object-id-shaped user id, signed by the launcher\'s key.',
  auth: 'none',
  body: devSignInRequestSchema,
  response: devSignInResponseSchema,
  errors: [],
  handle: ({ body }, { devTokens }) => {
    // Registered only when there is an issuer (apiRoutes); a defect otherwise, answered as 500.
    if (!devTokens) throw new Error('dev sign-in registered without a local key');
    return devTokens(body.userId);
  },
});
