// The chair acknowledges a meeting alert (docs/meeting/roster-and-alerts.md): the same use case as the card's button.
import { acknowledgedAlertSchema, alertParamsSchema } from '../../../app/api/alerts.schema';
import { acknowledgeAlert } from '../../../app/meeting/live/acknowledge-alert.use-case';
import { type ApiRoute, defineRoute } from './api-route';

export const alertRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/conferences/:conferenceId/meeting/alerts/:alertId/ack',
    operationId: 'acknowledgeMeetingAlert',
    summary: 'The chair acknowledges a meeting alert: its repeats stop (it stays on the run sheet until the person leaves). Chair only; a second acknowledgement changes nothing.',
    auth: 'bearer',
    params: alertParamsSchema,
    response: acknowledgedAlertSchema,
    errors: ['ACCESS.UNKNOWN_PERSON', 'MEETING.NOT_FOUND', 'MEETING.ALERT_NOT_FOUND', 'MEETING.NOT_THE_CHAIR', 'STORE.VERSION_CONFLICT'],
    handle: async ({ params, caller }, { app }) => {
      const r = await acknowledgeAlert(app, caller.objectId, params.conferenceId, params.alertId);
      const { id, kind, stage, participantId, inviteeId, raisedAt, deliveries, acknowledgedAt, acknowledgedBy, clearedAt } = r.alert;
      return { alert: { id, kind, stage, participantId, inviteeId, raisedAt, deliveries, acknowledgedAt, acknowledgedBy, clearedAt }, already: r.already };
    },
  }),
];
