// The alert card's Acknowledge button (verb meeting.alert-ack): the card comes back acknowledged.
import type { CardActionHandlers } from '../../ports/card-action.port';
import { acknowledgeAlert } from './acknowledge-alert.use-case';
import { alertCard } from './alert-card';
import type { LiveDeps } from './live-deps';

export function alertCardHandlers(deps: LiveDeps): Pick<CardActionHandlers, 'meeting.alert-ack'> {
  return {
    'meeting.alert-ack': async ({ data, actorId }) => {
      const r = await acknowledgeAlert(deps, actorId, data.conferenceId, data.alertId);
      return { kind: 'card', card: alertCard(r.conference, { roster: r.roster }, r.alert, r.alert.deliveries) };
    },
  };
}
