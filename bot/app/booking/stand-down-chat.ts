// "stand-down <case reference>" in chat and its card: the reason, the rationale and the named
// safeguarding manager, then requestStandDown (the same use case as POST …/stand-down). The card
// answers with what happened, or with the refusal in words and every value kept; nothing is
// cancelled until the manager approves on their own card.
import { randomUUID } from 'node:crypto';
import { type StandDownCardViewModel, render } from '../../cards/stand-down/stand-down.view-model';
import type { Conference, StandDownReason } from '../../domain/conference/conference';
import { CodedError } from '../../domain/shared/coded-error';
import { AccessRefused, authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { CASE_REFERENCE_ARG, usageText, accessRefusalText, INVOKE_MESSAGES } from '../attendance/command-messages';
import type { ChatCommand } from '../chat/chat-turn';
import { BookingError } from '../meetings/booking-errors';
import type { CardActionHandlers } from '../ports/card-action.port';
import { STAND_DOWN_LABEL, STAND_DOWN_REASONS, requestStandDown } from './stand-down.use-case';

type Values = StandDownCardViewModel['values'];

async function safeguardingManagers(deps: AppDeps, selected: string): Promise<{ title: string; value: string }[]> {
  const ids = new Set<string>(selected ? [selected] : []);
  for (const e of await deps.staffRoles.list().catch(() => [])) if (e.role === 'safeguarding-manager') ids.add(e.objectId);
  const people = await Promise.all([...ids].map((id) => deps.directory.get(id).catch(() => null)));
  return people.filter((p) => p !== null).map((p) => ({ title: p.displayName, value: p.id }));
}

async function standDownCard(deps: AppDeps, c: Conference, values: Values, notice = ''): Promise<StandDownCardViewModel> {
  return {
    title: `Stand down ${c.caseReference}`,
    facts: [
      { title: 'Case reference', value: c.caseReference },
      { title: 'Date', value: `${c.start.slice(0, 10)} at ${c.start.slice(11)}` },
    ],
    intro: 'A stand-down needs a safeguarding manager\'s approval with a rationale. They get an approval card; the meeting is cancelled and everyone told only once they approve.',
    notice,
    reasons: STAND_DOWN_REASONS.map((r) => ({ title: STAND_DOWN_LABEL[r], value: r })),
    managers: await safeguardingManagers(deps, values.managerId),
    values,
    askTitle: 'Ask for approval',
    askVerb: 'stand-down.request',
    conferenceId: c.id,
    actionId: randomUUID(),
  };
}

/** A coded refusal in words for the card (the same words as the invoke error table where it has them). */
function refusalText(err: CodedError | BookingError): string {
  const text: Record<string, string> = {
    'BOOKING.RATIONALE_REQUIRED': 'Give the rationale: the safeguarding manager decides on it.',
    'BOOKING.MANAGER_NOT_SAFEGUARDING': 'Choose a safeguarding manager: only they approve a stand-down.',
    'BOOKING.PERSON_NOT_FOUND': 'That manager is not in the directory: choose another.',
    'BOOKING.STAND_DOWN_PENDING': 'A stand-down of this conference is already waiting for approval.',
    'BOOKING.CONFERENCE_STOOD_DOWN': 'This conference has already been stood down.',
    'MEETING.NOT_BOOKED': 'Only a booked conference is stood down.',
  };
  return text[err.code] ?? `It could not be asked (${err.code}).`;
}

export function standDownCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'stand-down',
      async run(turn, args) {
        const reference = args.trim();
        if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText('stand-down') };
        const ids = await deps.lookup.idsByCaseReference(reference);
        const c = ids[0] ? await deps.store.get(ids[0]) : null;
        if (!c) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
        try {
          const viewer = await requireViewer(deps, turn.actor.aadObjectId, 'conference.stand-down');
          await authorise(deps, viewer, 'conference.stand-down', c);
        } catch (err) {
          if (!(err instanceof AccessRefused)) throw err;
          return { kind: 'text', text: accessRefusalText(err) };
        }
        return { kind: 'card', card: render(await standDownCard(deps, c, { reason: '', rationale: '', managerId: '' })) };
      },
    },
  ];
}

export function standDownCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'stand-down.request'> {
  return {
    'stand-down.request': async (request) => {
      const { conferenceId, reason, rationale, managerId } = request.data;
      const values: Values = { reason: reason ?? '', rationale: rationale ?? '', managerId: managerId ?? '' };
      const c = await deps.store.get(conferenceId);
      if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
      if (!STAND_DOWN_REASONS.includes(values.reason as StandDownReason)) {
        return { kind: 'card', card: render(await standDownCard(deps, c, values, 'Choose the reason for the stand-down.')) };
      }
      if (!values.managerId) return { kind: 'card', card: render(await standDownCard(deps, c, values, 'Choose the safeguarding manager who approves it.')) };
      try {
        const answer = await requestStandDown(deps, request.actorId, conferenceId, { reason: values.reason as StandDownReason, rationale: values.rationale, managerId: values.managerId });
        const done = answer.kind === 'requested'
          ? `Sent for approval. ${answer.notices.every((n) => n.sent) ? 'The safeguarding manager has the approval card.' : 'The approval card could not be delivered: ask them to open GET /api/v1/approvals or tell the clerk.'}`
          : 'The approved stand-down was finished: the meeting is cancelled and everyone told.';
        return { kind: 'card', card: render(await standDownCard(deps, answer.conference, values, done)) };
      } catch (err) {
        if (err instanceof AccessRefused) throw err;
        if (err instanceof CodedError || err instanceof BookingError) return { kind: 'card', card: render(await standDownCard(deps, c, values, refusalText(err))) };
        throw err;
      }
    },
  };
}
