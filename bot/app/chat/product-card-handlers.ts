// The product's card handlers, one per verb of bot/cards/card-verbs.ts (the type checks that
// none is missing), each from its own area.
import type { AppDeps } from '../app-deps';
import { bookingCardHandlers } from '../booking/booking-chat';
import { standDownCardHandlers } from '../booking/stand-down-chat';
import { attendanceCardHandlers } from '../attendance/attendance-card-handlers';
import { inviteListCardHandlers } from '../invite-list/invite-list-card';
import { helpCardHandlers } from '../help/help';
import { decisionCardHandlers } from '../decision/decision-chat';
import type { CardActionHandlers } from '../ports/card-action.port';
import { alertCardHandlers } from '../meeting/live/alert-card-handlers';
import { recordCardHandlers } from '../record/record-card-handlers';
import { runSheetCardHandlers } from '../meeting/stage/run-sheet-card-handlers';
import { followUpsCardHandlers } from '../follow-ups/follow-ups-card';
import { coreGroupCardHandlers } from '../core-group/core-group-card';

export function productCardHandlers(deps: AppDeps): CardActionHandlers {
  return { ...helpCardHandlers, ...bookingCardHandlers(deps), ...standDownCardHandlers(deps), ...attendanceCardHandlers(deps), ...inviteListCardHandlers(deps), ...alertCardHandlers(deps), ...decisionCardHandlers(deps), ...recordCardHandlers(deps), ...runSheetCardHandlers(deps), ...followUpsCardHandlers(deps), ...coreGroupCardHandlers(deps) };
}
