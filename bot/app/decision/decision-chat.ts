// "decision <case reference>" in chat and the decision card's verbs. In the chair's 1:1 chat the
// card is the reply; typed in a meeting or group chat, the chair's card goes to their 1:1 chat and
// the meeting chat gets the neutral base card, whose refresh (userIds: the chair) shows the chair
// their own card there. Only the chair: anyone else gets an audited refusal (decision.refused).
import { AGENCY_LABEL, type Agency } from '../../domain/conference/agency';
import { CodedError } from '../../domain/shared/coded-error';
import type { AppDeps } from '../app-deps';
import { CASE_REFERENCE_ARG, usageText, INVOKE_MESSAGES } from '../attendance/command-messages';
import type { ChatCommand } from '../chat/chat-turn';
import type { CardActionHandlers, CardOutcome } from '../ports/card-action.port';
import { decisionBaseCard, decisionCard, draftFromCard } from './decision-card';
import { DecisionError, DecisionFieldsRefused } from './decision-errors';
import { readDecision, recordDecision, saveDecisionDraft } from './decision.use-case';


/** Why the card cannot be opened, in words (no case detail). */
const REFUSAL_TEXT: Record<string, string> = {
  'CONFERENCE.NOT_FOUND': INVOKE_MESSAGES.notFound,
  'DECISION.NOT_THE_CHAIR': 'Only the chair of this conference records its decision.',
  'DECISION.NOT_A_CONFERENCE': 'A core group has no decision card: record its minutes instead.',
  'MEETING.NOT_FOUND': "This conference's Teams meeting is not live yet: the decision card opens once the meeting has started.",
};

/** A 1:1 chat with the bot ('a:…'); meeting, group and channel conversations are '19:…'. */
const isPersonalChat = (conversationId: string): boolean => !conversationId.startsWith('19:');

export function decisionCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'decision',
      async run(turn, args) {
        const reference = args.trim();
        if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText('decision') };
        const ids = await deps.lookup.idsByCaseReference(reference);
        if (!ids[0]) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
        const actor = turn.actor.aadObjectId ?? turn.actor.id;
        try {
          const view = await readDecision(deps, actor, ids[0]);
          const card = decisionCard(view);
          if (isPersonalChat(turn.actor.conversationId)) return { kind: 'card', card };
          const chairId = view.loaded.conference.booking?.chairId ?? actor;
          // The chair's own card in their 1:1 chat; if it cannot be delivered, the base card's refresh still shows it here.
          await deps.notifier.sendCard(actor, card).catch(() => undefined);
          return { kind: 'card', card: decisionBaseCard(view.loaded.conference.id, chairId) };
        } catch (err) {
          if (err instanceof CodedError && REFUSAL_TEXT[err.code]) return { kind: 'text', text: REFUSAL_TEXT[err.code]! };
          throw err;
        }
      },
    },
  ];
}

type Handlers = Pick<CardActionHandlers, 'decision.open' | 'decision.save' | 'decision.record'>;

export function decisionCardHandlers(deps: AppDeps): Handlers {
  /** Field refusals (a view from an agency not present) and a recorded decision are answered on the card. */
  const onRefusal = async (err: unknown, actorId: string, conferenceId: string): Promise<CardOutcome> => {
    if (err instanceof DecisionFieldsRefused) {
      const view = await readDecision(deps, actorId, conferenceId);
      // A view from an agency the card does not list (a forged or stale input) has no field to sit beside: say it in the notice.
      const unlisted = Object.keys(err.fieldErrors).filter((f) => f.startsWith('view.') && !view.loaded.eligibleAgencies.includes(f.slice(5)));
      const names = unlisted.map((f) => AGENCY_LABEL[f.slice(5) as Agency] ?? 'An agency').join(', ');
      const notice = unlisted.length > 0
        ? `Nothing was saved: ${names} ${unlisted.length > 1 ? 'are' : 'is'} neither in the meeting nor sent a report, so a view from ${unlisted.length > 1 ? 'them' : 'it'} cannot be counted.`
        : 'Nothing was saved: correct the fields marked.';
      return { kind: 'card', card: decisionCard({ ...view, errors: err.fieldErrors }, notice) };
    }
    if (err instanceof DecisionError && err.code === 'DECISION.ALREADY_RECORDED') {
      return { kind: 'card', card: decisionCard(await readDecision(deps, actorId, conferenceId), 'The decision is already recorded: nothing was changed.') };
    }
    throw err;
  };
  return {
    'decision.open': async ({ actorId, data }) => ({ kind: 'card', card: decisionCard(await readDecision(deps, actorId, data.conferenceId)) }),
    'decision.save': async ({ actorId, data }) => {
      try {
        const view = await saveDecisionDraft(deps, actorId, data.conferenceId, draftFromCard(data));
        return { kind: 'card', card: decisionCard(view, 'Saved. Press "Record decision" when it is complete.', 'Default') };
      } catch (err) {
        return onRefusal(err, actorId, data.conferenceId);
      }
    },
    'decision.record': async ({ actorId, data }) => {
      try {
        const answer = await recordDecision(deps, actorId, data.conferenceId, draftFromCard(data));
        if (answer.kind === 'recorded') return { kind: 'card', card: decisionCard(answer.view, 'Decision recorded. The record now goes to every invitee; any copy that leaves parts out waits for your approval. Say "follow-ups" and the case reference to book the core group and the review.', 'Good') };
        if (answer.kind === 'already-recorded') return { kind: 'card', card: decisionCard(answer.view, 'The decision is already recorded: nothing was changed.') };
        return { kind: 'card', card: decisionCard(answer.view, 'Not recorded yet: correct the fields marked, then press "Record decision" again. What you entered is saved.') };
      } catch (err) {
        if (err instanceof DecisionError && err.code === 'DECISION.NOT_AT_DECISION_STAGE') {
          const view = await readDecision(deps, actorId, data.conferenceId);
          return { kind: 'card', card: decisionCard(view, 'Saved, not recorded: open the decision stage first (the chair\'s run sheet), then press "Record decision".') };
        }
        return onRefusal(err, actorId, data.conferenceId);
      }
    },
  };
}
