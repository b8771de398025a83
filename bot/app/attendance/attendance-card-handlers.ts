// The attendance card's and the board card's verbs. The card path (card-action-router.ts) has
// already parsed the data and made a second press of the same card answer as the first; each
// handler resolves the presser from the directory, authorises, and answers with the card's next
// state (Action.Execute replaces the card in place).
import { reportDueDate } from '../../domain/invite-list/attendance-rules';
import { authorise } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { InviteListError } from '../invite-list/invite-list-errors';
import { loadConference } from '../invite-list/invite-list.use-case';
import type { CardActionHandlers, CardActionRequest, CardOutcome } from '../ports/card-action.port';
import { BookingError } from '../meetings/booking-errors';
import { type AttendanceInput, answerAttendance } from './answer-attendance.use-case';
import { attendanceCard, reportLinkFor } from './attendance-card';
import { boardCard } from './board-card';
import { readBoard } from './board.use-case';

type AttendanceData = { conferenceId: string; inviteeId: string };

async function answer(deps: AppDeps, request: CardActionRequest<AttendanceData>, rest: Pick<AttendanceInput, 'answer' | 'colleague'>): Promise<CardOutcome> {
  const viewer = await requireViewer(deps, request.actorId, request.verb);
  const r = await answerAttendance(deps, viewer, { conferenceId: request.data.conferenceId, inviteeId: request.data.inviteeId, via: 'card', ...rest });
  return { kind: 'card', card: attendanceCard(r.conference, r.invitee, r.reportDue, undefined, false, reportLinkFor(deps, r.conference, r.invitee)) };
}

export function attendanceCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'attendance.attending' | 'attendance.not-attending' | 'attendance.send-colleague' | 'attendance.change' | 'board.refresh'> {
  return {
    'attendance.attending': (request) => answer(deps, request, { answer: 'attending' }),
    'attendance.not-attending': (request) => answer(deps, request, { answer: 'not-attending' }),
    'attendance.send-colleague': (request) => {
      const { colleagueId, colleagueName, colleagueRole } = request.data;
      const colleague = colleagueId ? { directoryId: colleagueId } : colleagueName && colleagueRole ? { displayName: colleagueName, role: colleagueRole } : undefined;
      if (!colleague) throw new InviteListError('ATTENDANCE.COLLEAGUE_REQUIRED', 'no colleague given');
      return answer(deps, request, { answer: 'sending-colleague', colleague });
    },
    'attendance.change': async (request) => {
      const viewer = await requireViewer(deps, request.actorId, request.verb);
      const c = await loadConference(deps, request.data.conferenceId);
      await authorise(deps, viewer, 'attendance.answer-own', c, { inviteeId: request.data.inviteeId });
      const invitee = c.invitees.find((i) => i.id === request.data.inviteeId);
      if (!invitee) throw new BookingError('INVITEE.NOT_FOUND', 'not on the list');
      if (c.status === 'stood-down') throw new InviteListError('ATTENDANCE.CONFERENCE_STOOD_DOWN', 'stood down');
      return { kind: 'card', card: attendanceCard(c, invitee, reportDueDate(deps.profileFor(c.profileId), c.start), undefined, true) };
    },
    'board.refresh': async (request) => {
      const viewer = await requireViewer(deps, request.actorId, request.verb);
      const board = await readBoard(deps, viewer, request.data.conferenceId);
      return { kind: 'card', card: boardCard(board, [viewer.id]) };
    },
  };
}
