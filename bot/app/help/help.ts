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

const COMING = 'Not available in chat yet.';

export function helpViewModel(actionId: string): HelpCardViewModel {
  return {
    title: 'Child protection conference assistant',
    intro: 'I help clerks, chairs, social workers and professionals run child protection conferences in Teams. Cases are shown by case reference only. Everything before the call works in chat now; the call itself and what follows are being built, and this card will say when each can be used here.',
    capabilities: [
      { heading: 'Book a conference', description: 'Initial, review, transfer-in, pre-birth and core group meetings, with the statutory latest date and every derived deadline.', status: 'Say "book" (clerks and social workers).' },
      { heading: 'Create a locked-down meeting', description: 'The Teams meeting is created with the lobby locked, chat and recording off, and the options read back to prove they took.', status: 'Done for you when you book.' },
      { heading: 'Invite and confirm attendance', description: 'Invitations with attendees hidden from each other; professionals confirm from a card in chat; a quoracy forecast for the clerk.', status: 'Say "invite <case reference>" for the list, "board <case reference>" for answers, reports and quoracy.' },
      { heading: 'Run the conference', description: 'The chair moves through the stages and is told whom to admit now and who must not be in the meeting.', status: 'Chairs: say "meeting <case reference>" for the run sheet once the meeting has started.' },
      { heading: 'Record the decision', description: 'Each agency\'s view, the outcome, the category, the lead social worker, the core group and the next dates, checked against the timescales.', status: COMING },
      { heading: 'Afterwards', description: 'The decision goes out within one working day; the core group and the review are booked; every step is in the audit log.', status: 'Say "follow-ups <case reference>" to book the core group and review and tick off the minutes; "minutes <case reference>" for a core group\'s minutes.' },
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
