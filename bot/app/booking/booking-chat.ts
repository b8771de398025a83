// "book" in chat and the booking and approval cards' buttons. The actor is the Teams sender's
// Entra id (requireViewer); a refusal is audited and answered with its code's message.
import type { FieldErrors } from '../../domain/booking/booking-rule-codes';
import { AccessRefused } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import type { ChatCommand } from '../chat/chat-turn';
import type { CardActionHandlers, CardOutcome } from '../ports/card-action.port';
import { DirectoryError } from '../ports/directory.port';
import { CodedError } from '../../domain/shared/coded-error';
import { approvalCard } from './approval-card';
import { decideApproval } from './approvals.use-case';
import { bookingCard, type BookingCardValues, confirmationCard } from './booking-card';
import { BookingFieldsRefused } from './booking-request-errors';
import { bookingViewer, checkBooking } from './check-booking.use-case';
import { confirmBooking } from './confirm-booking.use-case';
import { type CreatedConference, createConference } from './create-conference.use-case';

const REFUSED_TEXT: Record<string, string> = {
  'ACCESS.UNKNOWN_PERSON': 'Your account is not in the council directory this app uses. Ask the clerk or your IT team to add you.',
  'ACCESS.ROLE_NOT_ALLOWED': 'Only a clerk or a social worker can book a conference. Ask the conference clerk to book it.',
};

export function bookingCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'book',
      async run(turn) {
        try {
          await bookingViewer(deps, turn.actor.aadObjectId);
        } catch (err) {
          if (err instanceof AccessRefused) return { kind: 'text', text: REFUSED_TEXT[err.code] ?? REFUSED_TEXT['ACCESS.ROLE_NOT_ALLOWED']! };
          if (err instanceof DirectoryError) return { kind: 'text', text: 'The council directory cannot be reached right now, so I cannot check who you are. Try again in a few minutes.' };
          throw err;
        }
        return { kind: 'card', card: await bookingCard(deps.profileFor(deps.profileId), deps.directory, { values: {} }, deps.staffRoles) };
      },
    },
  ];
}

type BookingHandlers = Pick<CardActionHandlers, 'booking.new' | 'booking.check' | 'booking.confirm' | 'approval.approve' | 'approval.refuse'>;

export function bookingCardHandlers(deps: AppDeps): BookingHandlers {
  const profile = () => deps.profileFor(deps.profileId);
  const card = async (values: BookingCardValues, errors: FieldErrors, answer: Parameters<typeof bookingCard>[2]['answer'], notice?: string): Promise<CardOutcome> => ({
    kind: 'card',
    card: await bookingCard(profile(), deps.directory, { values, errors, answer, ...(notice && { notice }) }, deps.staffRoles),
  });

  const decide = (decision: 'approve' | 'refuse'): BookingHandlers['approval.approve'] => async (request) => {
    const { conferenceId, approvalId, note } = request.data;
    const decided = await decideApproval(deps, request.actorId, conferenceId, approvalId, { decision, ...(note !== undefined && { note }) });
    const follow = decided.followUp;
    const extra = follow.kind === 'booked' ? [{ title: 'Now', value: 'Booked: the Teams meeting was created.' }]
      : follow.kind === 'stood-down' ? [{ title: 'Now', value: 'Stood down: the meeting was cancelled and everyone told.' }]
        : follow.kind === 'failed' ? [{ title: 'Now', value: `Decision recorded; the next step did not finish (${follow.code}). The clerk can retry it.` }]
          : [];
    return { kind: 'card', card: approvalCard(decided.conference, decided.approval, extra) };
  };

  return {
    'booking.new': async (request) => {
      await bookingViewer(deps, request.actorId);
      return card({}, {}, undefined);
    },
    'booking.check': async (request) => {
      const checked = await checkBooking(deps, request.actorId, request.data);
      return card(request.data, checked.fieldErrors, checked.answer, checked.ok ? 'Nothing has been booked yet: press Book when the dates are right.' : undefined);
    },
    'booking.confirm': async (request) => {
      let created: CreatedConference;
      try {
        created = await createConference(deps, request.actorId, request.data);
      } catch (err) {
        if (!(err instanceof BookingFieldsRefused)) throw err;
        const checked = await checkBooking(deps, request.actorId, request.data);
        return card(request.data, err.fieldErrors, checked.answer, 'Nothing was booked: correct the fields marked and press Book again.');
      }
      const c = created.conference;
      if (created.pendingApprovals.length > 0) {
        const waiting = created.pendingApprovals.length === 1 ? 'a manager\'s approval' : `${created.pendingApprovals.length} approvals`;
        const unsent = created.notices.filter((n) => !n.sent).length;
        return { kind: 'card', card: confirmationCard(c, 'Saved: waiting for approval', `Nothing is booked until ${waiting} is given; the Teams meeting is created once approved.${unsent > 0 ? ' The approval card could not be delivered in Teams: ask the manager to open their approvals.' : ''}`) };
      }
      try {
        const booked = await confirmBooking(deps, request.actorId, c.id);
        const locked = booked.optionsVerified ? 'The Teams meeting was created in the chair\'s calendar and locked down.' : 'The Teams meeting was created, but its lock-down is not proven yet: the clerk has been alerted and family invitations are held.';
        return { kind: 'card', card: confirmationCard(booked.conference, 'Conference booked', `${locked} Next: build the invite list.`) };
      } catch (err) {
        if (!(err instanceof CodedError) && typeof (err as { code?: unknown }).code !== 'string') throw err;
        const code = (err as { code: string }).code;
        return { kind: 'card', card: confirmationCard(c, 'Saved as a draft', `The Teams meeting could not be created yet (${code}). Nothing was sent. Confirm the booking again from the conference when Teams is available.`) };
      }
    },
    'approval.approve': decide('approve'),
    'approval.refuse': decide('refuse'),
  };
}
