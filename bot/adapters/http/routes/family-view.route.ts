// GET /api/v1/family-view?token=: the family's page (/tab/family) reads the stage with the
// signed link from their invitation e-mail — no account, so auth none; the token is the access.
import { familyViewQuerySchema, familyViewSchema } from '../../../app/api/family-view.schema';
import { readFamilyView } from '../../../app/family/read-family-view.use-case';
import { defineRoute } from './api-route';

export const familyViewRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/family-view',
  operationId: 'getFamilyView',
  summary: "The family's page: the stage, their own join time and the date (signed link 'family-view'; nothing else).",
  auth: 'none',
  query: familyViewQuerySchema,
  response: familyViewSchema,
  errors: ['LINK.INVALID', 'LINK.EXPIRED', 'LINK.WRONG_PURPOSE', 'FAMILY_VIEW.NOT_INVITED', 'CONFERENCE.NOT_FOUND'],
  handle: ({ query }, { app }) => readFamilyView(app, query.token),
});
