// "meeting <case reference>" in chat: the chair's run sheet, sent to the chair's own 1:1 chat with
// the bot (never answered in place: typed in the meeting chat, a card there is visible to all its
// members, the family included). Anyone but the chair is told so, as the card path would.
import { MeetingError } from '../../../domain/meeting/meeting-errors';
import { AccessRefused } from '../../access/authorise';
import type { AppDeps } from '../../app-deps';
import { CASE_REFERENCE_ARG, usageText, accessRefusalText, INVOKE_MESSAGES } from '../../attendance/command-messages';
import type { ChatCommand } from '../../chat/chat-turn';
import { BookingError } from '../../meetings/booking-errors';
import { loadForChair } from './chair-context';
import { runSheetCard } from './run-sheet-card';


export function runSheetCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'meeting',
      async run(turn, args) {
        const reference = args.trim();
        if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText('meeting') };
        const ids = await deps.lookup.idsByCaseReference(reference);
        if (ids.length === 0) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
        try {
          const { viewer, conference, live } = await loadForChair(deps, turn.actor.aadObjectId, ids[0]!, 'meeting.run-sheet');
          await deps.notifier.sendCard(viewer.id, await runSheetCard(deps, conference, live));
          return { kind: 'text', text: 'The run sheet is in your 1:1 chat with the bot.' };
        } catch (err) {
          if (err instanceof AccessRefused) {
            return { kind: 'text', text: accessRefusalText(err) };
          }
          if (err instanceof BookingError && err.code === 'CONFERENCE.NOT_FOUND') return { kind: 'text', text: INVOKE_MESSAGES.notFound };
          if (err instanceof MeetingError && err.code === 'MEETING.NOT_THE_CHAIR') return { kind: 'text', text: 'Only the chair of this conference has its run sheet.' };
          if (err instanceof MeetingError && err.code === 'MEETING.NOT_FOUND') {
            return { kind: 'text', text: 'The meeting has not started yet: the run sheet opens once Teams tells the bot the meeting has begun.' };
          }
          if (err instanceof Error && 'code' in err && String(err.code).startsWith('NOTIFY.')) return { kind: 'text', text: 'The run sheet could not be sent to your 1:1 chat with the bot: open a chat with the bot and try again.' };
          throw err;
        }
      },
    },
  ];
}
