// Attendance answers (PRODUCT.md step 4): a professional answers attending, not attending (their
// agency's report is then due by T9) or sending a colleague. The latest answer counts; the same
// answer again changes nothing, a different one is appended (a change of mind is a new answer).
// A stood-down, held or closed conference takes no answers. Pure: dates and instants are given.
import { createWorkingCalendar } from '../calendar/create-working-calendar';
import type { IsoDate } from '../calendar/iso-date';
import type { AttendanceAnswer, Conference, Invitee } from '../conference/conference';
import type { PolicyProfile } from '../policy/policy-profile';
import type { Result } from '../shared/coded-error';
import { audienceOf } from './invitee-rules';

export type AttendanceRuleCode =
  | 'ATTENDANCE.CONFERENCE_STOOD_DOWN'
  | 'ATTENDANCE.CONFERENCE_OVER'
  | 'ATTENDANCE.NOT_A_PROFESSIONAL'
  | 'ATTENDANCE.COLLEAGUE_REQUIRED';

/** T9: the day agency reports must reach the convening team (null when the profile has no T9). */
export function reportDueDate(profile: Pick<PolicyProfile, 'timescales' | 'calendar' | 'extraClosures'>, conferenceStart: string): IsoDate | null {
  const n = profile.timescales.T9;
  if (n === null) return null;
  return createWorkingCalendar(profile.calendar, profile.extraClosures).addWorkingDays(conferenceStart.slice(0, 10), -n);
}

export type AnswerInput = Omit<AttendanceAnswer, 'reportDueBy'>;

const sameColleague = (a: AttendanceAnswer['colleague'], b: AttendanceAnswer['colleague']): boolean =>
  (a?.directoryId ?? null) === (b?.directoryId ?? null) && (a?.displayName ?? null) === (b?.displayName ?? null) && (a?.role ?? null) === (b?.role ?? null);

/** The invitee with the answer recorded, `changed: false` when it repeats the latest one. */
export function recordAnswer(
  c: Pick<Conference, 'status' | 'start'>,
  invitee: Invitee,
  answer: AnswerInput,
  reportDue: IsoDate | null,
): Result<{ invitee: Invitee; changed: boolean; answer: AttendanceAnswer }, AttendanceRuleCode> {
  if (c.status === 'stood-down') return { ok: false, code: 'ATTENDANCE.CONFERENCE_STOOD_DOWN', message: 'the conference has been stood down' };
  if (c.status === 'held' || c.status === 'closed') return { ok: false, code: 'ATTENDANCE.CONFERENCE_OVER', message: `the conference is ${c.status}` };
  if (audienceOf(invitee.role) === 'family' || invitee.role === 'interpreter' || invitee.role === 'observer') {
    return { ok: false, code: 'ATTENDANCE.NOT_A_PROFESSIONAL', message: 'only professionals answer attendance' };
  }
  if (answer.answer === 'sending-colleague' && (!answer.colleague || answer.colleague.displayName.trim() === '' || answer.colleague.role.trim() === '')) {
    return { ok: false, code: 'ATTENDANCE.COLLEAGUE_REQUIRED', message: 'name the colleague and their role' };
  }
  const recorded: AttendanceAnswer = {
    answer: answer.answer,
    at: answer.at,
    by: answer.by,
    via: answer.via,
    ...(answer.answer === 'sending-colleague' && answer.colleague ? { colleague: { ...answer.colleague } } : {}),
    ...(answer.answer === 'not-attending' && reportDue !== null ? { reportDueBy: reportDue } : {}),
  };
  const latest = invitee.attendance?.at(-1);
  if (latest && latest.answer === recorded.answer && sameColleague(latest.colleague, recorded.colleague)) {
    return { ok: true, value: { invitee, changed: false, answer: latest } };
  }
  return { ok: true, value: { invitee: { ...invitee, attendance: [...(invitee.attendance ?? []), recorded] }, changed: true, answer: recorded } };
}
