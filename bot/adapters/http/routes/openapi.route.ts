// GET /api/v1/openapi.json: the document of the routes this server registered (public).
import { z } from 'zod';
import { defineRoute } from './api-route';

export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This document: OpenAPI 3.1, generated from the routes\' schemas.',
  auth: 'none',
  response: z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document.' }),
  errors: [],
  handle: (_input, { openApi }) => openApi(),
});
