// The chair's "Approve and send" on the redacted-copies card: approves, sends that copy, and
// answers with the card refreshed (that copy's status, its button gone).
import type { AppDeps } from '../app-deps';
import type { CardActionHandlers } from '../ports/card-action.port';
import { approveRedactedCopy } from './approve-redacted.use-case';
import { approvalCard } from './record-approval-card';
import { loadConference } from './issue-record.use-case';

export function recordCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'record.approve-redacted'> {
  return {
    'record.approve-redacted': async (request) => {
      await approveRedactedCopy(deps, request.actorId, request.data.conferenceId, request.data.inviteeId);
      const c = await loadConference(deps, request.data.conferenceId);
      const live = await deps.live.get(c.id);
      return { kind: 'card', card: approvalCard(deps, c, live!) };
    },
  };
}
