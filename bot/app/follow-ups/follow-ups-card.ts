// The follow-ups card and its verbs: "follow-ups <case reference>" in chat (the conference with
// that reference that is not a core group, the latest), follow-ups.book (also on the record card
// and the minutes card) and follow-ups.done. Every press answers with the card again and what
// happened, or the refusal in words; refusals of a person (access) go to the invoke error table.
import { randomUUID } from 'node:crypto';
import { type FollowUpsCardViewModel, render } from '../../cards/follow-ups/follow-ups.view-model';
import { FOLLOW_UP_NAMES } from '../../domain/follow-ups/follow-ups';
import { CodedError } from '../../domain/shared/coded-error';
import { AccessRefused } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { CASE_REFERENCE_ARG, usageText, accessRefusalText, INVOKE_MESSAGES } from '../attendance/command-messages';
import { BookingFieldsRefused } from '../booking/booking-request-errors';
import type { ChatCommand } from '../chat/chat-turn';
import { BookingError } from '../meetings/booking-errors';
import type { CardActionHandlers, CardOutcome } from '../ports/card-action.port';
import { bookFollowUps, type FollowUpsAnswer, readFollowUps } from './book-follow-ups.use-case';
import { markFollowUpDone } from './mark-task-done.use-case';

const KIND_TEXT = { 'first-core-group': 'First core group', review: 'Review conference', 'next-core-group': 'Next core group' } as const;

export function followUpsCard(caseReference: string, a: FollowUpsAnswer, notice = ''): ReturnType<typeof render> {
  const actionId = randomUUID();
  const vm: FollowUpsCardViewModel = {
    title: `After the conference: ${caseReference}`,
    intro: 'Book the first core group and the review conference from the decision (each gets its own Teams meeting and invitations), and mark each task done when it is.',
    notice,
    booked: a.booked.map((b) => ({ title: KIND_TEXT[b.kind], value: `${b.date}, ${b.status === 'booked' && b.optionsVerified ? 'booked, invitations sent' : b.status}` })),
    tasks: a.tasks.map((t) => ({
      text: `${t.rule}: ${FOLLOW_UP_NAMES[t.rule]} by ${t.due}${t.doneAt ? ' (done)' : ''}`,
      rule: t.rule,
      open: !t.doneAt,
      doneTitle: 'Done',
      doneVerb: 'follow-ups.done',
      conferenceId: a.conferenceId,
      actionId,
    })),
    bookTitle: a.booked.length > 0 ? 'Check the follow-ups again' : 'Book the follow-ups',
    bookVerb: 'follow-ups.book',
    conferenceId: a.conferenceId,
    actionId,
  };
  return render(vm);
}

/** A refusal the person can act on, in words; anything else goes to the invoke error table. */
export function refusalWords(err: unknown): string | null {
  if (err instanceof BookingFieldsRefused) return Object.values(err.fieldErrors).map((e) => e?.message).filter(Boolean).join(' ');
  if (err instanceof AccessRefused) return null;
  const words: Record<string, string> = {
    'FOLLOW_UP.NO_DECISION': 'No decision has been recorded for this conference yet: record it first.',
    'FOLLOW_UP.NO_PLAN': 'The decision made no child protection plan, so there is no core group or review to book.',
    'FOLLOW_UP.NOTHING_TO_BOOK': 'There is no date to book: the decision (or the minutes) gave no core group or review date.',
    'FOLLOW_UP.TASK_NOT_FOUND': 'This conference has no such task.',
  };
  if (err instanceof CodedError || err instanceof BookingError) return words[err.code] ?? (err.code.startsWith('CORE_GROUP.') ? err.message : null);
  return null;
}

async function caseReferenceOf(deps: AppDeps, conferenceId: string): Promise<string> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  return c.caseReference;
}

export function followUpsCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'follow-ups.book' | 'follow-ups.done'> {
  const answer = async (conferenceId: string, actorId: string, run: () => Promise<{ a: FollowUpsAnswer; notice: string }>): Promise<CardOutcome> => {
    const reference = await caseReferenceOf(deps, conferenceId);
    try {
      const { a, notice } = await run();
      return { kind: 'card', card: followUpsCard(reference, a, notice) };
    } catch (err) {
      const words = refusalWords(err);
      if (words === null) throw err;
      return { kind: 'card', card: followUpsCard(reference, await readFollowUps(deps, actorId, conferenceId), words) };
    }
  };
  return {
    'follow-ups.book': (request) =>
      answer(request.data.conferenceId, request.actorId, async () => {
        const a = await bookFollowUps(deps, request.actorId, request.data.conferenceId);
        const fresh = a.booked.filter((b) => b.newlyBooked).length;
        const waiting = a.booked.filter((b) => !b.optionsVerified).length;
        const notice = `${fresh > 0 ? `Booked ${fresh} new conference${fresh > 1 ? 's' : ''}.` : 'Nothing new to book: the follow-ups were booked already.'}${waiting > 0 ? ` ${waiting} meeting${waiting > 1 ? 's are' : ' is'} not locked down yet: the family invitations wait; press again or tell the clerk.` : ''}`;
        return { a, notice };
      }),
    'follow-ups.done': (request) =>
      answer(request.data.conferenceId, request.actorId, async () => {
        const a = await markFollowUpDone(deps, request.actorId, request.data.conferenceId, request.data.rule);
        return { a, notice: a.changed ? `${request.data.rule} marked done.` : `${request.data.rule} was already done.` };
      }),
  };
}

export function followUpsCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'follow-ups',
      async run(turn, args) {
        const reference = args.trim();
        if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText('follow-ups') };
        const conferences = (await Promise.all((await deps.lookup.idsByCaseReference(reference)).map((id) => deps.store.get(id)))).filter((c) => c !== null);
        const c = conferences.filter((x) => x.kind !== 'CORE_GROUP').sort((a, b) => b.start.localeCompare(a.start))[0];
        if (!c) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
        try {
          return { kind: 'card', card: followUpsCard(c.caseReference, await readFollowUps(deps, turn.actor.aadObjectId, c.id)) };
        } catch (err) {
          if (!(err instanceof AccessRefused)) throw err;
          return { kind: 'text', text: accessRefusalText(err) };
        }
      },
    },
  ];
}
