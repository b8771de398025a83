// The product's chat commands, each from its own area: the composition root passes them to
// chatResponder. "help" is always there (chat-commands.ts).
import type { AppDeps } from '../app-deps';
import { boardCommands } from '../attendance/board-commands';
import { bookingCommands } from '../booking/booking-chat';
import { standDownCommands } from '../booking/stand-down-chat';
import { decisionCommands } from '../decision/decision-chat';
import type { ChatCommand } from './chat-turn';
import { followUpsCommands } from '../follow-ups/follow-ups-card';
import { coreGroupCommands } from '../core-group/core-group-card';
import { runSheetCommands } from '../meeting/stage/run-sheet-command';

export function productCommands(deps: AppDeps): ChatCommand[] {
  return [...bookingCommands(deps), ...standDownCommands(deps), ...boardCommands(deps), ...decisionCommands(deps), ...runSheetCommands(deps), ...followUpsCommands(deps), ...coreGroupCommands(deps)];
}
