// A professional's attendance answer, from their 1:1 card, the e-mailed confirmation page or the
// API. Authorised as their own invitation; the same answer again changes nothing (and a second
// press of the same card is answered from the card path's record); a different one is a new,
// audited answer. After an answer from the page or the API the 1:1 card, if one was sent, is
// updated in place to its answered state (best effort: the answer is saved either way).
import type { Viewer } from '../../domain/access/access-decision';
import type { AttendanceAnswer, Conference, Invitee } from '../../domain/conference/conference';
import { recordAnswer, reportDueDate } from '../../domain/invite-list/attendance-rules';
import { authorise } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { InviteListError } from '../invite-list/invite-list-errors';
import { loadConference } from '../invite-list/invite-list.use-case';
import { BookingError } from '../meetings/booking-errors';
import { attendanceCard, reportLinkFor } from './attendance-card';

export type ColleagueInput = { directoryId: string } | { displayName: string; role: string };

export interface AttendanceInput {
  conferenceId: string;
  inviteeId: string;
  answer: AttendanceAnswer['answer'];
  colleague?: ColleagueInput;
  via: AttendanceAnswer['via'];
}

export interface AttendanceResult {
  conference: Conference;
  invitee: Invitee;
  answer: AttendanceAnswer;
  /** false: the same answer as the latest one, nothing recorded. */
  changed: boolean;
  reportDue: string | null;
}

async function colleagueOf(deps: AppDeps, input: ColleagueInput | undefined): Promise<AttendanceAnswer['colleague']> {
  if (!input) return undefined;
  if ('directoryId' in input) {
    const person = await deps.directory.get(input.directoryId);
    if (!person) throw new InviteListError('ATTENDANCE.COLLEAGUE_NOT_FOUND', 'the colleague is not in the directory');
    return { directoryId: person.id, displayName: person.displayName, email: person.email, role: person.jobTitle ?? 'Colleague' };
  }
  return { displayName: input.displayName.trim(), role: input.role.trim() };
}

export async function answerAttendance(deps: AppDeps, viewer: Viewer, input: AttendanceInput): Promise<AttendanceResult> {
  const c = await loadConference(deps, input.conferenceId);
  await authorise(deps, viewer, 'attendance.answer-own', c, { inviteeId: input.inviteeId });
  const colleague = input.answer === 'sending-colleague' ? await colleagueOf(deps, input.colleague) : undefined;
  const reportDue = reportDueDate(deps.profileFor(c.profileId), c.start);
  const result = await deps.uow.run(async (tx) => {
    const fresh = await deps.store.get(input.conferenceId, tx);
    if (!fresh) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${input.conferenceId} not found`);
    const invitee = fresh.invitees.find((i) => i.id === input.inviteeId && i.status !== 'removed');
    if (!invitee) throw new BookingError('INVITEE.NOT_FOUND', `invitee ${input.inviteeId} is not invited`);
    const r = recordAnswer(fresh, invitee, { answer: input.answer, at: deps.clock.now().toISOString(), by: viewer.id, via: input.via, ...(colleague ? { colleague } : {}) }, reportDue);
    if (!r.ok) throw new InviteListError(r.code, r.message);
    if (!r.value.changed) return { conference: fresh, invitee, answer: r.value.answer, changed: false, reportDue };
    const saved = await deps.store.save({ ...fresh, invitees: fresh.invitees.map((i) => (i.id === invitee.id ? r.value.invitee : i)) }, tx);
    await deps.audit.append(
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: 'attendance.answered',
        conferenceId: fresh.id,
        detail: {
          inviteeId: invitee.id,
          answer: r.value.answer.answer,
          via: input.via,
          changeOfMind: (invitee.attendance?.length ?? 0) > 0,
          colleagueFromDirectory: colleague?.directoryId !== undefined,
          reportDueBy: r.value.answer.reportDueBy ?? null,
        },
      },
      tx,
    );
    return { conference: saved, invitee: r.value.invitee, answer: r.value.answer, changed: true, reportDue };
  });
  const sent = result.invitee.attendanceRequest?.card;
  if (result.changed && input.via !== 'card' && sent) {
    await deps.notifier.updateCard(sent, attendanceCard(result.conference, result.invitee, reportDue, undefined, false, reportLinkFor(deps, result.conference, result.invitee))).catch(() => undefined);
  }
  return result;
}
