// POST /api/v1/dev/sign-in (local mode only; not registered in production, so 404 there).
import { devIdentitiesSchema } from '../../../app/api/dev-identities.schema';
import { listDevIdentities } from '../../../app/api/dev-identities.use-case';
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

/** Local mode only, beside the sign-in: who can be picked (the staff roster, names from the directory). */
export const devIdentitiesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/dev/identities',
  operationId: 'devIdentities',
  summary: 'Local mode only: the people the local sign-in offers (the staff roster, with names from the sandbox directory).',
  auth: 'none',
  response: devIdentitiesSchema,
  errors: ['DIRECTORY.UNAVAILABLE'],
  handle: (_input, { app }) => listDevIdentities(app),
});
