// What the bot says to a message it is not otherwise handling: "help" gets the help card,
// anything else a short pointer to it.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { type HelpCardViewModel, render as renderHelpCard } from '../../cards/help/help.view-model';
import type { CardActionHandlers } from '../ports/card-action.port';

export type { TextReply } from '../chat/chat-turn';

export const HELP_POINTER = 'Sorry, I did not understand that. Say "help" to see what I can do.';

/** "help", "Help!", " HELP " — after the adapter has removed any @mention of the bot. */
export function isHelpRequest(text: string): boolean {
  return /^\s*help\s*[.!?]*\s*$/i.test(text);
}

export function helpViewModel(actionId: string): HelpCardViewModel {
  return {
    title: 'Child protection conference assistant',
    intro: 'I help clerks, chairs, social workers and professionals run child protection conferences in Teams. Cases are shown by case reference only. Each command below is followed by the case reference, for example "board CP-2026-0042".',
    capabilities: [
      { heading: 'Book a conference', description: 'Initial, review, transfer-in, pre-birth and core group meetings, with the statutory latest date and every derived deadline.', status: 'Say "book" (clerks and social workers).' },
      { heading: 'Create a locked-down meeting', description: 'The Teams meeting is created with the lobby locked, chat and recording off, and the options read back to prove they took.', status: 'Done for you when you book.' },
      { heading: 'Invite and confirm attendance', description: 'Invitations with attendees hidden from each other; professionals confirm from a card in chat; a quoracy forecast for the clerk.', status: 'Say "invite" and the case reference for the list, "board" and the case reference for answers, reports and quoracy.' },
      { heading: 'Run the conference', description: 'The chair moves through the stages and is told whom to admit now and who must not be in the meeting.', status: 'Chairs: say "meeting" and the case reference for the run sheet once the meeting has started.' },
      { heading: 'Record the decision', description: 'Each agency\'s view, the outcome, the category, the lead social worker, the core group and the next dates, checked against the timescales.', status: 'Chairs: say "decision" and the case reference for the decision card (recorded from the decision stage).' },
      { heading: 'Afterwards', description: 'The decision goes out within one working day; the core group and the review are booked; every step is in the audit log.', status: 'Say "follow-ups" and the case reference to book the core group and review and tick off the minutes; "minutes" and the case reference for a core group\'s minutes.' },
    ],
    footer: 'Say "help" at any time to see this card again.',
    refreshTitle: 'Show help again',
    showVerb: 'help.show',
    actionId,
  };
}

export function helpCard(actionId: string = randomUUID()): AdaptiveCardJson {
  return renderHelpCard(helpViewModel(actionId));
}


/** The card verbs this module answers: the help card's own button shows a fresh card. */
export const helpCardHandlers: Pick<CardActionHandlers, 'help.show'> = {
  'help.show': async () => ({ kind: 'card', card: helpCard() }),
};
