// GET /api/v1/timescales: the statutory deadlines from anchors, for the deployment's profile.
import { statutoryTimescales } from '../../../app/api/timescales.use-case';
import { timescalesQuerySchema, timescalesResponseSchema } from '../../../app/api/timescales.schema';
import { defineRoute } from './api-route';

export const timescalesRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/timescales',
  operationId: 'getTimescales',
  summary: 'Every statutory deadline that follows from the anchors given (as `cpc timescales`, with the deployment profile).',
  auth: 'bearer',
  query: timescalesQuerySchema,
  response: timescalesResponseSchema,
  errors: ['TIMESCALES.NOT_COMPUTABLE'],
  handle: ({ query }, { profile, clock }) => statutoryTimescales(profile, query, clock.today()),
});
